package org.tumorj.dicom;

/**
 * A display window (VOI LUT centre/width) in modality units; {@code explanation} is the preset's
 * name from the header (e.g. "BRAIN"), or "computed" when derived from the pixel values.
 */
public record Window(double center, double width, String explanation) {
}
