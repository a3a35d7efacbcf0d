package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Study;
import org.tumorj.volume.BoundingBox;
import org.tumorj.detect.TestVolumes;
import org.tumorj.volume.VolumeInfo;
import org.tumorj.detect.Finding;
import org.tumorj.detect.Point3;
import org.tumorj.evaluation.Lesion;

class FindingScorerTrainingTest {
    private static Finding candidate(int id, float peak, double x, double y) {
        Point3 c = new Point3(x, y, 10);
        return new Finding(id, peak, peak, peak / 2, 8, 12, new BoundingBox((int) x - 2, (int) y - 2, 4, 4), 50, 16, 80, c, c,
                List.of());
    }

    private static Lesion lesion(int id, double x, double y, double radius) {
        Point3 c = new Point3(x, y, 10);
        return new Lesion(id, 5, 15, 1000, 1000, 300, radius, c, c);
    }

    /**
     * A large tumour hit by its whole finding and by two pieces of its rim: the scorer learns from
     * the whole one only (the pieces, labelled positive, taught it to rank the tumour last); a
     * candidate elsewhere stays a negative, and a second lesion keeps its own positive.
     */
    @Test
    void eachLesionGivesOnePositiveItsHighestPeakedCandidate() {
        Lesion tumour = lesion(1, 50, 50, 25), nodule = lesion(2, 150, 150, 4);
        List<Finding> candidates = List.of(candidate(1, 0.2f, 70, 50), candidate(2, 0.99f, 52, 50),
                candidate(3, 0.3f, 150, 152), candidate(4, 0.1f, 100, 100), candidate(5, 0.05f, 35, 60));

        List<FindingScorerTraining.Labelled> labelled = FindingScorerTraining.labelled(candidates, List.of(tumour, nodule));

        assertEquals(List.of(2, 3, 4), labelled.stream().map(l -> l.finding().id()).toList(), "the rim pieces 1 and 5 left out");
        assertEquals(List.of(true, true, false), labelled.stream().map(FindingScorerTraining.Labelled::onLesion).toList());
    }

    /** Radiographs rank their findings together (one image, a few nodules); CT and MR series do not. */
    @Test
    void radiographScorersRankAStudysFindingsTogetherOthersDoNot() {
        assertEquals(1, FindingScorerTraining.rankPenalty(List.of(study("DX"))));
        assertEquals(1, FindingScorerTraining.rankPenalty(List.of(study("CR"))));
        assertEquals(0, FindingScorerTraining.rankPenalty(List.of(study("CT"))));
        assertEquals(0, FindingScorerTraining.rankPenalty(List.of(study("MR"))));
    }

    private static LoadedStudy study(String modality) {
        VolumeInfo info = TestVolumes.info(modality, 16, 16, 1, 1, 1, 1, new double[3]);
        return new LoadedStudy(Study.of(Path.of("s-" + modality)), TestVolumes.discs(info, 0.5f), List.of());
    }
}
