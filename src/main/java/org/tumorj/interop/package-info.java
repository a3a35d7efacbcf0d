/**
 * Core: findings as standard DICOM objects that other radiology software reads, a
 * {@link org.tumorj.interop.SegmentationObject DICOM Segmentation} (binary, one segment per finding)
 * and an {@link org.tumorj.interop.RtStructureSetObject RT Structure Set} (one ROI per finding,
 * closed planar contours in patient mm), both referencing the source images and filed in the source
 * study ({@link org.tumorj.interop.DerivedObject}). It sits after {@code detect} (the findings) and
 * before {@code pipeline} (which writes them per study beside {@code detections.csv}), and writes with
 * {@code dicom}'s one writer. Plain Java: no ImageJ, AWT windows or Swing.
 */
package org.tumorj.interop;
