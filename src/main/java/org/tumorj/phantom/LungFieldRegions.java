package org.tumorj.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.tumorj.annotation.Annotation;
import org.tumorj.volume.Shutter;

/**
 * A few {@code normal-lung} discs on a radiograph, as a lab would outline them: in the lung
 * field (each ray crossing over 40 mm of lung), inside the exposed field, well away from every
 * nodule. Ribs and vessels cross them as they cross real lung; the first is centred on the most
 * nodule-like end-on vessel when there is one, the hardest normal region there is.
 */
final class LungFieldRegions {
    private static final double MIN_LUNG_MM = 40;
    private static final double MARGIN_MM = 5;
    private final Grid g;
    private final ChestProjection projection;
    private final Shutter shutter;
    private final List<Nodule> nodules;
    private final RandomGenerator r;
    private final List<double[]> placed = new ArrayList<>();

    LungFieldRegions(Grid g, ChestProjection projection, Shutter shutter, List<Nodule> nodules, RandomGenerator r) {
        this.g = g;
        this.projection = projection;
        this.shutter = shutter;
        this.nodules = nodules;
        this.r = r;
    }

    /** Adds up to {@code count} regions; {@code lookAlike} (u, v mm) is tried first, may be null. */
    void add(int count, double[] lookAlike, String sop, List<Annotation> out) {
        if (lookAlike != null) {
            tryAdd(lookAlike[0], lookAlike[1], r.nextDouble(7, 10), sop, out);
        }
        for (int t = 0; t < 400 && placed.size() < count; t++) {
            double u = r.nextDouble(-0.5, 0.5) * g.fovX(), v = r.nextDouble(-0.5, 0.5) * g.fovY();
            tryAdd(u, v, r.nextDouble(8, 14), sop, out);
        }
    }

    private void tryAdd(double u, double v, double radius, String sop, List<Annotation> out) {
        if (!inLungField(u, v, radius) || nearNodule(u, v, radius) || overlapsPlaced(u, v, radius)) {
            return;
        }
        float[][] poly = Outlines.circle(g, u, v, radius, 24);
        out.add(new Annotation("normal-lung", 0, sop, poly[0], poly[1]));
        placed.add(new double[] {u, v, radius});
    }

    private boolean inLungField(double u, double v, double radius) {
        for (int a = 0; a <= 12; a++) {
            double t = 2 * Math.PI * a / 12, reach = a == 12 ? 0 : 1.1 * radius;
            double pu = u + reach * Math.cos(t), pv = v + reach * Math.sin(t);
            if (projection.lungChord(pu, pv) < MIN_LUNG_MM || !shutter.exposes(g.column(pu), g.row(pv))
                    || g.column(pu) < 0 || g.column(pu) > g.width - 1 || g.row(pv) < 0 || g.row(pv) > g.height - 1) {
                return false;
            }
        }
        return true;
    }

    private boolean nearNodule(double u, double v, double radius) {
        for (Nodule n : nodules) {
            if (Math.hypot(u - n.x, v + n.z) < radius + n.maxRadius() + MARGIN_MM) {
                return true;
            }
        }
        return false;
    }

    private boolean overlapsPlaced(double u, double v, double radius) {
        for (double[] p : placed) {
            if (Math.hypot(u - p[0], v - p[1]) < radius + p[2] + 2) {
                return true;
            }
        }
        return false;
    }
}
