/**
 * Core: TumorJ's data flow end to end (DICOM study folders, annotations, per-pixel features,
 * head training, finding scorer, threshold, model bundle, ensembles of such detectors
 * ({@link org.tumorj.pipeline.EnsembleMembers}), dense detection, batch outputs, evaluation). The use cases of {@code org.tumorj.api}, which the command line and the Fiji
 * commands both call, are built from it, so the two faces do the same thing bit for bit. Radiographs are processed at a working resolution ({@link org.tumorj.pipeline.WorkingResolution},
 * {@link org.tumorj.pipeline.WorkingGrid}) and reported on their original pixels. Plain Java; no
 * ImageJ or Swing imports.
 */
package org.tumorj.pipeline;
