package org.tumorj.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Pulmonary vascular trees: each starts at a hilum with a thick trunk and branches in two (now
 * and then three) at every generation, each child thinner (about 0.76 of its parent's radius) and
 * shorter, turned 20-40 degrees in a random direction, until it is under 0.6 mm or leaves the
 * lung. Branches run in every direction, so some run along the beam and project as dots.
 */
final class PulmonaryVessels {
    private static final int MAX_GENERATIONS = 8;
    private static final double MIN_RADIUS = 0.6;
    private final ChestAnatomy anatomy;
    private final RandomGenerator r;
    private final List<VesselSegment> segments = new ArrayList<>();

    private PulmonaryVessels(ChestAnatomy anatomy, RandomGenerator r) {
        this.anatomy = anatomy;
        this.r = r;
    }

    /** {@code trees} trees, alternating right and left hilum. */
    static List<VesselSegment> grow(ChestAnatomy anatomy, int trees, RandomGenerator r) {
        PulmonaryVessels v = new PulmonaryVessels(anatomy, r);
        for (int t = 0; t < trees; t++) {
            int side = t % 2 == 0 ? -1 : 1;
            int before = v.segments.size();
            // A trunk must reach the lung; a hilum behind the heart may need a few directions.
            for (int attempt = 0; attempt < 20 && v.segments.size() == before; attempt++) {
                double[] start = anatomy.hilum(side, r);
                double[] dir = normalise(new double[] {side * r.nextDouble(0.4, 1.0), r.nextDouble(-0.7, 0.7), r.nextDouble(-0.9, 0.7)});
                v.branch(start, dir, r.nextDouble(4.0, 6.0), r.nextDouble(28, 42), 0);
            }
        }
        return List.copyOf(v.segments);
    }

    private void branch(double[] from, double[] dir, double radius, double length, int generation) {
        double[] to = null;
        for (double l = length; l >= 6 && to == null; l *= 0.6) {
            double[] end = {from[0] + dir[0] * l, from[1] + dir[1] * l, from[2] + dir[2] * l};
            if (anatomy.inLung(end[0], end[1], end[2])) {
                to = end;
            }
        }
        if (to == null) {
            return;
        }
        segments.add(new VesselSegment(from, to, radius));
        if (generation + 1 >= MAX_GENERATIONS || radius * 0.76 < MIN_RADIUS) {
            return;
        }
        int children = r.nextDouble() < 0.2 ? 3 : 2;
        for (int c = 0; c < children; c++) {
            double[] d = turn(dir, r.nextDouble(0.35, 0.7));
            branch(to, d, radius * r.nextDouble(0.7, 0.82), Math.max(8, length * r.nextDouble(0.72, 0.9)), generation + 1);
        }
    }

    /** dir turned by {@code angle} radians toward a random perpendicular direction. */
    private double[] turn(double[] dir, double angle) {
        double[] random = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
        double dot = random[0] * dir[0] + random[1] * dir[1] + random[2] * dir[2];
        double[] perp = normalise(new double[] {random[0] - dot * dir[0], random[1] - dot * dir[1], random[2] - dot * dir[2]});
        double c = Math.cos(angle), s = Math.sin(angle);
        return normalise(new double[] {c * dir[0] + s * perp[0], c * dir[1] + s * perp[1], c * dir[2] + s * perp[2]});
    }

    private static double[] normalise(double[] v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }
}
