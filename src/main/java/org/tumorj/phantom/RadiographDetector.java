package org.tumorj.phantom;

import java.util.random.RandomGenerator;

/**
 * Turns line integrals into what the detector stores. Per pixel: primary intensity
 * {@code exp(-sum mu dl)} (Beer-Lambert), plus scatter (a broad blur of the primary, computed on
 * the coarse grid), times the heel-effect gradient; quanta counted with Poisson noise (Gaussian
 * with variance = count, plus read noise), so low exposure and dense regions are noisier; the
 * scintillator's blur spreads signal and noise; then the log response {@code -ln(I/I0)}, scaled
 * into the stored bits. MONOCHROME1 files store the inverse, so bone is low.
 */
final class RadiographDetector {
    private static final double SCATTER_SIGMA_MM = 40;
    private final RadiographProtocol p;
    private final Grid g;
    private final ChestProjection projection;
    private final float[] scatter;

    RadiographDetector(RadiographProtocol protocol, Grid grid, ChestProjection projection) {
        this.p = protocol;
        this.g = grid;
        this.projection = projection;
        this.scatter = scatterField();
    }

    /** Stored values (as floats) of the line integrals {@code lineIntegrals} (row-major, overwritten). */
    float[] expose(float[] lineIntegrals, RandomGenerator r) {
        double quanta = p.photonsPerMm2() * p.imagerSpacing() * p.imagerSpacing();
        float[] s = lineIntegrals;
        for (int row = 0; row < g.height; row++) {
            double heel = heel(row);
            for (int col = 0; col < g.width; col++) {
                int i = row * g.width + col;
                double counts = quanta * heel * (Math.exp(-s[i]) + scatterAt(g.x(col), g.y(row)));
                double sigma = Math.sqrt(counts + p.electronicNoise() * p.electronicNoise());
                s[i] = (float) (counts + sigma * r.nextGaussian());
            }
        }
        NoiseField.blur(s, g.width, g.height, p.blurMm() / p.imagerSpacing());
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) store(-Math.log(Math.max(1, s[i]) / quanta));
        }
        return s;
    }

    /**
     * The noiseless difference in stored value a nodule makes at image-plane point (u, v): its
     * excess line integral {@code deltaL} seen through the scatter there, signed as stored.
     */
    double contrast(double u, double v, double deltaL) {
        double primary = Math.exp(-projection.lineIntegral(u, v));
        double sc = scatterAt(u, v);
        double measured = -Math.log((primary * Math.exp(-deltaL) + sc) / (primary + sc));
        return (p.monochrome1() ? -1 : 1) * p.gain() * measured;
    }

    /** Beam intensity relative to the centre, falling linearly from top to bottom (or rising). */
    double heel(int row) {
        return 1 + p.heel() * (0.5 - row / (double) Math.max(1, g.height - 1));
    }

    private double store(double lineIntegral) {
        double v = Math.max(0, Math.min(p.maxStored(), Math.rint(p.offset() + p.gain() * lineIntegral)));
        return p.monochrome1() ? p.maxStored() - v : v;
    }

    /** Scatter = fraction x primary smoothed over about 40 mm, on the coarse grid. */
    private float[] scatterField() {
        float[] f = projection.integrals();
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (p.scatterFraction() * Math.exp(-f[i]));
        }
        NoiseField.blur(f, projection.columns(), projection.rows(), SCATTER_SIGMA_MM / projection.cell());
        return f;
    }

    private double scatterAt(double u, double v) {
        int nu = projection.columns(), nv = projection.rows();
        double fi = Math.max(0, Math.min(nu - 1.001, (u - projection.u0()) / projection.cell()));
        double fj = Math.max(0, Math.min(nv - 1.001, (v - projection.v0()) / projection.cell()));
        int i = (int) fi, j = (int) fj;
        double a = fi - i, b = fj - j;
        int k = j * nu + i;
        return (1 - b) * ((1 - a) * scatter[k] + a * scatter[k + 1]) + b * ((1 - a) * scatter[k + nu] + a * scatter[k + nu + 1]);
    }
}
