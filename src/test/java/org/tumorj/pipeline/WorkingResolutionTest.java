package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tumorj.annotation.Annotation;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Study;
import org.tumorj.detect.TestVolumes;
import org.tumorj.volume.Shutter;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/** Which grid a study is processed on, and that resampling keeps values and outlines in place. */
class WorkingResolutionTest {

    @Test
    void aRadiographGoesToTheWorkingSpacingWithTheExactFactor() {
        WorkingGrid g = WorkingResolution.defaults().gridFor(info("DX", 3000, 3000, 0.143));
        assertEquals(0.8 / 0.143, g.factorX(), 1e-12);
        assertEquals(537, g.workingWidth());
        assertEquals(537, g.workingHeight());
        VolumeInfo working = g.toWorking(info("DX", 3000, 3000, 0.143));
        assertEquals(0.8, working.spacingX(), 1e-12);
        assertEquals(0.8, working.spacingY(), 1e-12);
    }

    @Test
    void neverUpsamplesAndLeavesCtAndMrAlone() {
        WorkingResolution r = WorkingResolution.defaults();
        assertTrue(r.gridFor(info("CR", 800, 600, 1.0)).isIdentity(), "coarser than 0.8 mm: as it is");
        assertTrue(r.gridFor(info("DX", 800, 600, 0.8)).isIdentity());
        assertTrue(r.gridFor(info("CT", 512, 512, 0.3)).isIdentity(), "CT keeps its native resolution");
        assertTrue(r.gridFor(info("MR", 512, 512, 0.4)).isIdentity());
        assertTrue(WorkingResolution.NATIVE.gridFor(info("DX", 3000, 3000, 0.1)).isIdentity());
        assertTrue(r.gridFor(info("DX", 100, 100, 0)).isIdentity(), "unknown spacing: nothing to scale by");
        WorkingGrid oneAxis = r.gridFor(infoXY("DX", 400, 400, 0.2, 1.0));
        assertEquals(4, oneAxis.factorX(), 1e-12);
        assertEquals(1, oneAxis.factorY(), 1e-12);
    }

    @Test
    void theBundleRecordsTheSpacingOnlyWhenItResampledSomething() {
        JsonObject ct = new JsonObject();
        WorkingResolution.defaults().recordIn(ct, List.of(study(info("CT", 64, 64, 0.7))));
        assertFalse(ct.has(WorkingResolution.KEY));
        assertEquals(WorkingResolution.NATIVE, WorkingResolution.fromTraining(ct), "old bundles run natively");
        JsonObject dx = new JsonObject();
        new WorkingResolution(0.5).recordIn(dx, List.of(study(info("CT", 64, 64, 0.7)), study(info("DX", 64, 64, 0.1))));
        assertEquals(0.5, dx.get(WorkingResolution.KEY).getAsDouble());
        assertEquals(new WorkingResolution(0.5), WorkingResolution.fromTraining(dx));
    }

    @Test
    void areaAveragingPreservesTheMeanAndDoesNotAlias() {
        Random rnd = new Random(3);
        float[] img = new float[300 * 200];
        double sum = 0;
        for (int i = 0; i < img.length; i++) {
            img[i] = rnd.nextFloat() * 1000;
            sum += img[i];
        }
        float[] out = AreaAverage.downsample(img, 300, 200, 3, 4);
        assertEquals(100 * 50, out.length);
        double outSum = 0;
        for (float v : out) {
            outSum += v;
        }
        assertEquals(sum / img.length, outSum / out.length, 1e-3);
        // A one-pixel checkerboard (the worst case for aliasing) becomes flat grey at any factor.
        float[] checker = new float[101 * 101];
        for (int y = 0; y < 101; y++) {
            for (int x = 0; x < 101; x++) {
                checker[y * 101 + x] = (x + y) % 2;
            }
        }
        float[] grey = AreaAverage.downsample(checker, 101, 101, 4, 4);
        assertEquals(26 * 26, grey.length, "ceil(101 / 4): the last pixel averages what is left");
        for (int i = 0; i < 25; i++) {
            assertEquals(0.5, grey[i * 26 + i], 1e-6);
        }
    }

    @Test
    void nonIntegerFactorsWeighCutPixelsByTheirShareAndKeepAFlatImageFlat() {
        float[] row = {0, 10, 20, 30, 40};
        float[] out = AreaAverage.downsample(row, 5, 1, 2.5, 1);
        assertEquals(2, out.length);
        assertEquals((0 + 10 + 0.5 * 20) / 2.5, out[0], 1e-5);
        assertEquals((0.5 * 20 + 30 + 40) / 2.5, out[1], 1e-5);
        float[] flat = new float[97 * 61];
        java.util.Arrays.fill(flat, 7.25f);
        for (float v : AreaAverage.downsample(flat, 97, 61, 5.594, 5.594)) {
            assertEquals(7.25, v, 1e-5);
        }
    }

    @Test
    void annotationsAndShutterFollowTheResampling() {
        VolumeInfo base = info("DX", 400, 300, 0.2);
        VolumeInfo shuttered = new VolumeInfo(base.modality(), base.studyInstanceUid(), base.seriesInstanceUid(), "",
                "", 400, 300, 0.2, 0.2, 1, base.origin(), base.rowDirection(), base.columnDirection(), 0.5, 1, false,
                base.sopInstanceUids(), List.of(), null, new Shutter(new double[] {40, 359, 20, 279}, null, null));
        Annotation square = new Annotation("tumor", 0, "1.2.3.4.1", new float[] {100, 200, 200, 100},
                new float[] {100, 100, 180, 180});
        LoadedStudy study = WorkingResolution.defaults().resample(
                new LoadedStudy(new Study("s1", Path.of("s1"), "p1"), TestVolumes.discs(shuttered, 0.5f), List.of(square)));
        assertEquals(100, study.volume().width());
        assertEquals(75, study.volume().height());
        Annotation a = study.annotations().get(0);
        assertEquals(25, a.xs()[0], 1e-6);
        assertEquals(50, a.xs()[1], 1e-6);
        assertEquals(45, a.ys()[2], 1e-6);
        Shutter s = study.volume().info().shutter();
        assertTrue(s.exposes(10, 5) && s.exposes(89, 69));
        assertFalse(s.exposes(9, 40), "working column 9 covers original columns 36-39, all collimated");
        assertFalse(s.exposes(90, 40));
        // Working pixel 0's centre is original pixel (1.5, 1.5): the origin moves by 1.5 x 0.2 mm.
        assertEquals(10 + 0.3, study.volume().info().origin()[0], 1e-9);
        assertEquals("s1", study.id());
        // the original study keeps its outline: training measures on both grids (scaling the shared
        // arrays in place left every radiograph's validation lesions at a quarter of their place)
        assertEquals(200, square.xs()[1], 1e-6);
        assertEquals(180, square.ys()[2], 1e-6);
    }

    private static LoadedStudy study(VolumeInfo info) {
        return new LoadedStudy(new Study("s", Path.of("s"), "p"), TestVolumes.discs(info, 0f), List.of());
    }

    static VolumeInfo info(String modality, int w, int h, double spacing) {
        return infoXY(modality, w, h, spacing, spacing);
    }

    static VolumeInfo infoXY(String modality, int w, int h, double sx, double sy) {
        return TestVolumes.info(modality, w, h, 1, sx, sy, 1, new double[] {10, 20, 0});
    }
}
