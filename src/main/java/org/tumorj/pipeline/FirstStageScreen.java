package org.tumorj.pipeline;

import java.util.HashMap;
import java.util.Map;
import org.tumorj.features.SliceFeatures;
import org.tumorj.model.DenseHead;

/**
 * An ensemble's first member's first-stage maps, kept on the working grid while it predicts, which
 * screen the members after it: their first stage runs only where the first member's map reaches
 * the candidate floor ({@link VolumeFeatures#SECOND_LOOK_FLOOR}) within {@link #REACH} grid
 * points, and elsewhere takes the first member's value there, which is below that floor too.
 * (A one-stage detector's only stage is its first.)
 *
 * <p>Why: every member's first stage read every grid point, so three members cost three times
 * the head's time per slice; over most of a slice (air, fat, the far side of a radiograph's
 * mediastinum) no member reaches the floor of the ranked list anyway. What it changes was measured
 * before it was kept (docs/detection-quality.md, 2026-12-08, fifteenth session).
 *
 * <p>Holds one float per grid point and slice (a 512² slice: 256 kB) until detection ends.
 */
final class FirstStageScreen {
    /** Grid points either side of the first member's floor-reaching points where the others look. */
    static final int REACH = 2 * MapContext.AROUND;

    private final Map<Integer, float[]> leading = new HashMap<>();

    /** Keeps the first member's first-stage map of working slice {@code z}. */
    void record(int z, float[] firstStage) {
        leading.put(z, firstStage);
    }

    /**
     * A later member's first-stage map of working slice {@code z}: its {@code head} at the points
     * the first member's map screens in, the first member's value elsewhere.
     */
    float[] probabilities(DenseHead head, SliceFeatures features, int z) {
        int w = features.gridWidth(), h = features.gridHeight();
        float[] lead = leading.get(z);
        if (lead == null || lead.length != w * h) {
            throw new IllegalStateException("the first member predicted no map of " + w + "x" + h
                    + " points for slice " + z + "; it must predict the same volume first");
        }
        float[] out = lead.clone();
        int[] points = MapContext.pointsReaching(lead, w, h, VolumeFeatures.SECOND_LOOK_FLOOR, REACH);
        float[] logits = head.logits(features.valuesAt(z, points), features.channels(), points.length);
        for (int k = 0; k < points.length; k++) {
            out[points[k]] = (float) head.probability(logits[k]);
        }
        return out;
    }
}
