package org.tumorj.backbone;

/** Pooling of feature maps into embeddings, for backbones whose model has no pooled output. */
public final class Embeddings {
    private Embeddings() {}

    /** Global average over the spatial positions: N x h x w x C -> N x C. */
    public static float[][] mean(FloatTensor features) {
        float[][] rows = new float[features.n()][features.c()];
        int cells = features.h() * features.w();
        for (int b = 0; b < features.n(); b++) {
            double[] sum = new double[features.c()];
            int base = b * cells * features.c();
            for (int i = 0; i < cells * features.c(); i++) {
                sum[i % features.c()] += features.data()[base + i];
            }
            for (int ch = 0; ch < features.c(); ch++) {
                rows[b][ch] = (float) (sum[ch] / cells);
            }
        }
        return rows;
    }
}
