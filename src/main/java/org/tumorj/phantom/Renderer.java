package org.tumorj.phantom;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Paints the study: tissue means with correlated organ texture, vessels and lesions blended
 * with a one-pixel partial-volume edge, then the scanner: blur, (MR) bias field and scale, noise,
 * and rounding to the integers the DICOM file stores, so memory and disk hold the same values.
 */
final class Renderer {
    private final Grid g;
    private final Anatomy anatomy;
    private final TissueValues tissues;
    private final Scanner scanner;
    private final PhantomModality modality;

    Renderer(Grid g, Anatomy anatomy, TissueValues tissues, Scanner scanner, PhantomModality modality) {
        this.g = g;
        this.anatomy = anatomy;
        this.tissues = tissues;
        this.scanner = scanner;
        this.modality = modality;
    }

    float[][] render(List<Vessel> vessels, List<PlantedLesion> lesions, RandomGenerator r) {
        float[][] organTexture = NoiseField.volume(g.width, g.height, g.depth, 2, 1, r);
        float[][] lesionTexture = NoiseField.volume(g.width, g.height, g.depth, 1, 0, r);
        float[][] out = new float[g.depth][];
        for (int k = 0; k < g.depth; k++) {
            float[] s = anatomySlice(k, organTexture[k]);
            for (Vessel v : vessels) {
                paintVessel(s, k, v);
            }
            for (PlantedLesion l : lesions) {
                paintLesion(s, k, l, lesionTexture[k]);
            }
            NoiseField.blur(s, g.width, g.height, scanner.blurSigmaPx());
            out[k] = s;
        }
        if (modality == PhantomModality.MR) {
            applyBiasAndScale(out);
        }
        addNoise(out, r);
        quantise(out);
        return out;
    }

    private float[] anatomySlice(int k, float[] texture) {
        float[] s = new float[g.width * g.height];
        double z = g.z(k);
        for (int row = 0; row < g.height; row++) {
            for (int col = 0; col < g.width; col++) {
                Tissue t = anatomy.tissueAt(g.x(col), g.y(row), z);
                int i = row * g.width + col;
                s[i] = (float) (tissues.mean(t) + tissues.texture(t) * texture[i]);
            }
        }
        return s;
    }

    private void paintVessel(float[] s, int k, Vessel v) {
        double z = g.z(k);
        if (!v.runsAt(z)) {
            return;
        }
        double cx = v.centreX(z), cy = v.centreY(z);
        forBox(cx, cy, v.radius + g.spacing, (col, row) -> {
            double x = g.x(col), y = g.y(row);
            double w = edge(v.radius - Geom.len(x - cx, y - cy));
            if (w > 0 && anatomy.inOrgan(v.organ, x, y, z)) {
                int i = row * g.width + col;
                s[i] = (float) (s[i] * (1 - w) + v.value * w);
            }
        });
    }

    private void paintLesion(float[] s, int k, PlantedLesion l, float[] texture) {
        double z = g.z(k);
        if (Math.abs(z - l.cz) > l.maxRadius() + g.dz) {
            return;
        }
        double scale = Math.sqrt(l.rx * l.ry); // mm per unit of normalised radius, for the edge
        forBox(l.cx, l.cy, l.maxInPlaneRadius() + g.spacing, (col, row) -> {
            double rho = l.rho(g.x(col), g.y(row), z);
            double w = edge((1 - rho) * scale);
            if (w <= 0) {
                return;
            }
            int i = row * g.width + col;
            double value = l.value + l.textureAmplitude * texture[i];
            if (!Double.isNaN(l.coreValue)) {
                double core = Math.max(0, Math.min(1, (0.55 - rho) / 0.1));
                value = value * (1 - core) + l.coreValue * core;
            }
            s[i] = (float) (s[i] * (1 - w) + value * w);
        });
    }

    /** Partial-volume weight: 0.5 on the surface, ramping to 0 and 1 half a pixel either side. */
    private double edge(double insideMm) {
        return Math.max(0, Math.min(1, 0.5 + insideMm / g.spacing));
    }

    private interface PixelVisitor {
        void visit(int col, int row);
    }

    private void forBox(double cx, double cy, double radius, PixelVisitor visitor) {
        int c0 = Math.max(0, (int) Math.floor(g.column(cx - radius)));
        int c1 = Math.min(g.width - 1, (int) Math.ceil(g.column(cx + radius)));
        int r0 = Math.max(0, (int) Math.floor(g.row(cy - radius)));
        int r1 = Math.min(g.height - 1, (int) Math.ceil(g.row(cy + radius)));
        for (int row = r0; row <= r1; row++) {
            for (int col = c0; col <= c1; col++) {
                visitor.visit(col, row);
            }
        }
    }

    private void applyBiasAndScale(float[][] v) {
        double halfX = g.fovX() / 2, halfY = g.fovY() / 2, halfZ = Math.max(1, (g.zMax() - g.zMin()) / 2);
        for (int k = 0; k < g.depth; k++) {
            double w = g.z(k) / halfZ;
            for (int row = 0; row < g.height; row++) {
                for (int col = 0; col < g.width; col++) {
                    int i = row * g.width + col;
                    double b = scanner.biasAt(g.x(col) / halfX, g.y(row) / halfY, w);
                    v[k][i] = (float) (v[k][i] * b * scanner.mrScale());
                }
            }
        }
    }

    /** CT: additive grainy noise. MR: Rician (magnitude of a complex signal with Gaussian noise). */
    private void addNoise(float[][] v, RandomGenerator r) {
        double sigma = modality == PhantomModality.CT ? scanner.noiseSigma()
                : scanner.noiseSigma() * tissues.mean(Tissue.LIVER) * scanner.mrScale();
        for (float[] s : v) {
            float[] real = grain(r, s.length);
            if (modality == PhantomModality.CT) {
                for (int i = 0; i < s.length; i++) {
                    s[i] += (float) (sigma * real[i]);
                }
            } else {
                float[] imaginary = grain(r, s.length);
                for (int i = 0; i < s.length; i++) {
                    s[i] = (float) Geom.len(s[i] + sigma * real[i], sigma * imaginary[i]);
                }
            }
        }
    }

    /** Unit-variance noise with the slight pixel-to-pixel correlation of reconstructed images. */
    private float[] grain(RandomGenerator r, int n) {
        float[] noise = new float[n];
        for (int i = 0; i < n; i++) {
            noise[i] = (float) r.nextGaussian();
        }
        NoiseField.blur(noise, g.width, g.height, 0.6);
        double sq = 0;
        for (float f : noise) {
            sq += f * f;
        }
        float norm = (float) (1 / Math.sqrt(sq / n));
        for (int i = 0; i < n; i++) {
            noise[i] *= norm;
        }
        return noise;
    }

    private void quantise(float[][] v) {
        double lo = modality == PhantomModality.CT ? -1024 : 0;
        double hi = modality == PhantomModality.CT ? 3071 : 65535;
        for (float[] s : v) {
            for (int i = 0; i < s.length; i++) {
                s[i] = (float) Math.max(lo, Math.min(hi, Math.rint(s[i])));
            }
        }
    }
}
