/**
 * Core: annotated regions (label, slice, polygon) and their on-disk formats, TumorJ's
 * {@code annotations.json} sidecar and the ROI Manager's {@code RoiSet.zip} (read and written
 * here without ImageJ, so the command line needs no ImageJ), and an RT Structure Set's contours
 * read as regions ({@link org.tumorj.annotation.RtStructAnnotations}). No ImageJ or Swing imports; ImageJ
 * ROI objects are converted in {@code org.tumorj.ij}.
 */
package org.tumorj.annotation;
