package org.tumorj.dicom;

import java.util.List;
import org.tumorj.volume.VolumeInfo;

/**
 * A colour series: packed RGB ({@code 0xRRGGBB}) slices, row-major, in slice order, with the
 * same geometry record as a grey {@link org.tumorj.volume.Volume} (window fields unused).
 */
public record ColorVolume(VolumeInfo info, List<int[]> slices) {
    public ColorVolume {
        slices = List.copyOf(slices);
    }

    public int width() { return info.width(); }
    public int height() { return info.height(); }
    public int depth() { return slices.size(); }
}
