package org.tumorj.detect;

import org.tumorj.volume.LabelImage;
import org.tumorj.volume.SliceRegion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Links the 2D components of consecutive slices into 3D objects: two components on slices
 * {@code z} and {@code z + 1} belong to the same object when they share at least one (x, y)
 * position. Components get global ids 0, 1, ... in the order they are added. Used for findings and
 * for annotated lesions, so both are built by the same rule; outlines drawn on every n-th slice
 * link across the slices skipped between them ({@link #RegionLinker(int)}).
 */
public final class RegionLinker {
    private final int maxStep;
    private LabelImage previous;
    private int previousZ = Integer.MIN_VALUE;
    private int previousBase;
    private int[] parent = new int[64];
    private int size;

    /** A linker of consecutive slices. */
    public RegionLinker() {
        this(1);
    }

    /**
     * A linker that also links the previous slice added when it lies up to {@code maxStep} slices
     * below, for outlines drawn on every {@code maxStep}-th slice; slices between are simply not
     * added, while one added empty ({@link #addEmpty}) still breaks links.
     */
    public RegionLinker(int maxStep) {
        if (maxStep < 1) {
            throw new IllegalArgumentException("the slice step must be at least 1, got " + maxStep);
        }
        this.maxStep = maxStep;
    }

    /**
     * Adds the components of slice {@code z} (slices in ascending order; a gap in z wider than the
     * step breaks links).
     *
     * @param regions the components' pixels, index {@code label - 1} (as from {@link LabelImage#regions()})
     * @return the global id of label 1; label {@code l} has id {@code base + l - 1}
     */
    public int add(int z, LabelImage labels, List<SliceRegion> regions) {
        int base = size;
        for (int i = 0; i < regions.size(); i++) {
            newSet();
        }
        if (previous != null && z - previousZ <= maxStep) {
            for (int i = 0; i < regions.size(); i++) {
                linkToPrevious(base + i, regions.get(i));
            }
        }
        previous = labels;
        previousZ = z;
        previousBase = base;
        return base;
    }

    /** Records that slice {@code z} has no components (cheaper than labelling an empty mask). */
    public void addEmpty(int z) {
        previous = null;
        previousZ = z;
        previousBase = size;
    }

    private void linkToPrevious(int id, SliceRegion region) {
        int w = previous.width();
        for (int r = 0; r < region.runCount(); r++) {
            int row = region.runY(r) * w;
            for (int x = region.runStart(r); x < region.runEnd(r); x++) {
                int l = previous.label(row + x);
                if (l != 0) {
                    union(id, previousBase + l - 1);
                }
            }
        }
    }

    /** The objects: each an ascending array of component ids, ordered by their first id. */
    public List<int[]> groups() {
        Map<Integer, List<Integer>> byRoot = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            byRoot.computeIfAbsent(find(i), k -> new ArrayList<>()).add(i);
        }
        List<int[]> out = new ArrayList<>(byRoot.size());
        for (List<Integer> g : byRoot.values()) {
            out.add(g.stream().mapToInt(Integer::intValue).toArray());
        }
        out.sort((a, b) -> Integer.compare(a[0], b[0]));
        return out;
    }

    private void newSet() {
        if (size == parent.length) {
            parent = Arrays.copyOf(parent, size * 2);
        }
        parent[size] = size;
        size++;
    }

    private int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private void union(int a, int b) {
        int ra = find(a), rb = find(b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
