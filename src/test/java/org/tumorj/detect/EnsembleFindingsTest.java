package org.tumorj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumorj.detect.PeakFindingExtractorTest.Blob;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

class EnsembleFindingsTest {
    private static final DetectionParams CANDIDATES = DetectionParams.of(PeakFindingExtractor.CANDIDATE_FLOOR);

    /** One member's maps and its candidates, scored by their peaks (no finding scorer). */
    private record Member(ProbabilityMaps maps, Detections candidates) {
        static Member of(Blob... blobs) {
            ProbabilityMaps maps = PeakFindingExtractorTest.maps(blobs);
            Volume volume = PeakFindingExtractorTest.volume();
            return new Member(maps, new PeakFindingExtractor(CANDIDATES).extract(volume, maps, "s", Progress.none()));
        }
    }

    /** The member's own score of its candidate at (x, y). */
    private static double score(Member m, double x, double y) {
        return m.candidates().findings().stream()
                .filter(f -> Math.hypot(f.centroidPx().x() - x, f.centroidPx().y() - y) < 2).findFirst().orElseThrow()
                .score();
    }

    private static Detections fused(double threshold, Member... members) {
        List<Member> all = List.of(members);
        DetectionParams params = DetectionParams.of(threshold);
        Volume volume = PeakFindingExtractorTest.volume();
        ProbabilityMaps shown = EnsembleFindings.masked(volume,
                ProbabilityMaps.meanOf(all.stream().map(Member::maps).toList()), params, Progress.none());
        return EnsembleFindings.fuse(volume, shown, all.stream().map(Member::candidates).toList(), params, "s");
    }

    @Test
    void aLesionEveryMemberSeesKeepsItsScoreAndOneMembersPeakFallsToAThird() {
        Member a = Member.of(new Blob(16, 20, 4, 2.5, 0.6), new Blob(44, 40, 5, 2.5, 0.9));
        Member b = Member.of(new Blob(17, 21, 4, 2.5, 0.6), new Blob(44, 40, 5, 2.5, 0.8));
        Member c = Member.of(new Blob(44, 41, 5, 2.5, 0.7), new Blob(50, 10, 2, 2.5, 0.9));

        List<Finding> f = fused(0.35, a, b, c).findings();

        assertEquals(2, f.size(), "the peak only one member raises is below the threshold: " + f);
        assertEquals((score(a, 44, 40) + score(b, 44, 40) + score(c, 44, 41)) / 3, f.get(0).score(), 1e-6);
        assertEquals(44, f.get(0).centroidPx().x(), 1.0);
        assertEquals(40, f.get(0).centroidPx().y(), 1.0);
        assertEquals((score(a, 16, 20) + score(b, 17, 21)) / 3, f.get(1).score(), 1e-6, "two members of three");
        assertEquals(16.5, f.get(1).centroidPx().x(), 1.5);
        assertEquals(1, f.get(0).id());
        assertEquals(2, f.get(1).id());
        List<Finding> all = fused(0.25, a, b, c).findings();
        assertEquals(3, all.size(), all.toString());
        assertEquals(score(c, 50, 10) / 3, all.get(2).score(), 1e-6, "one member of three");
        assertEquals(50, all.get(2).centroidPx().x(), 1.0);
    }

    @Test
    void aLargeTumourIsOneFindingWhereTheMembersCentresDifferByMoreThanTheFixedReach() {
        // centres 5 px (5 mm) apart, beyond SAME_OBJECT_MM, within the tumour's radius
        Member a = Member.of(new Blob(28, 32, 4, 6, 0.8));
        Member b = Member.of(new Blob(33, 32, 4, 6, 0.8));

        List<Finding> f = fused(0.5, a, b).findings();

        assertEquals(1, f.size(), f.toString());
        assertEquals((score(a, 28, 32) + score(b, 33, 32)) / 2, f.get(0).score(), 1e-6);
        assertTrue(f.get(0).equivalentDiameterMm() > 2 * EnsembleFindings.SAME_OBJECT_MM, f.toString());
    }

    @Test
    void neighbouringSmallLesionsStaySeparate() {
        Member a = Member.of(new Blob(20, 32, 4, 1.5, 0.9), new Blob(30, 32, 4, 1.5, 0.9));
        Member b = Member.of(new Blob(20, 32, 4, 1.5, 0.8), new Blob(30, 32, 4, 1.5, 0.7));

        List<Finding> f = fused(0.5, a, b).findings();

        assertEquals(2, f.size(), f.toString());
        assertEquals((score(a, 20, 32) + score(b, 20, 32)) / 2, f.get(0).score(), 1e-6);
        assertEquals((score(a, 30, 32) + score(b, 30, 32)) / 2, f.get(1).score(), 1e-6);
    }

    /** The members' maps are masked with the mean's masks, each computed once: their findings are searched unmasked again. */
    @Test
    void theBodyMaskClearsEveryMembersMapAndPeaksInTheAirAreNoFindings() {
        int w = PeakFindingExtractorTest.W, h = PeakFindingExtractorTest.H, d = PeakFindingExtractorTest.D;
        VolumeInfo info = TestVolumes.info("CT", w, h, d, 1, 1, 1, new double[3]);
        Volume ct = TestVolumes.discs(info, -1000, new TestVolumes.Disc(32, 32, 22, 0, d - 1, 40));
        List<ProbabilityMaps> members = List.of(PeakFindingExtractorTest.maps(new Blob(4, 4, 4, 1.5, 0.95),
                new Blob(32, 32, 4, 1.5, 0.9)), PeakFindingExtractorTest.maps(new Blob(32, 32, 4, 1.5, 0.8)));
        DetectionParams params = DetectionParams.of(0.3).withBodyMask(true);

        ProbabilityMaps shown = EnsembleFindings.masked(ct, ProbabilityMaps.meanOf(members), params, Progress.none());

        assertEquals(0, shown.slice(4)[4 * w + 4], 1e-6, "the mean map in the air");
        assertEquals(0, shown.members().get(0).slice(4)[4 * w + 4], 1e-6, "the first member's map in the air");
        assertEquals(members.get(0).slice(4)[32 * w + 32], shown.members().get(0).slice(4)[32 * w + 32], 1e-6,
                "inside the body, unchanged");
        Detections candidates = new PeakFindingExtractor(CANDIDATES.withBodyMask(false)).extract(ct,
                shown.members().get(0), "s", Progress.none());
        assertTrue(candidates.findings().stream().allMatch(f -> Math.hypot(f.centroidPx().x() - 32,
                f.centroidPx().y() - 32) < 3), "no candidate in the air: " + candidates.findings());
    }

    @Test
    void theHeatMapIsTheMembersMean() {
        Member a = Member.of(new Blob(20, 20, 4, 2, 0.8));
        Member b = Member.of(new Blob(40, 40, 4, 2, 0.4));

        ProbabilityMaps mean = fused(0.1, a, b).maps();

        assertEquals(0.4, mean.map(4).value(10, 10), 0.01);
        assertEquals(0.2, mean.map(4).value(20, 20), 0.01);
        assertEquals(2, mean.members().size(), "kept for the members' own candidates");
    }
}
