package org.tumorj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/** Tiles cover the slice once and give the maps of the untiled run, so tiling only bounds memory. */
class TiledPredictionTest {

    @Test
    void coresPartitionTheSliceAndTilesAddAlignedMarginsInside() {
        TileLayout layout = new TileLayout(1500, 1100, 512, 128);
        assertEquals(3, layout.tilesX());
        assertEquals(3, layout.tilesY());
        int[] owners = new int[1500];
        for (int x = 0; x < 1500; x++) {
            int t = layout.tileOfX(x);
            owners[x] = t;
            assertTrue(layout.startX(t) <= Math.max(0, x - 128) && layout.endX(t) >= Math.min(1500, x + 129),
                    "pixel " + x + " has 128 px of context in its tile " + t);
        }
        assertEquals(0, owners[511]);
        assertEquals(1, owners[512]);
        assertEquals(2, owners[1499]);
        for (int t = 0; t < 3; t++) {
            assertEquals(0, layout.startX(t) % TileLayout.ALIGNMENT);
            assertTrue(layout.endX(t) - layout.startX(t) <= layout.maxTileSize());
        }
        assertEquals(1100, layout.endY(2));
        assertTrue(new TileLayout(768, 700, 512, 128).single());
        assertTrue(!new TileLayout(769, 700, 512, 128).single());
    }

    @Test
    void rejectsTileSizesOffTheCellGrid() {
        assertThrows(IllegalArgumentException.class, () -> new TileLayout(100, 100, 500, 128));
        assertThrows(IllegalArgumentException.class, () -> new TileLayout(100, 100, 512, 100));
    }

    @Test
    void tiledMapsEqualTheUntiledRun() {
        Volume v = texture(700, 500, 3);
        for (int refine : new int[] {1, 2, 4}) {
            FakeBackbone untiledBackbone = new FakeBackbone(32, 8);
            FakeBackbone tiledBackbone = new FakeBackbone(32, 8);
            ProbabilityMaps whole = detector(untiledBackbone, refine).predict(v, Progress.none());
            ProbabilityMaps tiled = new TiledPrediction(detector(tiledBackbone, refine), 128, 64).predict(v, Progress.none());
            assertEquals(3, untiledBackbone.calls(), "one call per slice untiled");
            assertEquals(3 * 6 * 4, tiledBackbone.calls(), "6 x 4 tiles per slice");
            for (int z = 0; z < 3; z++) {
                ProbabilityMap a = whole.map(z), b = tiled.map(z);
                assertEquals(a.mapWidth(), b.mapWidth());
                assertEquals(a.mapHeight(), b.mapHeight());
                assertEquals(a.stride(), b.stride(), 1e-12);
                assertEquals(a.offset(), b.offset(), 1e-12);
                for (int j = 0; j < a.mapHeight(); j++) {
                    for (int i = 0; i < a.mapWidth(); i++) {
                        assertEquals(a.value(i, j), b.value(i, j), 1e-6, "refine " + refine + " cell " + i + "," + j);
                    }
                }
            }
        }
    }

    @Test
    void aSliceThatFitsOneTileTakesTheUntiledPath() {
        Volume v = texture(300, 200, 2);
        FakeBackbone bb = new FakeBackbone(32, 8);
        ProbabilityMaps maps = new TiledPrediction(detector(bb, 2)).predict(v, Progress.none());
        assertEquals(2, bb.calls());
        assertEquals(300, maps.width());
    }

    @Test
    void cancellingStopsBetweenTiles() {
        FakeBackbone bb = new FakeBackbone(32, 8);
        List<Long> done = new java.util.ArrayList<>();
        Progress cancelAfterFirst = new Progress() {
            @Override public void update(String step, long n, long total) { done.add(n); }
            @Override public void log(String message) {}
            @Override public boolean isCancelled() { return !done.isEmpty(); }
        };
        assertThrows(org.tumorj.util.CancelledException.class,
                () -> new TiledPrediction(detector(bb, 1), 128, 64).predict(texture(700, 500, 1), cancelAfterFirst));
        assertEquals(1, bb.calls());
    }

    private static DenseDetector detector(FakeBackbone backbone, int refine) {
        return new DenseDetector(backbone, new FakeHead(8), TestVolumes.identity(32),
                DetectionParams.of(0.5).withRefine(refine));
    }

    /** Smooth blobs plus noise, different on every slice, so a misplaced tile cannot go unnoticed. */
    private static Volume texture(int w, int h, int d) {
        VolumeInfo info = TestVolumes.info("DX", w, h, d, 0.8, 0.8, 1, new double[3]);
        Random rnd = new Random(11);
        List<float[]> slices = new java.util.ArrayList<>();
        for (int z = 0; z < d; z++) {
            float[] s = new float[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    s[y * w + x] = (float) (0.5 + 0.3 * Math.sin(x / (17.0 + z)) * Math.cos(y / 23.0) + 0.1 * rnd.nextFloat());
                }
            }
            slices.add(s);
        }
        return new Volume(info, slices);
    }
}
