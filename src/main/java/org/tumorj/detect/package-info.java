/**
 * Core: dense detection over whole volumes and the findings it yields. {@link org.tumorj.detect.DenseDetector}
 * runs the backbone fully convolutionally over each slice and the head as a 1x1 convolution, keeps one
 * small probability map per slice ({@link org.tumorj.detect.ProbabilityMaps}), and
 * {@link org.tumorj.detect.FindingExtractor} turns the maps into 3D {@link org.tumorj.detect.Finding}s
 * (threshold, 8-connected components, linking across slices, contours, calibrated sizes).
 * {@link org.tumorj.detect.DetectionsCsv} writes them. {@link org.tumorj.detect.TiledPrediction} bounds
 * memory on large images (overlapping tiles, {@link org.tumorj.detect.TileLayout});
 * {@link org.tumorj.detect.ShutterMask} keeps findings inside a radiograph's exposed field. Per-pixel
 * detectors find at peaks ({@link org.tumorj.detect.PeakFindingExtractor}); an ensemble's members' findings
 * are fused by location ({@link org.tumorj.detect.EnsembleFindings}). Plain Java: no ImageJ, AWT windows or Swing.
 */
package org.tumorj.detect;
