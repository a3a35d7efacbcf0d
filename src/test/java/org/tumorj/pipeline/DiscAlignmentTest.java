package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tumorj.annotation.Annotation;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Study;
import org.tumorj.detect.Detections;
import org.tumorj.detect.FakeBackbone;
import org.tumorj.detect.Finding;
import org.tumorj.detect.TestVolumes;
import org.tumorj.model.ModelBundle;
import org.tumorj.train.TrainingListener;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * The test that would have caught a shift anywhere between training and findings: studies with
 * one bright sphere (a disc on a radiograph), outlined on every slice it crosses, are trained on
 * and a new one is detected end to end. The best finding must sit within 2 px of the sphere's
 * centre, on CT (HU, two filter planes), MR (z-scored per series) and radiographs (trained at
 * 0.8 mm, reported on the original 0.2 mm pixels).
 */
class DiscAlignmentTest {
    private static final int SLICES = 9;

    @ParameterizedTest
    @ValueSource(strings = {"CT", "MR", "DX"})
    void theBestFindingSitsOnTheLesion(String modality) {
        List<LoadedStudy> studies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            studies.add(study(modality, i));
        }
        TrainedDetector detector = trained(modality, studies.subList(0, 4));
        ModelBundle bundle = detector.bundle();
        LoadedStudy unseen = studies.get(4);
        Detections found = detector.detect(unseen.volume(), unseen.id(), detector.defaultParams(unseen.volume()),
                Progress.none());

        assertFalse(found.findings().isEmpty(), "no finding on the unseen study at threshold " + bundle.threshold()
                + "; highest slice score " + max(found.sliceScores()) + "; " + bundle.training().get("detectionThreshold"));
        Finding best = found.findings().get(0);
        double scale = dx(modality) ? DX_SCALE : 1;
        assertEquals(CENTRES.get(4)[0] * scale, best.centroidPx().x(), 2.0, "x of " + best);
        assertEquals(CENTRES.get(4)[1] * scale, best.centroidPx().y(), 2.0, "y of " + best);
        int middle = unseen.volume().depth() / 2;
        assertTrue(best.sliceFirst() <= middle && middle <= best.sliceLast(), "slices of " + best);
    }

    /** A filter-bank detector trained on {@code studies} at the defaults, fewer epochs. */
    static TrainedDetector trained(String modality, List<LoadedStudy> studies) {
        TrainSettings d = TrainSettings.defaults(3);
        TrainSettings settings = new TrainSettings(d.preprocessing(), !dx(modality), d.sampling(),
                d.training().withEpochs(30, 5), d.classes(), 0.3, null, d.inputScale());
        ModelBundle bundle = new DetectorTraining(new FakeBackbone(32, 8), withWindow(settings, dx(modality) ? "auto" : "modality"))
                .withFeatures(FeatureChoice.FILTERS).train(studies, Progress.none(), TrainingListener.none());
        return new TrainedDetector(new FakeBackbone(32, 8), bundle);
    }

    private static float max(float[] v) {
        float m = 0;
        for (float x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** Sliced studies have a round body (air around it, as in a scan), centred, of this radius in px. */
    private static final double BODY_RADIUS = 30;

    /** The radiographs are 400 px at 0.2 mm: the 64 px layout scaled by this. */
    private static final double DX_SCALE = 6.25;

    private static boolean dx(String modality) {
        return "DX".equals(modality);
    }

    /** The modality's default window; the synthetic radiographs carry no display window, so theirs is automatic. */
    private static TrainSettings withWindow(TrainSettings s, String window) {
        return TrainSettings.of(s.training().seed(), s.training().maxEpochs(), s.adjacentSlices(), window,
                s.inputScale(), "", "", s.validationFraction(), "");
    }

    /** Centres per study index, in pixels (fractional, so that no grid happens to hit them exactly). */
    private static final List<double[]> CENTRES = List.of(new double[] {30.3, 25.6}, new double[] {22.8, 38.1},
            new double[] {40.4, 30.7}, new double[] {27.6, 41.2}, new double[] {36.7, 27.4});

    /**
     * A 64 x 64 x 9 CT (HU) or MR (arbitrary units) series with air around a round body, or a
     * 400 x 400 DX at 0.2 mm (the centres scaled by 6.25), with noise and one lesion on the middle
     * slices, outlined as a 32-gon.
     */
    static LoadedStudy study(String modality, int index) {
        return study(modality, index, 1);
    }

    /** A filter detector trained in a few seconds on three CT studies of {@link #study(String, int)}. */
    /** One detector (not the ensemble CT trains by default) on three small CT disc studies. */
    static TrainedDetector smallDetector() {
        List<LoadedStudy> studies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            studies.add(study("CT", i));
        }
        TrainSettings d = TrainSettings.defaults(1);
        TrainSettings settings = TrainSettings.of(1, 10, true, "modality", d.inputScale(), "", "", 0.3, "");
        ModelBundle bundle = new DetectorTraining(new FakeBackbone(32, 8), settings).withFeatures(FeatureChoice.FILTERS)
                .withMembers(1).train(studies, Progress.none(), TrainingListener.none());
        return new TrainedDetector(new FakeBackbone(32, 8), bundle);
    }

    /** {@link #study(String, int)} with its noise multiplied by {@code noiseScale}. */
    static LoadedStudy study(String modality, int index, double noiseScale) {
        boolean dx = dx(modality);
        int size = dx ? 400 : 64, depth = dx ? 1 : SLICES;
        double scale = dx ? DX_SCALE : 1, spacing = dx ? 0.2 : 1;
        double cx = CENTRES.get(index)[0] * scale, cy = CENTRES.get(index)[1] * scale, radius = 6 * scale;
        VolumeInfo info = TestVolumes.info(modality, size, size, depth, spacing, spacing, 2.5, new double[3]);
        Random random = new Random(index);
        float background = "CT".equals(modality) ? 40 : 500, lesion = "CT".equals(modality) ? 140 : 900;
        float noise = (float) noiseScale * ("CT".equals(modality) ? 12 : 40), air = "CT".equals(modality) ? -1000 : 0;
        List<float[]> slices = new ArrayList<>();
        List<Annotation> outlines = new ArrayList<>();
        for (int z = 0; z < depth; z++) {
            double r = dx ? radius : radius * Math.sqrt(Math.max(0, 1 - Math.pow((z - depth / 2) / 2.2, 2)));
            float[] s = new float[size * size];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    boolean inside = Math.hypot(x - cx, y - cy) <= r;
                    boolean body = dx || Math.hypot(x - size / 2.0, y - size / 2.0) <= BODY_RADIUS;
                    float value = inside ? lesion : body ? background : air;
                    s[y * size + x] = value + noise * (float) random.nextGaussian();
                }
            }
            slices.add(s);
            if (r >= 1.5) {
                outlines.add(outline(cx, cy, r, z, info));
            }
        }
        String id = modality.toLowerCase() + index;
        return new LoadedStudy(new Study(id, Path.of(id), "patient-" + id), new Volume(info, slices), outlines);
    }

    private static Annotation outline(double cx, double cy, double r, int z, VolumeInfo info) {
        float[] xs = new float[32], ys = new float[32];
        for (int k = 0; k < 32; k++) {
            xs[k] = (float) (cx + 0.5 + r * Math.cos(2 * Math.PI * k / 32)); // outlines run along pixel edges
            ys[k] = (float) (cy + 0.5 + r * Math.sin(2 * Math.PI * k / 32));
        }
        return new Annotation("tumor", z, info.sopInstanceUids().get(z), xs, ys);
    }
}
