package org.tumorj.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contours of an RT Structure Set file, as the file gives them: ROI name, the image each
 * contour names (if any) and its points in patient coordinates (mm). Matching them to slices is
 * {@code org.tumorj.annotation.RtStructAnnotations}'s job.
 */
public final class RtStructFile {
    private static final String RT_STRUCTURE_SET_STORAGE = DicomWriter.RT_STRUCTURE_SET_STORAGE;

    private RtStructFile() {}

    /**
     * One closed planar contour.
     *
     * @param roiName the ROI's name (Structure Set ROI Sequence), e.g. "GTV" or "tumor"
     * @param referencedSopInstanceUid the image its Contour Image Sequence names; empty when none
     * @param pointsMm x, y, z of each point, patient coordinates (mm)
     */
    public record Contour(String roiName, String referencedSopInstanceUid, double[] pointsMm) {
        public int pointCount() { return pointsMm.length / 3; }
    }

    /** The SOP Class UID of any DICOM file, its pixel data left unread; "" when it has none. */
    public static String sopClassUid(Path file) {
        return DicomParser.parse(file, false).dataset().string(Tags.SOP_CLASS_UID, "");
    }

    /**
     * The CLOSED_PLANAR contours of every ROI, in file order; other geometric types (POINT,
     * OPEN_PLANAR) outline no region and are left out.
     *
     * @throws DicomException naming the file when it is not an RT Structure Set or a contour is malformed
     */
    public static List<Contour> read(Path file) {
        DicomDataset d = DicomParser.parse(file, false).dataset();
        String sopClass = d.string(Tags.SOP_CLASS_UID, "");
        if (!RT_STRUCTURE_SET_STORAGE.equals(sopClass)) {
            throw new DicomException(file, "not an RT Structure Set (SOP Class UID is '" + sopClass + "')");
        }
        Map<String, String> names = roiNames(d);
        List<Contour> out = new ArrayList<>();
        for (DicomDataset roi : items(d, 0x30060039)) {
            String name = names.getOrDefault(roi.string(0x30060084, ""), "ROI " + roi.string(0x30060084, "?"));
            for (DicomDataset c : items(roi, 0x30060040)) {
                if ("CLOSED_PLANAR".equals(c.string(0x30060042, ""))) {
                    out.add(contour(file, name, c));
                }
            }
        }
        return out;
    }

    private static Contour contour(Path file, String name, DicomDataset c) {
        double[] points = c.doubles(0x30060050);
        if (points == null || points.length < 9 || points.length % 3 != 0) {
            throw new DicomException(file, "ROI '" + name + "' has a contour whose Contour Data (3006,0050) is not"
                    + " at least 3 points of x, y, z numbers");
        }
        List<DicomDataset> images = items(c, 0x30060016);
        String ref = images.isEmpty() ? "" : images.get(0).string(0x00081155, "");
        return new Contour(name, ref, points);
    }

    /** ROI Number to ROI Name, from the Structure Set ROI Sequence. */
    private static Map<String, String> roiNames(DicomDataset d) {
        Map<String, String> names = new HashMap<>();
        for (DicomDataset roi : items(d, 0x30060020)) {
            names.put(roi.string(0x30060022, ""), roi.string(0x30060026, ""));
        }
        return names;
    }

    private static List<DicomDataset> items(DicomDataset d, int tag) {
        DicomElement e = d.get(tag);
        return e == null || !e.isSequence() ? List.of() : e.items();
    }
}
