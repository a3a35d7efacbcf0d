package org.tumorj.interop;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The DICOM objects a detection run can write per study, and the file each goes to. */
public enum DicomExport {
    /** The findings as a binary Segmentation, one segment each. */
    SEG("seg", "seg.dcm"),
    /** The findings as an RT Structure Set, one ROI each. */
    RTSTRUCT("rtstruct", "rtstruct.dcm"),
    /** The probability map as a fractional Segmentation (PROBABILITY, 0..255), one frame per slice. */
    SEG_FRACTIONAL("seg-fractional", "seg-fractional.dcm");

    private final String key;
    private final String fileName;

    DicomExport(String key, String fileName) {
        this.key = key;
        this.fileName = fileName;
    }

    /** The name in {@code --export} lists: {@code seg}, {@code rtstruct}, {@code seg-fractional}. */
    public String key() {
        return key;
    }

    public String fileName() {
        return fileName;
    }

    /** Whether the object describes the findings (none without findings), not the probability map. */
    public boolean needsFindings() {
        return this != SEG_FRACTIONAL;
    }

    /**
     * A comma-separated list such as {@code seg,rtstruct} (any case); empty or null for none.
     *
     * @throws IllegalArgumentException naming the unknown entry and the known ones
     */
    public static Set<DicomExport> parse(String list) {
        Set<DicomExport> out = EnumSet.noneOf(DicomExport.class);
        if (list == null || list.isBlank()) {
            return out;
        }
        for (String part : list.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            DicomExport kind = null;
            for (DicomExport e : values()) {
                if (e.key.equals(name)) {
                    kind = e;
                }
            }
            if (kind == null) {
                throw new IllegalArgumentException("unknown DICOM export '" + part.trim() + "': give seg, rtstruct or"
                        + " seg-fractional, comma-separated (e.g. seg,rtstruct)");
            }
            out.add(kind);
        }
        return out;
    }
}
