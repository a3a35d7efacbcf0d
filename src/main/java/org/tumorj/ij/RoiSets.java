package org.tumorj.ij;

import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.io.RoiEncoder;
import ij.process.FloatPolygon;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.AnnotationFileException;
import org.tumorj.annotation.SliceAttachment;
import org.tumorj.util.AtomicFiles;

/**
 * {@code RoiSet.zip}, the ROI Manager's own format, to and from {@link Annotation}s. Each ROI
 * is a polygon whose position is its 1-based slice, whose property {@value #SOP_PROPERTY}
 * holds the slice's SOPInstanceUID, and whose name is its label numbered ({@code tumor 3}).
 * Reading takes the label from the ROI's group name when set, else from its name, and accepts
 * any area ROI (rectangle, oval, freehand, traced) by its outline. Works headless.
 */
public final class RoiSets {
    public static final String FILE_NAME = "RoiSet.zip";
    /** ROI property holding the SOPInstanceUID of the ROI's slice. */
    public static final String SOP_PROPERTY = "sop";

    private RoiSets() {}

    /** One ROI read from a zip: its name in the ROI Manager and the region it outlines. */
    public record NamedRegion(String name, Annotation region) {}

    /** Writes the regions atomically; names are {@code <label> <n>}, numbered per label. */
    public static void write(Path zip, List<Annotation> regions) throws IOException {
        List<Roi> rois = toRois(regions);
        AtomicFiles.write(zip, out -> {
            ZipOutputStream z = new ZipOutputStream(out);
            Set<String> used = new HashSet<>();
            for (Roi roi : rois) {
                String entry = roi.getName();
                for (int n = 2; !used.add(entry); n++) {
                    entry = roi.getName() + "-" + n;
                }
                z.putNextEntry(new ZipEntry(entry + ".roi"));
                z.write(RoiEncoder.saveAsByteArray(roi));
                z.closeEntry();
            }
            z.finish();
        });
    }

    /** ROIs for the ROI Manager, named {@code <label> <n>} unless the label already ends in a number. */
    public static List<Roi> toRois(List<Annotation> regions) {
        Map<String, Integer> counts = new HashMap<>();
        List<Roi> out = new ArrayList<>();
        for (Annotation a : regions) {
            String name = a.label().matches(".*\\s\\d+$") ? a.label()
                    : a.label() + " " + counts.merge(a.label(), 1, Integer::sum);
            out.add(toRoi(a, name));
        }
        return out;
    }

    public static PolygonRoi toRoi(Annotation a, String name) {
        PolygonRoi roi = new PolygonRoi(a.xs(), a.ys(), Roi.POLYGON);
        roi.setName(name);
        roi.setPosition(a.sliceIndex() + 1);
        if (a.sopInstanceUid() != null && !a.sopInstanceUid().isEmpty()) {
            roi.setProperty(SOP_PROPERTY, a.sopInstanceUid());
        }
        return roi;
    }

    /**
     * Regions as stored: slice from the ROI position (index = position - 1), SOPInstanceUID
     * from the ROI property when present.
     */
    public static List<Annotation> read(Path zip) throws IOException {
        return readNamed(zip).stream().map(NamedRegion::region).toList();
    }

    /**
     * Regions re-attached to a series: by SOPInstanceUID when the ROI carries one (slices may
     * have been reordered), else by position.
     *
     * @throws AnnotationFileException naming the zip and the ROI whose slice is not in the series
     */
    public static List<Annotation> read(Path zip, List<String> sopInstanceUids) throws IOException {
        List<NamedRegion> named = readNamed(zip);
        return SliceAttachment.reattach(zip, named.stream().map(NamedRegion::region).toList(),
                named.stream().map(NamedRegion::name).toList(), sopInstanceUids);
    }

    /** Every ROI of the zip with its name, in the zip's order. */
    public static List<NamedRegion> readNamed(Path zip) throws IOException {
        List<NamedRegion> out = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                if (!e.isDirectory() && e.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".roi")) {
                    out.add(decode(zip, e.getName(), read(z, e)));
                }
            }
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new AnnotationFileException(zip, "no such ROI set");
        } catch (ZipException e) {
            throw new AnnotationFileException(zip, "not a readable ROI zip (" + e.getMessage()
                    + "); save it again from the ROI Manager (More > Save...)", e);
        }
        if (out.isEmpty()) {
            throw new AnnotationFileException(zip, "holds no .roi entries; is it a ROI Manager zip?");
        }
        return out;
    }

    private static byte[] read(ZipFile z, ZipEntry e) throws IOException {
        try (InputStream in = z.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    private static NamedRegion decode(Path zip, String entry, byte[] bytes) throws AnnotationFileException {
        String fallback = entry.substring(0, entry.length() - 4);
        Roi roi;
        try {
            roi = new RoiDecoder(bytes, entry).getRoi();
        } catch (IOException | RuntimeException e) {
            throw new AnnotationFileException(zip, "ROI '" + fallback + "' cannot be decoded (" + e + ")", e);
        }
        if (roi == null) {
            throw new AnnotationFileException(zip, "ROI '" + fallback + "' is not a valid .roi");
        }
        String name = roi.getName() != null && !roi.getName().isBlank() ? roi.getName() : fallback;
        return new NamedRegion(name, fromRoi(zip, name, roi));
    }

    /**
     * The region an area ROI outlines. Label: the ROI's group name when set, else its name.
     *
     * @throws AnnotationFileException for a line or point ROI, or a ROI with no slice
     */
    public static Annotation fromRoi(Path source, String name, Roi roi) throws AnnotationFileException {
        if (!roi.isArea()) {
            throw new AnnotationFileException(source, "ROI '" + name + "' is a " + roi.getTypeAsString()
                    + ", not an area; outline regions with an area tool (polygon, freehand, oval...)");
        }
        String sop = roi.getProperty(SOP_PROPERTY);
        int slice = roi.getPosition() > 0 ? roi.getPosition() : roi.hasHyperStackPosition() ? roi.getZPosition() : 0;
        if (slice <= 0 && (sop == null || sop.isEmpty())) {
            throw new AnnotationFileException(source, "ROI '" + name + "' is not tied to a slice; in the ROI"
                    + " Manager use More > Options > 'Associate with slices' and add it again on its slice");
        }
        FloatPolygon p = roi.getFloatPolygon();
        float[] xs = java.util.Arrays.copyOf(p.xpoints, p.npoints), ys = java.util.Arrays.copyOf(p.ypoints, p.npoints);
        try {
            return new Annotation(label(roi, name), slice - 1, sop == null ? "" : sop, xs, ys);
        } catch (IllegalArgumentException e) {
            throw new AnnotationFileException(source, "ROI '" + name + "': " + e.getMessage());
        }
    }

    private static String label(Roi roi, String name) {
        String group = roi.getGroup() > 0 ? Roi.getGroupName(roi.getGroup()) : null;
        return group != null && !group.isBlank() && !AnnotationClasses.classOf(group).isEmpty() ? group : name;
    }
}
