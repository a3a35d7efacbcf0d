/**
 * Core: the calibrated volume (modality values, spacing, orientation, slice identities) that the DICOM reader
 * produces and everything downstream consumes.
 * Beside it, pixel sets on one slice ({@link org.tumorj.volume.SliceRegion}), their 8-connected components and pixel-edge
 * outlines ({@link org.tumorj.volume.LabelImage}, {@link org.tumorj.volume.Contour}): they live this low so that masks read
 * from files (DICOM SEG frames, NIfTI label maps) become annotation outlines by the same tracer that outlines findings.
 * Plain Java; imports nothing from ImageJ or Swing.
 */
package org.tumorj.volume;
