package org.tumorj.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumorj.util.Progress;
import org.tumorj.volume.Shutter;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/** Nothing outside a radiograph's collimator shutter becomes a finding. */
class ShutterMaskTest {

    @Test
    void findingsOutsideTheExposedFieldAreDropped() {
        int w = 200, h = 120;
        Shutter leftHalf = new Shutter(new double[] {0, 99, 0, 119}, null, null);
        Volume v = TestVolumes.discs(radiograph(w, h, leftHalf), 0.05f,
                new TestVolumes.Disc(50, 60, 20, 0, 0, 0.9f), new TestVolumes.Disc(150, 60, 20, 0, 0, 0.9f));
        Detections d = new FindingExtractor(DetectionParams.of(0.5)).extract(v, exact(v), "s", Progress.none());
        assertEquals(1, d.findings().size());
        assertEquals(50, d.findings().get(0).centroidPx().x(), 1e-9);
        Volume open = TestVolumes.discs(radiograph(w, h, Shutter.NONE), 0.05f,
                new TestVolumes.Disc(50, 60, 20, 0, 0, 0.9f), new TestVolumes.Disc(150, 60, 20, 0, 0, 0.9f));
        assertEquals(2, new FindingExtractor(DetectionParams.of(0.5)).extract(open, exact(open), "s", Progress.none())
                .findings().size());
    }

    @Test
    void aFindingCutByTheShutterKeepsOnlyItsExposedPixels() {
        Shutter circle = new Shutter(null, new double[] {60, 60, 40}, null);
        Volume v = TestVolumes.discs(radiograph(120, 120, circle), 0f, new TestVolumes.Disc(60, 60, 70, 0, 0, 1f));
        Finding f = new FindingExtractor(DetectionParams.of(0.5)).extract(v, exact(v), "s", Progress.none())
                .findings().get(0);
        boolean[] exposed = ShutterMask.exposed(circle, 120, 120);
        long n = 0;
        for (boolean e : exposed) {
            n += e ? 1 : 0;
        }
        assertEquals(n, f.voxelCount());
        assertNull(ShutterMask.exposed(Shutter.NONE, 10, 10));
    }

    /** Maps equal to the image itself: one cell per pixel. */
    private static ProbabilityMaps exact(Volume v) {
        return new ProbabilityMaps(List.of(new ProbabilityMap(v.slice(0).clone(), v.width(), v.height(), 1, 0)),
                v.width(), v.height());
    }

    static VolumeInfo radiograph(int w, int h, Shutter shutter) {
        VolumeInfo i = TestVolumes.info("DX", w, h, 1, 0.15, 0.15, 1, new double[3]);
        return new VolumeInfo(i.modality(), i.studyInstanceUid(), i.seriesInstanceUid(), i.seriesDescription(),
                i.patientId(), w, h, 0.15, 0.15, 1, i.origin(), i.rowDirection(), i.columnDirection(), 0.5, 1, false,
                i.sopInstanceUids(), List.of(), null, shutter);
    }
}
