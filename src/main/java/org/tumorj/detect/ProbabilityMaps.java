package org.tumorj.detect;

import java.util.List;
import org.tumorj.volume.Volume;

/**
 * The probability maps of a whole volume, one {@link ProbabilityMap} per slice in slice order,
 * plus the slice size they upsample to.
 */
public final class ProbabilityMaps {
    private final List<ProbabilityMap> maps;
    private final int width;
    private final int height;

    public ProbabilityMaps(List<ProbabilityMap> maps, int width, int height) {
        this.maps = List.copyOf(maps);
        this.width = width;
        this.height = height;
    }

    public int depth() { return maps.size(); }
    public int width() { return width; }
    public int height() { return height; }
    public ProbabilityMap map(int z) { return maps.get(z); }

    /** Throws unless these maps are one per slice of {@code volume}, at its size. */
    public void checkCovers(Volume volume) {
        if (depth() != volume.depth() || width != volume.width() || height != volume.height()) {
            throw new IllegalArgumentException("probability maps are " + width + "x" + height + "x" + depth()
                    + " but series " + volume.info().seriesInstanceUid() + " is " + volume.width() + "x"
                    + volume.height() + "x" + volume.depth());
        }
    }

    /** Slice {@code z} upsampled to full resolution, row-major; computed on each call. */
    public float[] slice(int z) {
        return maps.get(z).upsample(width, height);
    }
}
