package org.tumorj.phantom;

import java.util.List;
import java.util.random.RandomGenerator;
import org.tumorj.annotation.Annotation;

/**
 * A few discs of normal tissue ({@code normal-liver}, {@code normal-lung}) on some slices, as a
 * lab would outline them: wholly inside the organ and well away from every lesion. Vessels may
 * cross them, as they do in real normal tissue.
 */
final class NormalRegions {
    private static final double MARGIN_MM = 5;
    private final Grid g;
    private final Anatomy anatomy;
    private final List<PlantedLesion> lesions;
    private final RandomGenerator r;

    NormalRegions(Grid g, Anatomy anatomy, List<PlantedLesion> lesions, RandomGenerator r) {
        this.g = g;
        this.anatomy = anatomy;
        this.lesions = lesions;
        this.r = r;
    }

    void add(List<String> sops, List<Annotation> out) {
        for (Organ organ : Organ.values()) {
            int wanted = 3;
            for (int t = 0; t < 200 && wanted > 0; t++) {
                if (tryAdd(organ, sops, out)) {
                    wanted--;
                }
            }
        }
    }

    private boolean tryAdd(Organ organ, List<String> sops, List<Annotation> out) {
        int k = r.nextInt(g.depth);
        double z = g.z(k);
        double radius = r.nextDouble(5, 10);
        double x = r.nextDouble(-0.5, 0.5) * g.fovX(), y = r.nextDouble(-0.5, 0.5) * g.fovY();
        if (!discInOrgan(organ, x, y, z, radius) || nearLesion(x, y, z, radius) || alreadyOn(out, k, organ)) {
            return false;
        }
        float[][] poly = Outlines.circle(g, x, y, radius, 24);
        out.add(new Annotation("normal-" + organ.label(), k, sops.get(k), poly[0], poly[1]));
        return true;
    }

    private boolean discInOrgan(Organ organ, double x, double y, double z, double radius) {
        if (!anatomy.inOrgan(organ, x, y, z)) {
            return false;
        }
        for (int a = 0; a < 24; a++) {
            double t = 2 * Math.PI * a / 24;
            if (!anatomy.inOrgan(organ, x + 1.1 * radius * Math.cos(t), y + 1.1 * radius * Math.sin(t), z)) {
                return false;
            }
        }
        return true;
    }

    private boolean nearLesion(double x, double y, double z, double radius) {
        for (PlantedLesion l : lesions) {
            double d = Math.sqrt((x - l.cx) * (x - l.cx) + (y - l.cy) * (y - l.cy) + (z - l.cz) * (z - l.cz));
            if (d < l.maxRadius() + radius + MARGIN_MM) {
                return true;
            }
        }
        return false;
    }

    /** One normal region per organ per slice is enough; spread them through the study. */
    private static boolean alreadyOn(List<Annotation> out, int k, Organ organ) {
        return out.stream().anyMatch(a -> a.sliceIndex() == k && a.label().equals("normal-" + organ.label()));
    }
}
