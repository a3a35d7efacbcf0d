package org.tumorj.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Places vessels and lesions inside the organs by rejection sampling: a lesion must lie wholly
 * in its organ, away from the other lesions and from every vessel, so that each annotation
 * outlines one lesion and a vessel is never mistaken for part of one.
 */
final class Placement {
    private static final int TRIES = 400;
    private final Grid grid;
    private final Anatomy anatomy;
    private final TissueValues tissues;
    private final PhantomModality modality;
    private final RandomGenerator r;

    Placement(Grid grid, Anatomy anatomy, TissueValues tissues, PhantomModality modality, RandomGenerator r) {
        this.grid = grid;
        this.anatomy = anatomy;
        this.tissues = tissues;
        this.modality = modality;
        this.r = r;
    }

    /** Vessels through the organs, clear of the lesions already placed. */
    List<Vessel> vessels(int count, List<PlantedLesion> lesions) {
        List<Vessel> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Organ organ = chooseOrgan(modality == PhantomModality.CT ? 0.5 : 0.7);
            for (int t = 0; t < TRIES; t++) {
                Vessel v = randomVessel(out.size() + 1, organ);
                if (v != null && runsThroughOrgan(v) && apartFromVessels(v, out) && clearOfLesions(v, lesions)) {
                    out.add(v);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Lesions, largest first (big ones need the most room); diameters are drawn log-uniform over
     * 3-25 mm, so small lesions are common and large ones rare. A lesion that does not fit its
     * organ is tried smaller before it is given up.
     */
    List<PlantedLesion> lesions(int count) {
        double[] diameters = new double[count];
        for (int i = 0; i < count; i++) {
            diameters[i] = Math.exp(r.nextDouble(Math.log(3), Math.log(25)));
        }
        java.util.Arrays.sort(diameters);
        List<PlantedLesion> out = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            Organ organ = chooseOrgan(modality == PhantomModality.CT ? 0.6 : 0.75);
            PlantedLesion placed = null;
            for (int t = 0; t < TRIES && placed == null; t++) {
                double d = Math.max(3, diameters[i] * Math.pow(0.8, t / 50));
                PlantedLesion l = randomLesion(out.size() + 1, organ, d);
                if (l != null && fits(l) && apartFromLesions(l, out)) {
                    placed = l;
                }
            }
            if (placed != null) {
                LesionLook.assign(placed, tissues, modality, r);
                out.add(placed);
            }
        }
        return out;
    }

    private Organ chooseOrgan(double liverProbability) {
        return r.nextDouble() < liverProbability && liverSlices() >= 4 ? Organ.LIVER : Organ.LUNG;
    }

    private int liverSlices() {
        int n = 0;
        for (int k = 0; k < grid.depth; k++) {
            if (organPoint(Organ.LIVER, grid.z(k), 50) != null) {
                n++;
            }
        }
        return n;
    }

    /** A random point of the organ on the plane z, or null after {@code tries} misses. */
    double[] organPoint(Organ organ, double z, int tries) {
        for (int t = 0; t < tries; t++) {
            double x = r.nextDouble(-0.5, 0.5) * grid.fovX();
            double y = r.nextDouble(-0.5, 0.5) * grid.fovY();
            if (anatomy.inOrgan(organ, x, y, z)) {
                return new double[] {x, y};
            }
        }
        return null;
    }

    private Vessel randomVessel(int id, Organ organ) {
        double extent = grid.zMax() - grid.zMin();
        double zMid = grid.zMin() + extent * r.nextDouble(0.25, 0.75);
        double[] p = organPoint(organ, zMid, 200);
        if (p == null) {
            return null;
        }
        double radius = organ == Organ.LIVER ? r.nextDouble(2.0, 4.5) : r.nextDouble(1.5, 3.5);
        double[] slope = {r.nextDouble(-0.25, 0.25), r.nextDouble(-0.25, 0.25)};
        double[] sway = {r.nextDouble(0, 3), r.nextDouble(0.05, 0.15), r.nextDouble(0, 2 * Math.PI)};
        Vessel v = new Vessel(id, organ, new double[] {p[0], p[1], zMid}, slope, sway, radius,
                zMid - extent * r.nextDouble(0.35, 0.7), zMid + extent * r.nextDouble(0.35, 0.7));
        v.organValue = tissues.organ(organ);
        v.value = vesselValue(organ, v.organValue);
        return v;
    }

    private double vesselValue(Organ organ, double organValue) {
        if (modality == PhantomModality.CT) {
            // Contrast-enhanced: portal and hepatic veins stand 100-140 HU above the liver; lung
            // vessels are as dense as solid nodules, so a slice alone cannot tell them apart.
            return organ == Organ.LIVER ? organValue + r.nextDouble(100, 140) : r.nextDouble(20, 120);
        }
        return organ == Organ.LIVER ? organValue * r.nextDouble(2.0, 2.6) : r.nextDouble(200, 450);
    }

    /** The centre line lies in the organ on at least 5 slices. */
    private boolean runsThroughOrgan(Vessel v) {
        int n = 0;
        for (int k = 0; k < grid.depth; k++) {
            double z = grid.z(k);
            if (v.runsAt(z) && anatomy.inOrgan(v.organ, v.centreX(z), v.centreY(z), z)) {
                n++;
            }
        }
        return n >= Math.min(5, grid.depth);
    }

    private boolean apartFromVessels(Vessel v, List<Vessel> others) {
        for (Vessel o : others) {
            for (int k = 0; k < grid.depth; k++) {
                double z = grid.z(k);
                if (v.runsAt(z) && o.distance(v.centreX(z), v.centreY(z), z) < v.radius + o.radius + 3) {
                    return false;
                }
            }
        }
        return true;
    }

    private PlantedLesion randomLesion(int id, Organ organ, double d) {
        double[] radii = {d / 2 * r.nextDouble(0.8, 1.2), d / 2 * r.nextDouble(0.8, 1.2), d / 2 * r.nextDouble(0.8, 1.25)};
        boolean lobulated = r.nextDouble() < 0.4;
        double[] amp = new double[3], phase = new double[3];
        for (int k = 0; k < 3; k++) {
            amp[k] = lobulated ? r.nextDouble(0.05, 0.10) : r.nextDouble(0, 0.03);
            phase[k] = r.nextDouble(0, 2 * Math.PI);
        }
        double margin = radii[2] * 1.3 + grid.dz * 0.5;
        if (grid.zMax() - grid.zMin() <= 2 * margin) {
            return null;
        }
        double z = r.nextDouble(grid.zMin() + margin, grid.zMax() - margin);
        double[] p = organPoint(organ, z, 100);
        if (p == null) {
            return null;
        }
        return new PlantedLesion(id, organ, new double[] {p[0], p[1], z}, radii, r.nextDouble(0, Math.PI), amp, phase);
    }

    /** Points just outside the lesion's surface all lie in its organ. */
    private boolean fits(PlantedLesion l) {
        double c = Math.cos(l.angle), s = Math.sin(l.angle);
        double grow = 1.15 + 1.5 / Math.min(l.rx, l.ry);
        for (int a = 0; a < 16; a++) {
            double theta = 2 * Math.PI * a / 16;
            for (int b = -2; b <= 2; b++) {
                double phi = b * Math.PI / 5;
                double u = Math.cos(phi) * Math.cos(theta) * grow * l.rx;
                double v = Math.cos(phi) * Math.sin(theta) * grow * l.ry;
                double x = l.cx + u * c - v * s, y = l.cy + u * s + v * c, z = l.cz + Math.sin(phi) * grow * l.rz;
                if (!anatomy.inOrgan(l.organ, x, y, z)) {
                    return false;
                }
            }
        }
        return anatomy.inOrgan(l.organ, l.cx, l.cy, l.cz + l.rz * grow)
                && anatomy.inOrgan(l.organ, l.cx, l.cy, l.cz - l.rz * grow);
    }

    private static boolean apartFromLesions(PlantedLesion l, List<PlantedLesion> others) {
        for (PlantedLesion o : others) {
            double d = Math.sqrt(sq(l.cx - o.cx) + sq(l.cy - o.cy) + sq(l.cz - o.cz));
            if (d < l.maxRadius() + o.maxRadius() + 3) {
                return false;
            }
        }
        return true;
    }

    private boolean clearOfLesions(Vessel v, List<PlantedLesion> lesions) {
        for (PlantedLesion l : lesions) {
            double reach = l.maxRadius() + grid.dz;
            for (double z = l.cz - reach; z <= l.cz + reach; z += grid.dz / 2) {
                if (v.distance(l.cx, l.cy, z) < v.radius + l.maxInPlaneRadius() + 2) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double sq(double v) {
        return v * v;
    }
}
