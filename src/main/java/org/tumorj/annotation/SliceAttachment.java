package org.tumorj.annotation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts annotations back on the right slice of a loaded series. The SOPInstanceUID decides when
 * present (files may have been read, or slices sorted, in another order than when the regions
 * were drawn); the stored index is used only for regions that carry none.
 */
public final class SliceAttachment {
    private SliceAttachment() {}

    /**
     * @param source the annotation file, named in errors
     * @param names how each region is called in errors (ROI names), same order; null for "region i"
     * @param sopInstanceUids the series' SOPInstanceUIDs in slice order
     * @throws AnnotationFileException for a region whose SOPInstanceUID is not in the series, or
     *     whose index (without SOPInstanceUID) is outside it
     */
    public static List<Annotation> reattach(Path source, List<Annotation> regions, List<String> names,
            List<String> sopInstanceUids) throws AnnotationFileException {
        Map<String, Integer> bySop = new HashMap<>();
        for (int i = 0; i < sopInstanceUids.size(); i++) {
            bySop.put(sopInstanceUids.get(i), i);
        }
        List<Annotation> out = new ArrayList<>(regions.size());
        for (int i = 0; i < regions.size(); i++) {
            Annotation a = regions.get(i);
            String name = names == null ? "region " + (i + 1) + " ('" + a.label() + "')" : "ROI '" + names.get(i) + "'";
            out.add(attach(source, name, a, bySop, sopInstanceUids));
        }
        return out;
    }

    private static Annotation attach(Path source, String name, Annotation a, Map<String, Integer> bySop,
            List<String> sops) throws AnnotationFileException {
        String sop = a.sopInstanceUid();
        if (sop != null && !sop.isEmpty()) {
            Integer index = bySop.get(sop);
            if (index == null) {
                throw new AnnotationFileException(source, name + " is on a slice (SOPInstanceUID " + sop
                        + ") that this series does not have; were the annotations made on another series? Choose the series"
                        + " they were drawn on (--series REGEX, Fiji key series=REGEX)");
            }
            return index == a.sliceIndex() ? a : new Annotation(a.label(), index, sop, a.xs(), a.ys());
        }
        if (a.sliceIndex() < 0 || a.sliceIndex() >= sops.size()) {
            throw new AnnotationFileException(source, name + " is on slice " + (a.sliceIndex() + 1)
                    + " but the series has " + sops.size() + " slices");
        }
        return new Annotation(a.label(), a.sliceIndex(), sops.get(a.sliceIndex()), a.xs(), a.ys());
    }
}
