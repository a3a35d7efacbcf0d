/**
 * Core: training data from annotated studies: study folders and sets of them, volume and
 * annotation loading through small interfaces (the DICOM reader is plugged in by the caller),
 * patch sampling with seeded augmentation, and the train/validation split by
 * study and patient. Plain Java; no ImageJ imports.
 */
package org.tumorj.dataset;
