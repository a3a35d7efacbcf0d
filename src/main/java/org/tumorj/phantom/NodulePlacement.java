package org.tumorj.phantom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.random.RandomGenerator;

/**
 * Places nodules in the lungs by rejection sampling: wholly in air-filled lung (so they overlap
 * vessels, ribs, heart or diaphragm only in projection, as real ones do), clear of the vessels in
 * 3D, apart from each other on the image (so each outline holds one nodule), and inside the
 * exposed field. Diameters are log-uniform over 5-30 mm. About 45% are clear solid nodules, 35%
 * subtle (part-solid, half the density of soft tissue) and 20% faint (ground glass, a third of it, and under 12 mm).
 */
final class NodulePlacement {
    private static final int TRIES = 600;
    private final ChestAnatomy anatomy;
    private final List<VesselSegment> vessels;
    private final BiPredicate<Double, Double> exposed;
    private final RandomGenerator r;

    /** {@code exposed} says whether image-plane point (u, v) mm lies in the exposed field, with a margin. */
    NodulePlacement(ChestAnatomy anatomy, List<VesselSegment> vessels, BiPredicate<Double, Double> exposed, RandomGenerator r) {
        this.anatomy = anatomy;
        this.vessels = vessels;
        this.exposed = exposed;
        this.r = r;
    }

    List<Nodule> place(int count) {
        double[] diameters = new double[count];
        for (int i = 0; i < count; i++) {
            diameters[i] = Math.exp(r.nextDouble(Math.log(5), Math.log(30)));
        }
        Arrays.sort(diameters);
        List<Nodule> out = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            String look = look();
            double d = look.equals(LesionLook.NEAR_INVISIBLE) ? Math.min(diameters[i], r.nextDouble(5, 12)) : diameters[i];
            Nodule placed = null;
            for (int t = 0; t < TRIES && placed == null; t++) {
                Nodule n = random(out.size() + 1, Math.max(5, d * Math.pow(0.85, t / 60)), look);
                if (fits(n) && apart(n, out) && clearOfVessels(n)) {
                    placed = n;
                }
            }
            if (placed != null) {
                out.add(placed);
            }
        }
        return out;
    }

    private String look() {
        double u = r.nextDouble();
        return u < 0.45 ? LesionLook.CLEAR : u < 0.8 ? LesionLook.SUBTLE : LesionLook.NEAR_INVISIBLE;
    }

    /** Attenuation above lung: solid nodule as soft tissue; part-solid about half; ground glass about a third. */
    private double deltaMu(String look) {
        double solid = anatomy.muSoft() - anatomy.muLung();
        return switch (look) {
            case LesionLook.CLEAR -> solid * r.nextDouble(0.85, 1.05);
            case LesionLook.SUBTLE -> solid * r.nextDouble(0.45, 0.65);
            default -> solid * r.nextDouble(0.3, 0.45);
        };
    }

    private Nodule random(int id, double d, String look) {
        double[] b = anatomy.lungBounds(); // half-width, z bottom, z top, y front, y back
        double[] centre = {r.nextDouble(-b[0], b[0]), r.nextDouble(b[3], b[4]), r.nextDouble(b[1], b[2])};
        double[] axes = {d / 2 * r.nextDouble(0.85, 1.15), d / 2 * r.nextDouble(0.85, 1.15), d / 2 * r.nextDouble(0.85, 1.15)};
        return new Nodule(id, centre, axes, r.nextDouble(0, Math.PI), deltaMu(look), look);
    }

    /** Centre and points just outside the surface lie in lung; the projection lies in the exposed field. */
    private boolean fits(Nodule n) {
        if (!anatomy.inLung(n.x, n.y, n.z) || !exposed.test(n.x, -n.z)) {
            return false;
        }
        double grow = 1.1 + 1.0 / n.maxRadius();
        for (int a = 0; a < 12; a++) {
            double theta = 2 * Math.PI * a / 12;
            for (int b = -1; b <= 1; b++) {
                double phi = b * Math.PI / 4;
                double ex = Math.cos(phi) * Math.cos(theta) * n.major * grow;
                double ez = Math.cos(phi) * Math.sin(theta) * n.minor * grow;
                double c = Math.cos(n.angle), s = Math.sin(n.angle);
                double px = n.x + ex * c - ez * s, pz = n.z - (ex * s + ez * c);
                if (!anatomy.inLung(px, n.y + Math.sin(phi) * n.depth * grow, pz) || !exposed.test(px, -pz)) {
                    return false;
                }
            }
        }
        return anatomy.inLung(n.x, n.y + n.depth * grow, n.z) && anatomy.inLung(n.x, n.y - n.depth * grow, n.z);
    }

    private static boolean apart(Nodule n, List<Nodule> others) {
        for (Nodule o : others) {
            if (Math.hypot(n.x - o.x, n.z - o.z) < n.maxRadius() + o.maxRadius() + 6) {
                return false;
            }
        }
        return true;
    }

    private boolean clearOfVessels(Nodule n) {
        for (VesselSegment v : vessels) {
            if (v.distance(n.x, n.y, n.z) < n.maxRadius() + v.radius + 1.5) {
                return false;
            }
        }
        return true;
    }
}
