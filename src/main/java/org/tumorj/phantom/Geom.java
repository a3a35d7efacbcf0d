package org.tumorj.phantom;

/** Small geometry helpers. */
final class Geom {
    private Geom() {}

    /** sqrt(x² + y²): {@code Math.hypot} guards against overflow we never meet, at ten times the cost. */
    static double len(double x, double y) {
        return Math.sqrt(x * x + y * y);
    }
}
