package org.tumorj.phantom;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The line integral {@code sum mu dl} of every pixel of a radiograph: the anatomy's, interpolated
 * from the coarse {@link ChestProjection}, plus each vessel segment's and nodule's closed-form
 * chord times its attenuation above lung, evaluated at the pixel centre. Vessels and nodules are
 * thus as sharp as the pixels, at any size, with no 3D volume held in memory.
 */
final class RadiographLineIntegrals {
    private RadiographLineIntegrals() {}

    static float[] of(Grid g, ChestProjection projection, double vesselDeltaMu, List<VesselSegment> vessels,
            List<Nodule> nodules) {
        float[] out = new float[g.width * g.height];
        IntStream.range(0, g.height).parallel().forEach(row -> {
            for (int col = 0; col < g.width; col++) {
                out[row * g.width + col] = (float) projection.lineIntegral(g.x(col), g.y(row));
            }
        });
        for (VesselSegment v : vessels) {
            addVessel(g, out, v, vesselDeltaMu);
        }
        for (Nodule n : nodules) {
            addNodule(g, out, n);
        }
        return out;
    }

    private static void addVessel(Grid g, float[] out, VesselSegment v, double deltaMu) {
        double reach = v.radius + g.spacing;
        int c0 = clamp(g.column(Math.min(v.x0, v.x1) - reach), g.width), c1 = clamp(g.column(Math.max(v.x0, v.x1) + reach), g.width);
        // image rows run down: v = -z
        int r0 = clamp(g.row(-Math.max(v.z0, v.z1) - reach), g.height), r1 = clamp(g.row(-Math.min(v.z0, v.z1) + reach), g.height);
        for (int row = r0; row <= r1; row++) {
            double z = -g.y(row);
            for (int col = c0; col <= c1; col++) {
                double chord = v.chord(g.x(col), z);
                if (chord > 0) {
                    out[row * g.width + col] += (float) (deltaMu * chord);
                }
            }
        }
    }

    private static void addNodule(Grid g, float[] out, Nodule n) {
        double reach = n.maxRadius() + g.spacing;
        int c0 = clamp(g.column(n.x - reach), g.width), c1 = clamp(g.column(n.x + reach), g.width);
        int r0 = clamp(g.row(-n.z - reach), g.height), r1 = clamp(g.row(-n.z + reach), g.height);
        for (int row = r0; row <= r1; row++) {
            for (int col = c0; col <= c1; col++) {
                out[row * g.width + col] += (float) (n.deltaMu * n.chord(g.x(col), g.y(row)));
            }
        }
    }

    private static int clamp(double index, int n) {
        return (int) Math.max(0, Math.min(n - 1, Math.round(index)));
    }
}
