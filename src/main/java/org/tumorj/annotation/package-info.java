/**
 * Core: annotated regions (label, slice, polygon) and their on-disk formats, TumorJ's
 * {@code annotations.json} sidecar and the ROI Manager's {@code RoiSet.zip} (read and written
 * here without ImageJ, so the command line needs no ImageJ), and regions read from other tools'
 * files: an RT Structure Set's contours ({@link org.tumorj.annotation.RtStructAnnotations}), a DICOM
 * Segmentation's frames ({@link org.tumorj.annotation.SegAnnotations}) and a NIfTI label map
 * ({@link org.tumorj.annotation.LabelMapAnnotations}), masks outlined by {@link org.tumorj.annotation.MaskOutlines}. No ImageJ or Swing imports; ImageJ
 * ROI objects are converted in {@code org.tumorj.ij}.
 */
package org.tumorj.annotation;
