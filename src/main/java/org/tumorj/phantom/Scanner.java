package org.tumorj.phantom;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The simulated scanner of one study: its point-spread blur and its noise, which differ from
 * study to study as between real scanners and protocols; for MR also the receive-coil bias
 * field and the arbitrary intensity scale.
 */
record Scanner(String name, double blurSigmaPx, double noiseSigma, double mrScale, double[] bias) {

    static Scanner draw(PhantomModality modality, RandomGenerator r) {
        String name = "Scanner-" + (char) ('A' + r.nextInt(4));
        double blur = r.nextDouble(0.4, 1.1);
        if (modality == PhantomModality.CT) {
            return new Scanner(name, blur, r.nextDouble(6, 22), 1, new double[0]);
        }
        double[] bias = new double[5];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = r.nextDouble(-0.25, 0.25);
        }
        return new Scanner(name, blur, r.nextDouble(0.015, 0.05), r.nextDouble(0.4, 3.0), bias);
    }

    /** Smooth multiplicative field, about 0.6 to 1.5, over normalised coordinates in [-1, 1]. */
    double biasAt(double u, double v, double w) {
        if (bias.length == 0) {
            return 1;
        }
        return Math.exp(bias[0] * u + bias[1] * v + bias[2] * w + bias[3] * (u * u - v * v) + bias[4] * u * v);
    }

    String describe() {
        return String.format(Locale.ROOT, "%s blur %.2f px, noise %.3f%s", name, blurSigmaPx, noiseSigma,
                bias.length == 0 ? " HU" : " of liver signal, scale " + String.format(Locale.ROOT, "%.2f", mrScale));
    }
}
