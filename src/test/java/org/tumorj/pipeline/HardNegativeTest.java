package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.model.DenseHead;
import org.tumorj.model.HeadWeights;

/** Hard negative mining keeps the negatives the first head scores highest, then random ones. */
class HardNegativeTest {
    /** A head whose logit is the first feature (relu): a cell's "score" is what we put there. */
    private static final DenseHead FIRST_FEATURE = new DenseHead(
            new HeadWeights(2, 1, new float[] {1, 0}, new float[] {0}, new float[] {1}, 0), 1);

    private static List<float[]> negatives(float... scores) {
        List<float[]> out = new ArrayList<>();
        for (float s : scores) {
            out.add(new float[] {s, 0});
        }
        return out;
    }

    private static DenseCellSampler sampler(int random) {
        return new DenseCellSampler(null, AnnotationClasses.defaults(), random, 1.0, 7);
    }

    @Test
    void theHighestScoringNegativesAreAlwaysKept() {
        List<float[]> cells = negatives(0.1f, 5f, 0.2f, 9f, 0.3f, 0.4f, 7f, 0.5f);
        List<float[]> chosen = sampler(2).withHardNegatives(FIRST_FEATURE, 3).chooseNegatives(cells, new Random(1));
        assertEquals(5, chosen.size(), "3 hard + 2 random");
        assertEquals(9f, chosen.get(0)[0]);
        assertEquals(7f, chosen.get(1)[0]);
        assertEquals(5f, chosen.get(2)[0]);
        for (float[] c : chosen.subList(3, 5)) {
            assertTrue(c[0] < 1, "the random ones come from the rest, not the hard ones again: " + c[0]);
        }
        assertEquals(5, new HashSet<>(chosen).size(), "no cell twice");
    }

    @Test
    void withoutAHeadNegativesAreRandomAndReproducible() {
        List<float[]> cells = negatives(0.1f, 5f, 0.2f, 9f, 0.3f, 0.4f, 7f, 0.5f);
        List<float[]> a = sampler(3).chooseNegatives(cells, new Random(11));
        List<float[]> b = sampler(3).chooseNegatives(cells, new Random(11));
        assertEquals(3, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertSame(a.get(i), b.get(i), "same seed, same negatives");
        }
    }

    @Test
    void fewerCellsThanAskedKeepsThemAll() {
        List<float[]> chosen = sampler(10).withHardNegatives(FIRST_FEATURE, 5).chooseNegatives(negatives(1f, 2f), new Random(1));
        assertEquals(2, chosen.size());
        assertEquals(2f, chosen.get(0)[0]);
    }

    @Test
    void unannotatedSlicesAddEveryKthSliceWithoutAnnotations() {
        var info = org.tumorj.detect.TestVolumes.info("CT", 8, 8, 10, 1, 1, 1, new double[3]);
        var volume = org.tumorj.detect.TestVolumes.discs(info, 0f);
        float[] square = {1, 4, 4, 1};
        List<org.tumorj.annotation.Annotation> annotations = List.of(
                new org.tumorj.annotation.Annotation("tumor", 3, "1.2.3.4.4", square, new float[] {1, 1, 4, 4}),
                new org.tumorj.annotation.Annotation("tumor", 4, "1.2.3.4.5", square, new float[] {1, 1, 4, 4}));
        var study = new org.tumorj.dataset.LoadedStudy(new org.tumorj.dataset.Study("s", java.nio.file.Path.of("s"), "p"),
                volume, annotations);
        AnnotationClasses classes = AnnotationClasses.defaults();
        assertEquals(List.of(3, 4), new DenseCellSampler(null, classes, CellSampling.defaults(), 1).slices(study));
        assertEquals(List.of(0, 2, 3, 4, 6, 8),
                new DenseCellSampler(null, classes, CellSampling.defaults().withUnannotatedSlices(2), 1).slices(study),
                "unannotated slices 0, 1, 2, 5, 6, 7, 8, 9: every second of them, beside the annotated 3 and 4");
    }

    @Test
    void cellSamplingRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new CellSampling(0, 1, 0, false, 0));
        assertThrows(IllegalArgumentException.class, () -> CellSampling.defaults().withHardNegatives(-1));
        assertThrows(IllegalArgumentException.class, () -> CellSampling.defaults().withNegatives(60, -1));
    }
}
