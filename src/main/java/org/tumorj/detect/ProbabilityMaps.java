package org.tumorj.detect;

import java.util.ArrayList;
import java.util.List;
import org.tumorj.volume.Volume;

/**
 * The probability maps of a whole volume, one {@link ProbabilityMap} per slice in slice order,
 * plus the slice size they upsample to. An ensemble's maps ({@link #meanOf}) are the mean of its
 * members' and keep those for the members' own findings.
 */
public final class ProbabilityMaps {
    private final List<ProbabilityMap> maps;
    private final int width;
    private final int height;
    private final List<ProbabilityMaps> members;

    public ProbabilityMaps(List<ProbabilityMap> maps, int width, int height) {
        this(maps, width, height, List.of());
    }

    private ProbabilityMaps(List<ProbabilityMap> maps, int width, int height, List<ProbabilityMaps> members) {
        this.maps = List.copyOf(maps);
        this.width = width;
        this.height = height;
        this.members = List.copyOf(members);
    }

    /** The cell-wise mean of maps on one grid (an ensemble's members'), which it keeps as {@link #members()}. */
    public static ProbabilityMaps meanOf(List<ProbabilityMaps> members) {
        ProbabilityMaps first = members.get(0);
        List<ProbabilityMap> mean = new ArrayList<>(first.depth());
        for (int z = 0; z < first.depth(); z++) {
            ProbabilityMap grid = first.map(z);
            float[] sum = new float[grid.mapWidth() * grid.mapHeight()];
            for (ProbabilityMaps m : members) {
                ProbabilityMap slice = m.map(z);
                if (!slice.sameGrid(grid) || m.width != first.width || m.height != first.height) {
                    throw new IllegalArgumentException("ensemble members' maps differ in their grid on slice " + z);
                }
                for (int j = 0, i = 0; j < grid.mapHeight(); j++) {
                    for (int x = 0; x < grid.mapWidth(); x++, i++) {
                        sum[i] += slice.value(x, j) / members.size();
                    }
                }
            }
            mean.add(grid.withValues(sum));
        }
        return new ProbabilityMaps(mean, first.width, first.height, members);
    }

    /** These maps with other slices on the same grid (masked ones), and their members' (one list per member). */
    ProbabilityMaps withSlices(List<ProbabilityMap> slices, List<List<ProbabilityMap>> memberSlices) {
        List<ProbabilityMaps> masked = memberSlices.stream().map(s -> new ProbabilityMaps(s, width, height)).toList();
        return new ProbabilityMaps(slices, width, height, masked);
    }

    /** The maps this mean was made of, in member order; empty for one detector's own maps. */
    public List<ProbabilityMaps> members() { return members; }

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

    /** The window {@code [left, left + w) x [top, top + h)} of {@link #slice(int)}, row-major. */
    public float[] slice(int z, int left, int top, int w, int h) {
        return maps.get(z).upsample(width, height, left, top, w, h);
    }
}
