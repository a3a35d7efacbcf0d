package org.tumorj.annotation;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.tumorj.util.AtomicFiles;

/**
 * {@code RoiSet.zip}, the ROI Manager's own format, to and from {@link Annotation}s, without
 * ImageJ (the command line runs with no ImageJ on its class path). Each ROI is a polygon whose
 * position is its 1-based slice, whose property {@value #SOP_PROPERTY} holds the slice's
 * SOPInstanceUID, and whose name is its label numbered ({@code tumor 3}). Reading takes the label
 * from the ROI's group name when one is known, else from its name, and accepts any area ROI
 * (polygon, rectangle, oval, freehand, traced) by its outline.
 */
public final class RoiSetZip {
    public static final String FILE_NAME = "RoiSet.zip";
    /** ROI property holding the SOPInstanceUID of the ROI's slice. */
    public static final String SOP_PROPERTY = "sop";
    /** Group names are ImageJ preferences: outside Fiji none is known. */
    public static final IntFunction<String> NO_GROUP_NAMES = group -> null;
    private static final long FIXED_TIME = 946_684_800_000L; // 2000-01-01

    private RoiSetZip() {}

    /** One ROI read from a zip: its name in the ROI Manager and the region it outlines. */
    public record NamedRegion(String name, Annotation region) {}

    /** Writes the regions atomically; names are {@code <label> <n>}, numbered per label (see {@link #names}). */
    public static void write(Path zip, List<Annotation> regions) throws IOException {
        List<String> names = names(regions);
        AtomicFiles.write(zip, out -> {
            ZipOutputStream z = new ZipOutputStream(out);
            Set<String> used = new HashSet<>();
            for (int i = 0; i < regions.size(); i++) {
                Annotation a = regions.get(i);
                String entry = names.get(i);
                for (int n = 2; !used.add(entry); n++) {
                    entry = names.get(i) + "-" + n;
                }
                Properties properties = new Properties();
                if (a.sopInstanceUid() != null && !a.sopInstanceUid().isEmpty()) {
                    properties.setProperty(SOP_PROPERTY, a.sopInstanceUid());
                }
                ZipEntry e = new ZipEntry(entry + ".roi");
                e.setTime(FIXED_TIME); // same regions, same bytes: no clock in the file
                z.putNextEntry(e);
                z.write(ImageJRoi.encodePolygon(names.get(i), a.sliceIndex() + 1, properties, a.xs(), a.ys()));
                z.closeEntry();
            }
            z.finish();
        });
    }

    /** ROI Manager names: {@code <label> <n>} numbered per label, unless the label already ends in a number. */
    public static List<String> names(List<Annotation> regions) {
        Map<String, Integer> counts = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (Annotation a : regions) {
            out.add(a.label().matches(".*\\s\\d+$") ? a.label() : a.label() + " " + counts.merge(a.label(), 1, Integer::sum));
        }
        return out;
    }

    /**
     * Regions as stored: slice from the ROI position (index = position - 1), SOPInstanceUID
     * from the ROI property when present.
     */
    public static List<Annotation> read(Path zip) throws IOException {
        return readNamed(zip, NO_GROUP_NAMES).stream().map(NamedRegion::region).toList();
    }

    /**
     * Regions re-attached to a series: by SOPInstanceUID when the ROI carries one (slices may
     * have been reordered), else by position.
     *
     * @param groupNames the name of a ROI group (null when it has none)
     * @throws AnnotationFileException naming the zip and the ROI whose slice is not in the series
     */
    public static List<Annotation> read(Path zip, List<String> sopInstanceUids, IntFunction<String> groupNames)
            throws IOException {
        List<NamedRegion> named = readNamed(zip, groupNames);
        return SliceAttachment.reattach(zip, named.stream().map(NamedRegion::region).toList(),
                named.stream().map(NamedRegion::name).toList(), sopInstanceUids);
    }

    /** Every ROI of the zip with its name, in the zip's order. */
    public static List<NamedRegion> readNamed(Path zip, IntFunction<String> groupNames) throws IOException {
        List<NamedRegion> out = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                if (!e.isDirectory() && e.getName().toLowerCase(Locale.ROOT).endsWith(".roi")) {
                    out.add(decode(zip, e.getName(), read(z, e), groupNames));
                }
            }
        } catch (NoSuchFileException | FileNotFoundException e) {
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

    private static NamedRegion decode(Path zip, String entry, byte[] bytes, IntFunction<String> groupNames)
            throws AnnotationFileException {
        String fallback = entry.substring(entry.lastIndexOf('/') + 1, entry.length() - 4);
        ImageJRoi roi;
        try {
            roi = ImageJRoi.decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new AnnotationFileException(zip, "ROI '" + fallback + "' cannot be decoded: " + e.getMessage(), e);
        }
        String name = roi.name() != null && !roi.name().isBlank() ? roi.name() : fallback;
        String label = label(name, roi.group() > 0 ? groupNames.apply(roi.group()) : null);
        return new NamedRegion(name, region(zip, name, label, roi.position() > 0 ? roi.position() : roi.zPosition(),
                roi.isArea() ? null : roi.typeName(), roi.property(SOP_PROPERTY), roi.xs(), roi.ys()));
    }

    /** A ROI's label: its group's name when that names a class, else the ROI's own name. */
    public static String label(String name, String groupName) {
        return groupName != null && !groupName.isBlank() && !AnnotationClasses.classOf(groupName).isEmpty() ? groupName : name;
    }

    /**
     * The region an area ROI outlines, with the checks every ROI source shares.
     *
     * @param slice the ROI's 1-based slice, 0 when it has none
     * @param notArea the ROI's kind when it is not an area (a line, a point), else null
     * @throws AnnotationFileException for a line or point ROI, or a ROI with no slice
     */
    public static Annotation region(Path source, String name, String label, int slice, String notArea, String sop,
            float[] xs, float[] ys) throws AnnotationFileException {
        if (notArea != null) {
            throw new AnnotationFileException(source, "ROI '" + name + "' is a " + notArea
                    + ", not an area; outline regions with an area tool (polygon, freehand, oval...)");
        }
        if (slice <= 0 && (sop == null || sop.isEmpty())) {
            throw new AnnotationFileException(source, "ROI '" + name + "' is not tied to a slice; in the ROI"
                    + " Manager use More > Options > 'Associate with slices' and add it again on its slice");
        }
        try {
            return new Annotation(label, slice - 1, sop == null ? "" : sop, xs, ys);
        } catch (IllegalArgumentException e) {
            throw new AnnotationFileException(source, "ROI '" + name + "': " + e.getMessage());
        }
    }
}
