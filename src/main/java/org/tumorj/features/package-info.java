/**
 * Per-pixel features for detection: a classic filter bank in Gaussian scale space (BoofCV), on
 * the plane as it is or as {@link org.tumorj.features.LocalContrast} (radiographs), blob channels
 * of neighbouring slices for 3D context, and {@link org.tumorj.features.GridChannels} beside them
 * (hypercolumns of a pretrained network, a first detection stage's map), on one regular grid per
 * slice and streamed slice by slice. Plain Java: imports nothing from ImageJ or Swing; depends on
 * {@code volume} and {@code util} only.
 */
package org.tumorj.features;
