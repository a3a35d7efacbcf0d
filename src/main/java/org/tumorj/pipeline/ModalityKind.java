package org.tumorj.pipeline;

import java.util.Locale;

/**
 * The kinds of image a model can be trained on, coarser than DICOM's Modality: CT (Hounsfield
 * units), MR (arbitrary units, one scale per series), radiographs (CR, DX and other projections,
 * displayed through their own VOI curve) and anything else. A model trained on one kind is refused
 * on another; a training folder must hold one kind only.
 */
public enum ModalityKind {
    CT, MR, RADIOGRAPH, OTHER;

    private static final java.util.Set<String> PROJECTIONS = java.util.Set.of("CR", "DX", "DR", "MG", "RF", "XA", "IO", "PX");

    /** The kind of a DICOM Modality value (null or blank: {@link #OTHER}). */
    public static ModalityKind of(String modality) {
        String m = modality == null ? "" : modality.trim().toUpperCase(Locale.ROOT);
        if (m.equals("CT")) {
            return CT;
        }
        if (m.equals("MR")) {
            return MR;
        }
        return PROJECTIONS.contains(m) ? RADIOGRAPH : OTHER;
    }

    /** Parses a stored name; unknown text is {@link #OTHER}. */
    public static ModalityKind parse(String name) {
        for (ModalityKind k : values()) {
            if (k.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return k;
            }
        }
        return OTHER;
    }
}
