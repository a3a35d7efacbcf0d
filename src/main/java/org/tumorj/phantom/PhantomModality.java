package org.tumorj.phantom;

/** The two kinds of phantom: CT in Hounsfield units, MR in arbitrary T2-weighted-like units. */
public enum PhantomModality {
    CT, MR;

    /** Parses {@code CT}/{@code MR} in any case; names the allowed values otherwise. */
    public static PhantomModality parse(String text) {
        for (PhantomModality m : values()) {
            if (m.name().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("modality must be CT or MR, got '" + text + "'");
    }
}
