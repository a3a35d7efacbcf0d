package org.tumorj.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.annotation.Annotation;
import org.tumorj.detect.DenseDetector;
import org.tumorj.detect.DetectionParams;
import org.tumorj.detect.Detections;
import org.tumorj.detect.FakeBackbone;
import org.tumorj.detect.FakeHead;
import org.tumorj.detect.TestVolumes;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;
import org.tumorj.metrics.StudyResult;

/**
 * Two studies through the real detector with an exact (stride-1) fake backbone. Study A: a 20x20
 * annotated lesion holding two small bright squares (one TP, the second ignored) and an
 * unannotated bright square elsewhere (one FP). Study B: an annotated lesion the image does not show
 * (missed).
 */
class DetectionEvaluationTest {

    private static float[] slice(int w, int h, float bg, int[]... squares) {
        float[] s = new float[w * h];
        java.util.Arrays.fill(s, bg);
        for (int[] q : squares) { // x0, y0, size, value*100
            for (int y = q[1]; y < q[1] + q[2]; y++) {
                for (int x = q[0]; x < q[0] + q[2]; x++) {
                    s[y * w + x] = q[3] / 100f;
                }
            }
        }
        return s;
    }

    private static Detections detect(Volume v, String study) {
        return new DenseDetector(new FakeBackbone(1, 2), new FakeHead(2), TestVolumes.identity(1), DetectionParams.of(0.5))
                .detect(v, study, Progress.none());
    }

    private static List<EvaluationCase> cases() {
        VolumeInfo a = TestVolumes.info("CT", 60, 40, 3, 1, 1, 1, new double[3]);
        Volume va = new Volume(a, List.of(
                slice(60, 40, 0.1f),
                slice(60, 40, 0.1f, new int[] {12, 12, 4, 90}, new int[] {20, 20, 4, 70}),
                slice(60, 40, 0.1f, new int[] {45, 10, 5, 80})));
        GroundTruth ta = GroundTruth.fromAnnotations(a, List.of(GroundTruthTest.square("tumor", 1, null, 8, 8, 20)),
                "tumor"::equals);
        VolumeInfo b = TestVolumes.info("CT", 60, 40, 2, 1, 1, 1, new double[3]);
        Volume vb = new Volume(b, List.of(slice(60, 40, 0.1f), slice(60, 40, 0.1f)));
        GroundTruth tb = GroundTruth.fromAnnotations(b, List.of(GroundTruthTest.square("tumor", 0, null, 30, 10, 6)),
                "tumor"::equals);
        List<EvaluationCase> cases = new ArrayList<>();
        cases.add(new EvaluationCase(detect(va, "A"), ta));
        cases.add(new EvaluationCase(detect(vb, "B"), tb));
        return cases;
    }

    @Test
    void lesionSliceAndVoxelLevelFigures() {
        EvaluationReport r = DetectionEvaluation.evaluate(cases(), Progress.none());
        assertEquals(2, r.studies());
        assertEquals(2, r.lesions());
        assertEquals(1, r.detectedLesions());
        assertEquals(1, r.falsePositives(), "the second finding on the lesion is not a false positive");
        assertEquals(0.5, r.sensitivity(), 0);
        assertEquals(0.5, r.falsePositivesPerStudy(), 0);
        // Lesion A at 0.9 comes before the FP at 0.8: 50% sensitivity already at 0 FP per study.
        assertEquals(List.of(Double.POSITIVE_INFINITY, (double) 0.9f, (double) 0.8f),
                java.util.Arrays.stream(r.froc().thresholds()).boxed().toList());
        assertEquals(0.5, r.froc().sensitivityAt(0.125), 0);
        assertEquals(0.5, r.froc().averageSensitivity(), 0);
        // Positive slices A1 (0.9), B0 (0.1); negatives A0 (0.1), A2 (0.8), B1 (0.1): 4 of 6 pairs.
        assertEquals(2 / 3.0, r.sliceAuc(), 1e-12);
        assertEquals(2, r.positiveSlices());
        StudyResult sa = r.perStudy().get(0);
        assertEquals(400, sa.annotatedVoxels());
        assertEquals(16 + 16 + 25, sa.detectedVoxels());
        assertEquals(32, sa.overlapVoxels());
        assertEquals(2.0 * 32 / (400 + 57), sa.dice(), 1e-12);
        assertEquals(0, r.perStudy().get(1).dice(), 0);
        assertEquals(2.0 * 32 / (400 + 36 + 57), r.dicePooled(), 1e-12);
    }

    @Test
    void frocPlotBuildsHeadless() {
        ij.ImagePlus plot = org.tumorj.ij.EvaluationPlots.froc(DetectionEvaluation.evaluate(cases(), Progress.none()))
                .getImagePlus();
        assertTrue(plot.getTitle().contains("average sensitivity 0.500"), plot.getTitle());
        assertTrue(plot.getWidth() > 100);
    }

    @Test
    void reportIsWrittenAsJsonWithTheHitRuleAndNullForUndefinedValues(@TempDir Path dir) throws Exception {
        List<EvaluationCase> one = cases().subList(1, 2);
        Path json = dir.resolve("evaluation.json");
        DetectionEvaluation.evaluate(one, Progress.none()).writeJson(json);
        String text = Files.readString(json);
        assertTrue(text.contains("\"hit_rule\": \"A finding hits a lesion when"), text);
        assertTrue(text.contains("\"slice_roc_auc\": 0.5"), text);
        assertTrue(text.contains("\"sensitivity\": 0,"), text);
        assertTrue(text.contains("\"thresholds\": [null]"), "infinite threshold written as null: " + text);
        assertTrue(text.contains("\"study\": \"B\""), text);
        assertTrue(!text.contains("PAT-SECRET-42"));
        assertEquals(text.chars().filter(c -> c == '{').count(), text.chars().filter(c -> c == '}').count());
    }
}
