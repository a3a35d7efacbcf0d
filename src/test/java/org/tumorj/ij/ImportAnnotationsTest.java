package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.Roi;
import java.awt.Point;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.detect.Finding;
import org.tumorj.detect.FindingSlice;
import org.tumorj.interop.ExportFixture;

/**
 * Import Annotations: an RT Structure Set or a Segmentation, whatever its file name, comes into
 * the ROI Manager on the open series as one ROI per region and slice, on its slice, with the
 * region's exact pixels (TumorJ's own exports of known findings as the files).
 */
class ImportAnnotationsTest {
    @TempDir static Path dir;
    private static ExportFixture fixture;
    private static ImagePlus imp;

    @BeforeAll
    static void export() throws IOException {
        fixture = ExportFixture.write(dir);
        fixture.writeRtStruct(dir.resolve("from-planning.dcm"));
        fixture.writeSeg(dir.resolve("slicer-export.dcm"));
        imp = VolumeImages.toImagePlus(fixture.volume(), "");
    }

    @Test
    void aStructureSetComesInAsTheFindingsPixelsOnTheirSlices() throws IOException {
        checkSamePixels(RoiSets.imported(dir.resolve("from-planning.dcm"), imp));
    }

    @Test
    void aSegmentationComesInAsTheFindingsPixelsOnTheirSlices() throws IOException {
        checkSamePixels(RoiSets.imported(dir.resolve("slicer-export.dcm"), imp));
    }

    @Test
    void anImageIsRefusedNamingTheFileAndWhatToImport() throws IOException {
        Path slice;
        try (var files = Files.list(fixture.folder())) {
            slice = files.filter(p -> p.toString().endsWith(".dcm")).sorted().findFirst().orElseThrow();
        }
        IOException e = assertThrows(IOException.class, () -> RoiSets.imported(slice, imp));
        assertTrue(e.getMessage().startsWith(slice.toString()) && e.getMessage().contains("neither an RT Structure Set"),
                e.getMessage());
    }

    private static void checkSamePixels(List<Roi> rois) {
        List<FindingSlice> components = new ArrayList<>();
        for (Finding f : fixture.detections().findings()) {
            f.slices().stream().sorted(Comparator.comparingInt(FindingSlice::z)).forEach(components::add);
        }
        assertEquals(components.size(), rois.size());
        int w = imp.getWidth(), h = imp.getHeight();
        for (int k = 0; k < rois.size(); k++) {
            FindingSlice s = components.get(k);
            Roi roi = rois.get(k);
            assertEquals(s.z() + 1, roi.getPosition(), roi.getName());
            boolean[] expected = new boolean[w * h];
            s.region().paint(expected, w);
            boolean[] got = new boolean[w * h];
            for (Point p : roi.getContainedPoints()) {
                got[p.y * w + p.x] = true;
            }
            assertArrayEquals(expected, got, roi.getName() + " on slice " + (s.z() + 1));
        }
    }
}
