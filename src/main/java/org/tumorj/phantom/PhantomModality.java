package org.tumorj.phantom;

import java.util.Locale;

/**
 * The kinds of phantom: CT in Hounsfield units, MR in arbitrary T2-weighted-like units, and XR:
 * chest radiographs projected through a 3D chest (written as DICOM DX or CR).
 */
public enum PhantomModality {
    CT, MR, XR;

    /**
     * Parses {@code CT}/{@code MR} in any case, and {@code XR}, {@code DX}, {@code CR} (the DICOM
     * modalities of a radiograph) as {@link #XR}; names the allowed values otherwise.
     */
    public static PhantomModality parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.equals("DX") || t.equals("CR")) {
            return XR;
        }
        for (PhantomModality m : values()) {
            if (m.name().equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("modality must be CT or MR, or XR (also DX, CR) for chest radiographs, got '" + text + "'");
    }
}
