package org.tumorj.phantom;

import java.util.Locale;

/** Organs that hold lesions, vessels and normal regions. */
public enum Organ {
    LIVER, LUNG;

    /** Lower-case name used in labels ({@code normal-liver}) and ground truth. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
