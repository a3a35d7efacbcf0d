package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tumorj.dataset.LoadedStudy;

/**
 * What training on one image holds out: with other studies the image is always on the training
 * side and validation holds out other studies only (a single one entirely); a radiograph alone
 * cannot hold out slices and says to add studies.
 */
class ImageTrainingPlanTest {
    private static final TrainSettings SETTINGS = TrainSettings.of(3, 10, true, "modality", 2, "", "", 0.3, "");

    @Test
    void withOneOtherStudyTheImageTrainsAndTheOtherValidates() {
        LoadedStudy image = DiscAlignmentTest.study("CT", 0), other = DiscAlignmentTest.study("CT", 1);
        ImageTrainingPlan plan = ImageTrainingPlan.of(image, List.of(other), SETTINGS);
        assertEquals(List.of(image), plan.split().train());
        assertEquals(List.of(other), plan.split().validation());
        assertEquals(2, plan.studies().size());
        assertTrue(plan.describe().contains("1 validation (other studies"), plan.describe());
    }

    @Test
    void withSeveralOtherStudiesTheySplitByPatientAndTheImageStaysInTraining() {
        LoadedStudy image = DiscAlignmentTest.study("CT", 0);
        List<LoadedStudy> others = new ArrayList<>();
        for (int i = 1; i < 5; i++) {
            others.add(DiscAlignmentTest.study("CT", i));
        }
        ImageTrainingPlan plan = ImageTrainingPlan.of(image, others, SETTINGS);
        assertTrue(plan.split().train().contains(image));
        assertTrue(!plan.split().validation().isEmpty() && others.containsAll(plan.split().validation()));
        Set<String> ids = new HashSet<>();
        plan.split().train().forEach(s -> ids.add(s.id()));
        plan.split().validation().forEach(s -> assertTrue(ids.add(s.id()), "on one side only: " + s.id()));
        assertEquals(5, ids.size());
        assertEquals(plan.split().validation().size(), plan.record().get("validationStudies").getAsInt());
    }

    @Test
    void aRadiographAloneCannotHoldOutSlices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageTrainingPlan.of(DiscAlignmentTest.study("DX", 0), List.of(), SETTINGS));
        assertTrue(e.getMessage().contains("single image") && e.getMessage().contains("add other annotated studies"),
                e.getMessage());
    }
}
