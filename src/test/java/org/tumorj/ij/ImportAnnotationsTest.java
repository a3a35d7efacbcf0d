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

    /**
     * A NIfTI label map on the series' grid (as ITK-SNAP or 3D Slicer save one drawn on the DICOM
     * series): each finding's pixels with value 1, named {@code tumor} by the {@code labels.json}
     * beside it, come in as ROIs with exactly those pixels on their slices.
     */
    @Test
    void aNiftiLabelMapOnTheSeriesGridComesInAsItsPixelsOnTheirSlices() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("nifti"));
        Path map = folder.resolve("study_seg.nii.gz");
        org.tumorj.nifti.NiftiTestFiles.write(map, fixture.volume().info(), labelMap());
        Files.writeString(folder.resolve("labels.json"), "{\"1\": \"tumor\"}");
        List<Roi> rois = RoiSets.imported(map, imp);
        int w = imp.getWidth();
        for (int z = 0; z < imp.getStackSize(); z++) {
            boolean[] got = new boolean[w * imp.getHeight()];
            for (Roi roi : rois) {
                assertTrue(roi.getName().startsWith("tumor "), roi.getName());
                if (roi.getPosition() == z + 1) {
                    for (Point p : roi.getContainedPoints()) {
                        got[p.y * w + p.x] = true;
                    }
                }
            }
            assertArrayEquals(fixture.detections().findingMask(z), got, "slice " + (z + 1));
        }
        assertTrue(rois.size() >= fixture.detections().findings().size(), "one ROI per component and slice");
    }

    @Test
    void aNiftiLabelMapOffTheSeriesGridIsRefusedNamingIt() throws IOException {
        org.tumorj.volume.VolumeInfo i = fixture.volume().info();
        double[] shifted = {i.origin()[0] + 5 * i.spacingX(), i.origin()[1], i.origin()[2]};
        org.tumorj.volume.VolumeInfo moved = new org.tumorj.volume.VolumeInfo(i.modality(), "", "", "", "", i.width(),
                i.height(), i.spacingX(), i.spacingY(), i.spacingZ(), shifted, i.rowDirection(), i.columnDirection(),
                0, 1, false, i.sopInstanceUids(), List.of());
        Path map = Files.createDirectories(dir.resolve("shifted")).resolve("labels.nii");
        org.tumorj.nifti.NiftiTestFiles.write(map, moved, labelMap());
        IOException e = assertThrows(IOException.class, () -> RoiSets.imported(map, imp));
        assertTrue(e.getMessage().startsWith(map.toString()) && e.getMessage().contains("does not match")
                && e.getMessage().contains(i.seriesInstanceUid()), e.getMessage());
    }

    /** 1 on every finding's pixels, 0 elsewhere, slice by slice. */
    private static List<float[]> labelMap() {
        List<float[]> slices = new ArrayList<>();
        for (int z = 0; z < imp.getStackSize(); z++) {
            boolean[] mask = fixture.detections().findingMask(z);
            float[] v = new float[mask.length];
            for (int p = 0; p < mask.length; p++) {
                v[p] = mask[p] ? 1 : 0;
            }
            slices.add(v);
        }
        return slices;
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
