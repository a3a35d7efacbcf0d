package org.tumorj.model;

/** Names of the two classes as the user annotated them, e.g. {@code tumor} and {@code normal}. */
public record ClassNames(String positive, String negative) {
    public ClassNames {
        if (positive == null || positive.isBlank() || negative == null || negative.isBlank() || positive.equals(negative)) {
            throw new IllegalArgumentException("need two different, non-empty class names; got '" + positive
                    + "' and '" + negative + "'");
        }
    }
}
