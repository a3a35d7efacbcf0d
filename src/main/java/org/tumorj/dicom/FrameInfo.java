package org.tumorj.dicom;

import java.util.List;
import org.tumorj.volume.VoiLut;

/**
 * What one frame needs for sorting and conversion, from the classic attributes or, in enhanced
 * multi-frame files, from its per-frame (else shared) functional groups.
 *
 * @param position ImagePositionPatient, or null
 * @param orientation ImageOrientationPatient (6 values), or null
 * @param pixelSpacing row spacing, column spacing (mm), or null (see {@link ProjectionSpacing})
 * @param voiLut the frame's default VOI LUT, or null
 */
record FrameInfo(int frame, double[] position, double[] orientation, double[] pixelSpacing,
                 double sliceThickness, double slope, double intercept, List<Window> windows, VoiLut voiLut) {
}
