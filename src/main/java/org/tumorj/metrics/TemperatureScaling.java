package org.tumorj.metrics;

/**
 * Temperature scaling: calibrated probability = sigmoid(logit / T), with the single parameter T
 * fitted by maximum likelihood on validation logits. Dividing by T keeps the ranking (AUC)
 * unchanged; it only fixes over- or under-confidence.
 */
public final class TemperatureScaling {
    /** T is kept in this range: a perfectly separated validation set would push T towards 0. */
    public static final double MIN_TEMPERATURE = 0.05;
    public static final double MAX_TEMPERATURE = 20;

    private TemperatureScaling() {}

    /**
     * The temperature minimising the binary negative log-likelihood. The likelihood is convex in
     * a = 1/T (it is logistic regression through the origin on one feature), so its derivative is
     * increasing and bisection on the derivative finds the optimum without tuning.
     */
    public static double fit(double[] logits, boolean[] positive) {
        Roc.checkSameLength(logits, positive);
        double lo = 1 / MAX_TEMPERATURE;
        double hi = 1 / MIN_TEMPERATURE;
        if (slope(logits, positive, lo) >= 0) {
            return MAX_TEMPERATURE;
        }
        if (slope(logits, positive, hi) <= 0) {
            return MIN_TEMPERATURE;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12; i++) {
            double mid = (lo + hi) / 2;
            if (slope(logits, positive, mid) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 1 / ((lo + hi) / 2);
    }

    /** sigmoid(logit / temperature). */
    public static double probability(double logit, double temperature) {
        return sigmoid(logit / temperature);
    }

    public static double[] probabilities(double[] logits, double temperature) {
        double[] p = new double[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = probability(logits[i], temperature);
        }
        return p;
    }

    /** Mean binary negative log-likelihood of sigmoid(logit / temperature), computed stably. */
    public static double negativeLogLikelihood(double[] logits, boolean[] positive, double temperature) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double z = logits[i] / temperature;
            sum += softplus(z) - (positive[i] ? z : 0);
        }
        return sum / logits.length;
    }

    /** d NLL / d a at a = 1/T: sum over samples of (sigmoid(a z) - y) z. */
    private static double slope(double[] logits, boolean[] positive, double a) {
        double s = 0;
        for (int i = 0; i < logits.length; i++) {
            s += (sigmoid(a * logits[i]) - (positive[i] ? 1 : 0)) * logits[i];
        }
        return s;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }
}
