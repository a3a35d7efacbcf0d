/**
 * Core: the facade that runs TumorJ's data flow end to end (DICOM study folders, annotations,
 * patches, backbone features, head training, model bundle, dense detection, evaluation). The
 * command line and the Fiji commands both call this package, so they do the same thing bit for
 * bit. Radiographs are processed at a working resolution ({@link org.tumorj.pipeline.WorkingResolution},
 * {@link org.tumorj.pipeline.WorkingGrid}) and reported on their original pixels. Plain Java; no
 * ImageJ or Swing imports.
 */
package org.tumorj.pipeline;
