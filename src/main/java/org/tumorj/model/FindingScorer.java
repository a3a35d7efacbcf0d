package org.tumorj.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.List;

/**
 * The second stage of a detector: a logistic regression over a few measurements of each
 * candidate finding (its pixel probabilities, size, extent through the slices, the probability
 * and intensity around it) giving the probability that the finding is a lesion. The pixel head
 * judges each pixel alone; a lesion-level judgement sees that a candidate sits in a noisy
 * region or is one pixel wide. Classic CAD systems call this false-positive reduction.
 *
 * <p>Features are standardised by the training candidates' mean and SD; the fit is Newton's
 * method on the L2-penalised log-likelihood, a handful of iterations for a handful of features.
 *
 * <p>A scorer can rank a series' findings together ({@link #inSeries}): the k-th most probable
 * finding of a series has its odds divided by k to the power {@link #rankPenalty()} (training
 * gives radiograph scorers one: {@code org.tumorj.pipeline.FindingScorerTraining}).
 */
public final class FindingScorer {
    /** JSON key in the bundle's training record. */
    public static final String KEY = "findingScorer";
    /** The ridge penalty on the standardised weights: tens of lesions, no more than about ten features. */
    static final double L2 = 1.0;
    private static final int ITERATIONS = 50;

    private final List<String> names;
    private final double[] mean;
    private final double[] sd;
    private final double[] weights;
    private final double bias;
    private final double rankPenalty;

    private FindingScorer(List<String> names, double[] mean, double[] sd, double[] weights, double bias,
            double rankPenalty) {
        if (mean.length != names.size() || sd.length != names.size() || weights.length != names.size()) {
            throw new IllegalArgumentException("finding scorer: " + names.size() + " feature names but " + mean.length
                    + " means, " + sd.length + " SDs and " + weights.length + " weights");
        }
        this.names = List.copyOf(names);
        this.mean = mean.clone();
        this.sd = sd.clone();
        this.weights = weights.clone();
        this.bias = bias;
        if (!(rankPenalty >= 0 && rankPenalty <= 10)) {
            throw new IllegalArgumentException("finding scorer: rank penalty must be 0-10, got " + rankPenalty);
        }
        this.rankPenalty = rankPenalty;
    }

    public List<String> featureNames() { return names; }

    /** How strongly a finding's rank in its series lowers its probability (see {@link #inSeries}); 0: not at all. */
    public double rankPenalty() { return rankPenalty; }

    /** This scorer with {@code penalty} as its {@link #rankPenalty()}. */
    public FindingScorer withRankPenalty(double penalty) {
        return new FindingScorer(names, mean, sd, weights, bias, penalty);
    }

    /** The probability that a candidate with these features is a lesion. */
    public double probability(double[] features) {
        if (features.length != names.size()) {
            throw new IllegalArgumentException("finding scorer expects " + names.size() + " features " + names + ", got "
                    + features.length);
        }
        double z = bias;
        for (int k = 0; k < features.length; k++) {
            z += weights[k] * (features[k] - mean[k]) / sd[k];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * The probabilities of one series' findings ranked together: the k-th highest (1-based) gets
     * its odds divided by {@code k ^ rankPenalty}. The order within the series never changes;
     * findings of different series interleave differently.
     *
     * @param probabilities each finding's {@link #probability}, in any order
     * @return the adjusted probabilities, in the same order
     */
    public double[] inSeries(double[] probabilities) {
        if (rankPenalty == 0) {
            return probabilities.clone(); // CT and MR: exactly the scorer's probabilities, no round trip through odds
        }
        Integer[] order = new Integer[probabilities.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(probabilities[b], probabilities[a]));
        double[] out = new double[probabilities.length];
        for (int k = 0; k < order.length; k++) {
            double p = probabilities[order[k]];
            double odds = p / (1 - p) / Math.pow(k + 1, rankPenalty);
            out[order[k]] = p >= 1 ? p : odds / (1 + odds);
        }
        return out;
    }

    /**
     * Fits the scorer to candidates {@code x} labelled {@code lesion}, with no rank penalty. Both
     * kinds must be present; a feature that does not vary among the candidates gets weight 0.
     */
    public static FindingScorer fit(List<String> names, List<double[]> x, List<Boolean> lesion) {
        int n = x.size(), d = names.size();
        long positives = lesion.stream().filter(b -> b).count();
        if (positives == 0 || positives == n) {
            throw new IllegalArgumentException("a finding scorer needs candidates that are lesions and ones that are not; got "
                    + positives + " of " + n);
        }
        double[] mean = new double[d], sd = new double[d];
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                mean[k] += row[k] / n;
            }
        }
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                sd[k] += (row[k] - mean[k]) * (row[k] - mean[k]) / n;
            }
        }
        for (int k = 0; k < d; k++) {
            sd[k] = sd[k] > 1e-12 ? Math.sqrt(sd[k]) : Double.POSITIVE_INFINITY; // constant: contributes 0
        }
        double[][] z = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                z[i][k] = Double.isInfinite(sd[k]) ? 0 : (x.get(i)[k] - mean[k]) / sd[k];
            }
            z[i][d] = 1; // the bias, not penalised
        }
        double[] beta = newton(z, lesion, d);
        double[] w = java.util.Arrays.copyOf(beta, d);
        for (int k = 0; k < d; k++) {
            if (Double.isInfinite(sd[k])) {
                sd[k] = 1;
                w[k] = 0;
            }
        }
        return new FindingScorer(names, mean, sd, w, beta[d], 0);
    }

    /** Newton-Raphson on the penalised log-likelihood: gradient and Hessian in closed form. */
    private static double[] newton(double[][] z, List<Boolean> y, int penalised) {
        int p = z[0].length;
        double[] beta = new double[p];
        for (int it = 0; it < ITERATIONS; it++) {
            double[] grad = new double[p];
            double[][] hess = new double[p][p];
            for (int i = 0; i < z.length; i++) {
                double eta = 0;
                for (int k = 0; k < p; k++) {
                    eta += beta[k] * z[i][k];
                }
                double mu = 1 / (1 + Math.exp(-eta)), r = (y.get(i) ? 1 : 0) - mu, w = mu * (1 - mu);
                for (int a = 0; a < p; a++) {
                    grad[a] += r * z[i][a];
                    for (int b = 0; b < p; b++) {
                        hess[a][b] += w * z[i][a] * z[i][b];
                    }
                }
            }
            for (int k = 0; k < penalised; k++) {
                grad[k] -= L2 * beta[k];
                hess[k][k] += L2;
            }
            double[] step = solve(hess, grad);
            double change = 0;
            for (int k = 0; k < p; k++) {
                beta[k] += step[k];
                change = Math.max(change, Math.abs(step[k]));
            }
            if (change < 1e-8) {
                break;
            }
        }
        return beta;
    }

    /** Gaussian elimination with partial pivoting; the penalised Hessian is positive definite. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            double diag = m[c][c] == 0 ? 1e-12 : m[c][c];
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / diag;
                for (int k = c; k <= n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= m[r][k] * x[k];
            }
            x[r] = s / (m[r][r] == 0 ? 1e-12 : m[r][r]);
        }
        return x;
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("model", "logistic regression on standardised finding features");
        JsonArray features = new JsonArray();
        for (int k = 0; k < names.size(); k++) {
            JsonObject f = new JsonObject();
            f.addProperty("name", names.get(k));
            f.addProperty("mean", mean[k]);
            f.addProperty("sd", sd[k]);
            f.addProperty("weight", weights[k]);
            features.add(f);
        }
        o.add("features", features);
        o.addProperty("bias", bias);
        o.addProperty("rankPenalty", rankPenalty);
        return o;
    }

    /** The scorer a bundle recorded; a sentence naming what is wrong when the record is incomplete. */
    public static FindingScorer fromJson(JsonObject o) {
        try {
            JsonArray features = o.getAsJsonArray("features");
            int d = features.size();
            String[] names = new String[d];
            double[] mean = new double[d], sd = new double[d], w = new double[d];
            for (int k = 0; k < d; k++) {
                JsonObject f = features.get(k).getAsJsonObject();
                names[k] = f.get("name").getAsString();
                mean[k] = f.get("mean").getAsDouble();
                sd[k] = f.get("sd").getAsDouble();
                w[k] = f.get("weight").getAsDouble();
            }
            double rankPenalty = o.has("rankPenalty") ? o.get("rankPenalty").getAsDouble() : 0;
            return new FindingScorer(List.of(names), mean, sd, w, o.get("bias").getAsDouble(), rankPenalty);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the model's training." + KEY + " record is incomplete or malformed ("
                    + e.getMessage() + "); retrain the model", e);
        }
    }
}
