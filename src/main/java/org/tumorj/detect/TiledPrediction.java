package org.tumorj.detect;

import java.util.ArrayList;
import java.util.List;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * Dense prediction with memory bounded by the tile size, not the slice size. A slice larger than
 * one tile ({@link TileLayout}) goes through the {@link DenseDetector} tile by tile, and the tiles'
 * maps are stitched on the whole slice's cell grid, each cell from the tile whose core holds it.
 *
 * <p>Why: the backbone's activations grow with the image: MobileNetV2's first expanded layer holds
 * 96 floats per input pixel / 4, times four shifted passes, so a 3000-pixel radiograph seen at
 * input scale 2 would need tens of GB. Per tile it is a fixed amount, and the stitched map is
 * the few KB of cells. A slice that fits one tile takes exactly the untiled path.
 */
public final class TiledPrediction {
    /** Core edge in pixels: a 512 + 2 x 128 tile, 1536 px at the backbone after input scale 2. */
    public static final int DEFAULT_CORE = 512;
    /**
     * Context on each side: half of MobileNetV2's receptive field (about 490 input pixels, 245
     * at input scale 2), rounded up to the alignment.
     */
    public static final int DEFAULT_MARGIN = 128;

    private final DenseDetector detector;
    private final int core;
    private final int margin;

    public TiledPrediction(DenseDetector detector, int core, int margin) {
        this.detector = detector;
        this.core = core;
        this.margin = margin;
        new TileLayout(1, 1, core, margin); // validates the sizes now, not on the first large slice
    }

    public TiledPrediction(DenseDetector detector) {
        this(detector, DEFAULT_CORE, DEFAULT_MARGIN);
    }

    /**
     * One probability map per slice, on the whole slice's grid; checks for cancellation before
     * each tile and reports progress in tiles (a radiograph is one slice of many tiles).
     */
    public ProbabilityMaps predict(Volume volume, Progress progress) {
        TileLayout layout = new TileLayout(volume.width(), volume.height(), core, margin);
        if (layout.single()) {
            return detector.predict(volume, progress);
        }
        List<ProbabilityMap> maps = new ArrayList<>(volume.depth());
        for (int z = 0; z < volume.depth(); z++) {
            maps.add(predictSlice(volume, z, layout, progress));
        }
        return new ProbabilityMaps(maps, volume.width(), volume.height());
    }

    private ProbabilityMap predictSlice(Volume volume, int z, TileLayout layout, Progress progress) {
        int perSlice = layout.tilesX() * layout.tilesY();
        ProbabilityMap[][] tiles = new ProbabilityMap[layout.tilesY()][layout.tilesX()];
        for (int ty = 0; ty < layout.tilesY(); ty++) {
            for (int tx = 0; tx < layout.tilesX(); tx++) {
                progress.checkCancelled();
                int x0 = layout.startX(tx), y0 = layout.startY(ty);
                Volume crop = crop(volume, z, x0, y0, layout.endX(tx) - x0, layout.endY(ty) - y0);
                tiles[ty][tx] = detector.predictSlice(crop, Math.min(z, 1));
                progress.update("Dense detection (tiles)", (long) z * perSlice + ty * layout.tilesX() + tx + 1,
                        (long) volume.depth() * perSlice);
            }
        }
        return stitch(tiles, layout);
    }

    /** The tiles' cells on the slice's grid: cell (i, j) from the tile whose core holds its centre. */
    static ProbabilityMap stitch(ProbabilityMap[][] tiles, TileLayout layout) {
        ProbabilityMap first = tiles[0][0];
        double pitch = first.stride(), offset = first.offset();
        int lastX = tiles[0].length - 1, lastY = tiles.length - 1;
        int mw = cells(layout.startX(lastX), pitch) + tiles[0][lastX].mapWidth();
        int mh = cells(layout.startY(lastY), pitch) + tiles[lastY][0].mapHeight();
        float[] values = new float[mw * mh];
        for (int j = 0; j < mh; j++) {
            int ty = layout.tileOfY(offset + j * pitch);
            int lj = j - cells(layout.startY(ty), pitch);
            for (int i = 0; i < mw; i++) {
                int tx = layout.tileOfX(offset + i * pitch);
                values[j * mw + i] = tiles[ty][tx].value(i - cells(layout.startX(tx), pitch), lj);
            }
        }
        return new ProbabilityMap(values, mw, mh, pitch, offset);
    }

    /** Map cells before a tile starting at pixel {@code start}; exact because starts are aligned. */
    private static int cells(int start, double pitch) {
        double n = start / pitch;
        if (Math.abs(n - Math.rint(n)) > 1e-9) {
            throw new IllegalStateException("tile start " + start + " is not on the map grid of pitch " + pitch);
        }
        return (int) Math.rint(n);
    }

    /**
     * The tile's pixels of slice {@code z} and, for 2.5D encoders, of its neighbours (slice
     * {@code min(z, 1)} of the crop is slice {@code z}); the geometry is the tile's own.
     */
    static Volume crop(Volume volume, int z, int x0, int y0, int w, int h) {
        int from = Math.max(0, z - 1), to = Math.min(volume.depth() - 1, z + 1);
        List<float[]> slices = new ArrayList<>(to - from + 1);
        List<String> uids = new ArrayList<>(to - from + 1);
        for (int s = from; s <= to; s++) {
            float[] src = volume.slice(s);
            float[] out = new float[w * h];
            for (int y = 0; y < h; y++) {
                System.arraycopy(src, (y0 + y) * volume.width() + x0, out, y * w, w);
            }
            slices.add(out);
            uids.add(volume.info().sopInstanceUids().get(s));
        }
        VolumeInfo i = volume.info();
        VolumeInfo tile = new VolumeInfo(i.modality(), i.studyInstanceUid(), i.seriesInstanceUid(),
                i.seriesDescription(), "", w, h, i.spacingX(), i.spacingY(), i.spacingZ(),
                i.toPatient(x0, y0, from), i.rowDirection(), i.columnDirection(), i.windowCenter(), i.windowWidth(),
                i.invertedForDisplay(), uids, List.of());
        return new Volume(tile, slices);
    }
}
