package org.tumorj.interop;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The DICOM objects a detection run can write per study, and the file each goes to. */
public enum DicomExport {
    SEG("seg.dcm"),
    RTSTRUCT("rtstruct.dcm");

    private final String fileName;

    DicomExport(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
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
            String name = part.trim().toUpperCase(Locale.ROOT);
            try {
                out.add(valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown DICOM export '" + part.trim() + "': give seg, rtstruct or"
                        + " both, comma-separated (e.g. seg,rtstruct)", e);
            }
        }
        return out;
    }
}
