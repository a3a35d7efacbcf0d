package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.annotation.RoiSetZip;
import org.tumorj.dataset.AnnotationReader;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Study;
import org.tumorj.evaluation.GroundTruth;
import org.tumorj.evaluation.Lesion;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * One annotated stack split for training and validation by slices: the shipped phantom ct-0001
 * (24 slices, lesions on slices 5-7, 10-13 and 13-17) is cut between lesions, no lesion on both
 * sides, a guard of slices between the slabs, and each slab a volume of its own whose outlines
 * sit on the same images as before.
 */
class SliceHoldoutTest {
    private static final Path STUDY = Path.of("test-images/phantoms/ct/ct-0001");
    private static final AnnotationClasses CLASSES = AnnotationClasses.defaults();
    private static LoadedStudy study;

    @BeforeAll
    static void load() throws IOException {
        Volume v = DicomStudies.standard(Progress.none()).load(STUDY, Progress.none());
        study = new LoadedStudy(Study.of(STUDY), v, AnnotationReader.standard(RoiSetZip.NO_GROUP_NAMES).read(STUDY, v));
    }

    @Test
    void theStackIsCutBetweenLesionsWithAGuardAndEachSideKeepsItsOwnLesions() {
        SliceHoldout.Holdout h = SliceHoldout.split(study, CLASSES, 0.3);
        LoadedStudy train = h.split().train().get(0), held = h.split().validation().get(0);
        assertEquals(1, h.validationLesions());
        assertEquals(2, h.trainingLesions());
        assertEquals(lesions(study).size(), lesions(train).size() + lesions(held).size(), "no lesion cut in two");
        int gap = h.trainingSlices()[0] > h.validationSlices()[1] ? h.trainingSlices()[0] - h.validationSlices()[1]
                : h.validationSlices()[0] - h.trainingSlices()[1];
        assertTrue(gap > SliceHoldout.GUARD, "guard slices between the slabs: " + h.describe());
        assertEquals(h.trainingSlices()[1] - h.trainingSlices()[0] + 1, train.volume().depth());
        assertEquals(h.validationSlices()[1] - h.validationSlices()[0] + 1, held.volume().depth());
        assertTrue(train.id().contains("training") && held.id().contains("validation"), train.id() + ", " + held.id());
    }

    @Test
    void aSlabKeepsItsSlicesImagesOutlinesAndPatientPositions() {
        LoadedStudy slab = SliceHoldout.slab(study, 9, 16, "training");
        Volume v = study.volume();
        assertEquals(v.info().sopInstanceUids().subList(9, 17), slab.volume().info().sopInstanceUids());
        assertTrue(slab.volume().slice(0) == v.slice(9), "the slices are shared, not copied");
        assertArrayEquals(v.info().toPatient(5, 7, 9), slab.volume().info().toPatient(5, 7, 0), 1e-9);
        for (Annotation a : slab.annotations()) {
            assertEquals(slab.volume().info().sopInstanceUids().get(a.sliceIndex()), a.sopInstanceUid(),
                    "an outline stays on its image");
        }
        long inRange = study.annotations().stream().filter(a -> v.sliceIndexOf(a.sopInstanceUid()) >= 9
                && v.sliceIndexOf(a.sopInstanceUid()) <= 16).count();
        assertEquals(inRange, slab.annotations().size());
    }

    @Test
    void oneLesionCannotBeHeldOutAndTheErrorSaysWhatToDo() {
        GroundTruth truth = GroundTruth.fromAnnotations(study.volume().info(), study.annotations(),
                label -> CLASSES.role(label) == AnnotationClasses.Role.POSITIVE);
        Lesion first = truth.lesions().get(0);
        List<Annotation> oneLesion = study.annotations().stream().filter(a -> !CLASSES.isPositive(a)
                || (a.sliceIndex() >= first.sliceFirst() && a.sliceIndex() <= first.sliceLast()
                        && lesions(new LoadedStudy(study.study(), study.volume(), List.of(a))).size() == 1
                        && truth.outlines().stream().anyMatch(o -> o.lesionId() == first.id()
                                && o.z() == a.sliceIndex() && java.util.Arrays.equals(o.xs(), a.xs())))).toList();
        LoadedStudy single = new LoadedStudy(study.study(), study.volume(), oneLesion);
        assertEquals(1, lesions(single).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SliceHoldout.split(single, CLASSES, 0.3));
        assertTrue(e.getMessage().contains("outline another lesion on other slices, or add other annotated studies"),
                e.getMessage());
    }

    private static List<Lesion> lesions(LoadedStudy s) {
        return GroundTruth.fromAnnotations(s.volume().info(), s.annotations(),
                label -> CLASSES.role(label) == AnnotationClasses.Role.POSITIVE).lesions();
    }
}
