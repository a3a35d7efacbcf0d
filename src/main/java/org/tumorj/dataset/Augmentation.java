package org.tumorj.dataset;

import java.util.random.RandomGenerator;

/**
 * Seeded augmentation settings: flips, 90-degree rotations, small rotations, scale and
 * intensity jitter. Geometry is applied while the patch is resampled (bilinear), so rotations
 * bring in real neighbouring tissue, not padding.
 *
 * @param flips mirror left-right with probability 1/2 (with rot90 this covers up-down too)
 * @param rot90 rotate by a random multiple of 90 degrees
 * @param maxRotationDeg further rotation drawn from [-max, max]
 * @param minScale smallest zoom (0.9 = tissue appears 10 % smaller)
 * @param maxScale largest zoom
 * @param intensityJitter gain drawn from 1 +- jitter around the window centre, and shift of +- jitter x window width
 */
public record Augmentation(boolean flips, boolean rot90, double maxRotationDeg, double minScale, double maxScale,
        double intensityJitter) {

    public Augmentation {
        if (!(minScale > 0) || maxScale < minScale) {
            throw new IllegalArgumentException("scale range " + minScale + ".." + maxScale + " is not valid");
        }
        if (maxRotationDeg < 0 || intensityJitter < 0) {
            throw new IllegalArgumentException("rotation and intensity jitter must be >= 0");
        }
    }

    /** Flips, 90-degree turns, +-15 degrees, scale 0.9-1.1, 5 % intensity jitter. */
    public static Augmentation defaults() {
        return new Augmentation(true, true, 15, 0.9, 1.1, 0.05);
    }

    public static Augmentation none() {
        return new Augmentation(false, false, 0, 1, 1, 0);
    }

    public boolean isNone() {
        return !flips && !rot90 && maxRotationDeg == 0 && minScale == 1 && maxScale == 1 && intensityJitter == 0;
    }

    /** One draw: the transform for one patch. */
    Draw draw(RandomGenerator r) {
        boolean flip = flips && r.nextBoolean();
        int quarter = rot90 ? r.nextInt(4) : 0;
        double angle = quarter * Math.PI / 2 + (maxRotationDeg > 0 ? Math.toRadians(r.nextDouble(-maxRotationDeg, maxRotationDeg)) : 0);
        double scale = maxScale > minScale ? r.nextDouble(minScale, maxScale) : minScale;
        double gain = intensityJitter > 0 ? 1 + r.nextDouble(-intensityJitter, intensityJitter) : 1;
        double shift = intensityJitter > 0 ? r.nextDouble(-intensityJitter, intensityJitter) : 0;
        return new Draw(flip, angle, scale, gain, shift);
    }

    /**
     * @param shift in units of the window width
     */
    record Draw(boolean flip, double angle, double scale, double gain, double shift) {
        static final Draw IDENTITY = new Draw(false, 0, 1, 1, 0);

        boolean geometric() {
            return flip || angle != 0 || scale != 1;
        }
    }
}
