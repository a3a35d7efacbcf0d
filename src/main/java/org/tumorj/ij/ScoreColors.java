package org.tumorj.ij;

import ij.plugin.LutLoader;
import java.awt.Color;
import java.awt.image.IndexColorModel;

/**
 * One colour scale for scores and probabilities (ImageJ's "fire" LUT over [0, 1]), shared by the
 * outlines, the heat map and the colour bar, so one legend explains all three.
 */
public final class ScoreColors {
    private ScoreColors() {}

    private static final IndexColorModel FIRE = LutLoader.getLut("fire");

    /** The LUT itself, for images of probabilities scaled to 0..255. */
    public static IndexColorModel lut() {
        return FIRE;
    }

    /** Colour of a score or probability in [0, 1] (clipped). */
    public static Color of(double score) {
        int i = (int) Math.round(Math.max(0, Math.min(1, score)) * 255);
        return new Color(FIRE.getRed(i), FIRE.getGreen(i), FIRE.getBlue(i));
    }
}
