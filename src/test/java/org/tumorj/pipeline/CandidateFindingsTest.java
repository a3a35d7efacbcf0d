package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.detect.Detections;
import org.tumorj.detect.DetectionsCsv;
import org.tumorj.detect.Finding;
import org.tumorj.util.Progress;

/**
 * A FROC analysis sweeps a threshold over a ranked list; the operating threshold alone gave it one
 * point (on MR the model's own threshold stopped at 0.8 false positives per study). The candidate
 * list must extend the detections, not replace them: each finding at the operating threshold is
 * among the candidates with the same region and score, and the rest lie below it.
 */
class CandidateFindingsTest {

    @Test
    void candidatesExtendTheDetectionsBelowTheThreshold(@TempDir Path out) throws IOException {
        List<LoadedStudy> studies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            studies.add(DiscAlignmentTest.study("CT", i));
        }
        TrainedDetector detector = DiscAlignmentTest.trained("CT", studies.subList(0, 4));
        LoadedStudy unseen = studies.get(4);
        Detections reported = detector.detect(unseen.volume(), unseen.id(), detector.defaultParams(unseen.volume()),
                Progress.none());
        Detections candidates = detector.candidates(unseen.volume(), reported, Progress.none());

        assertTrue(candidates.findings().size() > reported.findings().size(),
                candidates.findings().size() + " candidates, " + reported.findings().size() + " findings");
        List<String> candidateRows = rows(candidates.findings());
        for (String finding : rows(reported.findings())) {
            assertTrue(candidateRows.contains(finding), finding + " missing from " + candidateRows);
        }
        double threshold = reported.params().threshold();
        long below = candidates.findings().stream().filter(f -> f.score() < threshold).count();
        assertEquals(candidates.findings().size() - reported.findings().size(), below);
        assertTrue(candidates.findings().stream().allMatch(f -> f.score() >= org.tumorj.detect.PeakFindingExtractor.CANDIDATE_FLOOR));

        StudyOutputs.csv(false).andThen(StudyOutputs.candidates(detector, false)).write(out, unseen.volume(), reported);
        assertEquals(reported.findings().size() + 1, Files.readAllLines(out.resolve(StudyOutputs.CSV)).size());
        assertEquals(candidates.findings().size() + 1, Files.readAllLines(out.resolve(StudyOutputs.CANDIDATES_CSV)).size());
        assertEquals(DetectionsCsv.header(false), List.of(Files.readAllLines(out.resolve(StudyOutputs.CANDIDATES_CSV)).get(0).split(",")));
    }

    /**
     * The threshold sweep in training filters the floor's findings instead of extracting them
     * again per threshold; that is only right if detection at a threshold keeps exactly those.
     */
    @Test
    void withAFindingScorerDetectionAtAThresholdIsTheCandidatesAboveIt() {
        List<LoadedStudy> studies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // noisier than the alignment test's discs, so that training sees the 10 candidates off
            // the lesions that a finding scorer needs (at 12 HU the detector finds almost none)
            studies.add(DiscAlignmentTest.study("CT", i, 3));
        }
        TrainedDetector detector = DiscAlignmentTest.trained("CT", studies.subList(0, 4));
        assertTrue(detector.scoresFindings(), detector.bundle().training().get("findingScorer") + "");
        LoadedStudy unseen = studies.get(4);
        Detections reported = detector.detect(unseen.volume(), unseen.id(), detector.defaultParams(unseen.volume()),
                Progress.none());
        List<Finding> floor = detector.candidates(unseen.volume(), reported, Progress.none()).findings();
        for (Finding f : floor) {
            double t = f.score();
            List<Finding> at = detector.findings(unseen.volume(), reported.maps(), unseen.id(),
                    detector.defaultParams(unseen.volume()).withThreshold(t), Progress.none()).findings();
            assertEquals(rows(floor.stream().filter(g -> g.score() >= t).toList()), rows(at), "at threshold " + t);
        }
    }

    /** A finding's place and score, without its id (ids number each list on its own). */
    private static List<String> rows(List<Finding> findings) {
        return findings.stream().map(f -> f.centroidPx() + " " + f.sliceFirst() + "-" + f.sliceLast() + " "
                + f.voxelCount() + " " + f.score()).toList();
    }
}
