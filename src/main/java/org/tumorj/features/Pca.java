package org.tumorj.features;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * A principal component projection, fitted on sample rows: {@code y = V^T (x - mean)} with the
 * {@code k} leading eigenvectors of the covariance. Used to bring a backbone layer of 24 to 1280
 * channels down to a few per pixel before the head sees it.
 *
 * @param mean per input channel
 * @param components k rows of input-channel length, leading first; each sign fixed so that its
 *     largest entry is positive (a refit on the same rows gives the same projection)
 */
public record Pca(float[] mean, float[][] components) {

    /** The {@code k} leading components of {@code rows} (all of one length; at least 2 rows). */
    public static Pca fit(float[][] rows, int k) {
        int n = rows.length, c = rows[0].length;
        if (n < 2 || k < 1 || k > c) {
            throw new IllegalArgumentException("PCA needs >= 2 rows and 1 <= k <= " + c + ", got " + n + " rows, k " + k);
        }
        double[] mean = new double[c];
        for (float[] r : rows) {
            for (int j = 0; j < c; j++) {
                mean[j] += r[j] / (double) n;
            }
        }
        DMatrixRMaj cov = new DMatrixRMaj(c, c);
        double[] centred = new double[c];
        for (float[] r : rows) {
            for (int j = 0; j < c; j++) {
                centred[j] = r[j] - mean[j];
            }
            for (int a = 0; a < c; a++) {
                if (centred[a] != 0) {
                    int row = a * c;
                    for (int b = a; b < c; b++) {
                        cov.data[row + b] += centred[a] * centred[b];
                    }
                }
            }
        }
        for (int a = 0; a < c; a++) {
            for (int b = a; b < c; b++) {
                cov.data[b * c + a] = cov.data[a * c + b] /= (n - 1);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(c, true, true);
        if (!eig.decompose(cov)) {
            throw new IllegalStateException("eigendecomposition of a " + c + "x" + c + " covariance failed");
        }
        Integer[] order = new Integer[c];
        for (int i = 0; i < c; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(eig.getEigenvalue(y).real, eig.getEigenvalue(x).real));
        float[][] components = new float[k][c];
        for (int i = 0; i < k; i++) {
            DMatrixRMaj v = eig.getEigenVector(order[i]);
            int biggest = 0;
            for (int j = 1; j < c; j++) {
                biggest = Math.abs(v.data[j]) > Math.abs(v.data[biggest]) ? j : biggest;
            }
            double sign = v.data[biggest] < 0 ? -1 : 1;
            for (int j = 0; j < c; j++) {
                components[i][j] = (float) (sign * v.data[j]);
            }
        }
        float[] m = new float[c];
        for (int j = 0; j < c; j++) {
            m[j] = (float) mean[j];
        }
        return new Pca(m, components);
    }

    public int outputs() { return components.length; }

    /** Projects the {@code mean.length} values at {@code offset} of {@code x} into {@code out} at {@code at}. */
    public void project(float[] x, int offset, float[] out, int at) {
        for (int i = 0; i < components.length; i++) {
            float[] v = components[i];
            float sum = 0;
            for (int j = 0; j < v.length; j++) {
                sum += (x[offset + j] - mean[j]) * v[j];
            }
            out[at + i] = sum;
        }
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.add("mean", array(mean));
        JsonArray rows = new JsonArray();
        for (float[] v : components) {
            rows.add(array(v));
        }
        o.add("components", rows);
        return o;
    }

    public static Pca fromJson(JsonObject o) {
        JsonArray rows = o.getAsJsonArray("components");
        float[][] components = new float[rows.size()][];
        for (int i = 0; i < components.length; i++) {
            components[i] = floats(rows.get(i).getAsJsonArray());
        }
        return new Pca(floats(o.getAsJsonArray("mean")), components);
    }

    private static JsonArray array(float[] values) {
        JsonArray a = new JsonArray();
        for (float v : values) {
            a.add(v);
        }
        return a;
    }

    private static float[] floats(JsonArray a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsFloat();
        }
        return out;
    }
}
