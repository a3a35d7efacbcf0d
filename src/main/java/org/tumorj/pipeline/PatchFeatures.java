package org.tumorj.pipeline;

import java.util.List;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.FloatTensor;
import org.tumorj.dataset.Patch;
import org.tumorj.train.FeatureSet;
import org.tumorj.util.Progress;

/**
 * Backbone features of training patches, cached once so the head trains in seconds.
 *
 * <p>The feature of a patch is the feature-map cell at its centre, not the global average of the
 * whole patch: dense detection applies the head to single cells, and a 224-pixel patch is mostly
 * context around a lesion of a few millimetres, so the pooled average would train the head on
 * something detection never shows it.
 */
public final class PatchFeatures {
    static final int BATCH = 8;

    private PatchFeatures() {}

    public static FeatureSet extract(Backbone backbone, ModelInput input, List<Patch> patches, Progress progress) {
        float[][] features = new float[patches.size()][];
        int[] labels = new int[patches.size()];
        String[] groups = new String[patches.size()];
        for (int start = 0; start < patches.size(); start += BATCH) {
            progress.checkCancelled();
            List<Patch> batch = patches.subList(start, Math.min(patches.size(), start + BATCH));
            float[][] rows = centreFeatures(backbone, input, batch);
            for (int i = 0; i < batch.size(); i++) {
                features[start + i] = rows[i];
                labels[start + i] = batch.get(i).label();
                groups[start + i] = batch.get(i).studyId();
            }
            progress.update("backbone features", Math.min(patches.size(), start + BATCH), patches.size());
        }
        return new FeatureSet(features, labels, groups);
    }

    static float[][] centreFeatures(Backbone backbone, ModelInput input, List<Patch> batch) {
        int size = batch.get(0).size();
        FloatTensor images = FloatTensor.zeros(batch.size(), size, size, 3);
        for (int i = 0; i < batch.size(); i++) {
            input.writePatch(images, i, batch.get(i));
        }
        FloatTensor map = backbone.featureMap(images);
        int cy = map.h() / 2;
        int cx = map.w() / 2;
        float[][] out = new float[batch.size()][map.c()];
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(map.data(), map.index(i, cy, cx, 0), out[i], 0, map.c());
        }
        return out;
    }
}
