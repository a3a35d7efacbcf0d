package org.tumorj.phantom;

/**
 * A contrast-filled tube that runs through many slices with a gentle drift and sway. On any one
 * slice its cross-section is a bright disc, exactly like a small nodule; only its run through
 * adjacent slices tells it apart.
 */
final class Vessel {
    final int id;
    final Organ organ;
    final double x0, y0, zMid, slopeX, slopeY, swayAmp, swayFreq, swayPhase;
    final double radius;
    final double zFrom, zTo;
    double value;
    double organValue;

    Vessel(int id, Organ organ, double[] start, double[] slope, double[] sway, double radius, double zFrom, double zTo) {
        this.id = id;
        this.organ = organ;
        this.x0 = start[0];
        this.y0 = start[1];
        this.zMid = start[2];
        this.slopeX = slope[0];
        this.slopeY = slope[1];
        this.swayAmp = sway[0];
        this.swayFreq = sway[1];
        this.swayPhase = sway[2];
        this.radius = radius;
        this.zFrom = zFrom;
        this.zTo = zTo;
    }

    boolean runsAt(double z) {
        return z >= zFrom && z <= zTo;
    }

    double centreX(double z) {
        return x0 + slopeX * (z - zMid) + swayAmp * Math.sin(swayFreq * (z - zMid) + swayPhase);
    }

    double centreY(double z) {
        return y0 + slopeY * (z - zMid) + swayAmp * Math.cos(swayFreq * (z - zMid) + swayPhase);
    }

    /** In-plane distance from the centre line on slice z, in mm (infinite where it does not run). */
    double distance(double x, double y, double z) {
        if (!runsAt(z)) {
            return Double.POSITIVE_INFINITY;
        }
        return Geom.len(x - centreX(z), y - centreY(z));
    }
}
