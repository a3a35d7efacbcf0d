package org.tumorj.dicom;

import java.util.List;

/**
 * What {@code ./tumorj info} prints for one series: header facts of its first image plus what the
 * series builder measured. {@code windowCenter}/{@code windowWidth} are null when the header has
 * no window (a {@link org.tumorj.volume.Volume} then gets one computed from its values).
 *
 * @param slices images in the series after grouping, counting each frame of a multi-frame file
 * @param pixelSpacing row spacing, column spacing in mm (null when the header has none)
 * @param sliceSpacing mm between slice centres, measured from positions where there are some
 */
public record SeriesSummary(String seriesInstanceUID, String modality, String seriesDescription,
                            String transferSyntaxUID, int rows, int columns, int slices, int files,
                            int bitsAllocated, int bitsStored, int pixelRepresentation,
                            String photometricInterpretation, double rescaleSlope, double rescaleIntercept,
                            Double windowCenter, Double windowWidth, List<Window> windows,
                            double[] pixelSpacing, double sliceSpacing, boolean color, List<String> warnings) {
}
