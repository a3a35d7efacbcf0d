package org.tumorj.detect;

import java.util.ArrayList;
import java.util.List;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.FloatTensor;
import org.tumorj.model.Head;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * Dense detection: the backbone runs fully convolutionally over each whole slice (padded to a
 * multiple of its stride by the {@link SliceEncoder}) and the head, a 1x1 convolution, turns the
 * feature map into a probability map, in one pass per slice instead of one network call per patch.
 *
 * <p>Memory stays bounded for long series: slices go through in batches, each batch's feature maps
 * are dropped once the head has read them, and only the small per-slice probability maps are kept
 * (see {@link ProbabilityMap}). Findings are then extracted slice by slice at full resolution by
 * {@link FindingExtractor}, which holds only a few full-size buffers of the current and previous slice.
 *
 * <p>The result depends only on the volume, the backbone, the head, the encoder and the
 * parameters, computed in a fixed order, so the CLI and Fiji give the same findings bit for bit.
 */
public final class DenseDetector {
    private final Backbone backbone;
    private final Head head;
    private final SliceEncoder encoder;
    private final DetectionParams params;
    private final int stride;

    public DenseDetector(Backbone backbone, Head head, SliceEncoder encoder, DetectionParams params) {
        this.backbone = backbone;
        this.head = head;
        this.encoder = encoder;
        this.params = params;
        this.stride = backbone.info().stride();
        if (head.featureChannels() != backbone.info().featureChannels()) {
            throw new IllegalArgumentException("the head expects " + head.featureChannels()
                    + " feature channels but backbone " + backbone.info().id() + " gives "
                    + backbone.info().featureChannels() + ": use the backbone the model was trained with");
        }
        if (stride % params.refine() != 0) {
            throw new IllegalArgumentException("refine " + params.refine() + " does not divide the stride " + stride);
        }
    }

    public DetectionParams params() { return params; }

    /** Probability maps and findings of a volume; the study label defaults to its StudyInstanceUID. */
    public Detections detect(Volume volume, Progress progress) {
        return detect(volume, volume.info().studyInstanceUid(), progress);
    }

    /** Probability maps and findings of a volume, labelled with {@code study} in tables and files. */
    public Detections detect(Volume volume, String study, Progress progress) {
        ProbabilityMaps maps = predict(volume, progress);
        return new FindingExtractor(params).extract(volume, maps, study, progress);
    }

    /** One probability map per slice; checks for cancellation before each batch. */
    public ProbabilityMaps predict(Volume volume, Progress progress) {
        int depth = volume.depth();
        List<ProbabilityMap> maps = new ArrayList<>(depth);
        for (int start = 0; start < depth; start += params.slicesPerBatch()) {
            progress.checkCancelled();
            int count = Math.min(params.slicesPerBatch(), depth - start);
            maps.addAll(predictBatch(volume, start, count));
            progress.update("Dense detection", start + count, depth);
        }
        return new ProbabilityMaps(maps, volume.width(), volume.height());
    }

    /** The map of slice {@code z} alone (all its shifted passes in one backbone call); for tiles. */
    ProbabilityMap predictSlice(Volume volume, int z) {
        return predictBatch(volume, z, 1).get(0);
    }

    private List<ProbabilityMap> predictBatch(Volume volume, int start, int count) {
        int k = params.refine();
        int passes = k * k;
        FloatTensor batch = null;
        for (int s = 0; s < count; s++) {
            FloatTensor encoded = checked(encoder.encode(volume, start + s), volume);
            if (batch == null) {
                batch = FloatTensor.zeros(count * passes, encoded.h(), encoded.w(), encoded.c());
            }
            for (int my = 0; my < k; my++) {
                for (int mx = 0; mx < k; mx++) {
                    ShiftedPasses.copyShifted(encoded, batch, s * passes + my * k + mx,
                            ShiftedPasses.shift(mx, k, stride), ShiftedPasses.shift(my, k, stride));
                }
            }
        }
        FloatTensor probs = head.probabilities(backbone.featureMap(batch));
        checkProbabilities(probs, batch);
        List<ProbabilityMap> maps = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            maps.add(ShiftedPasses.merge(probs, s * passes, k, stride));
        }
        return maps;
    }

    private FloatTensor checked(FloatTensor t, Volume volume) {
        if (t.n() != 1 || t.c() != 3 || t.h() % stride != 0 || t.w() % stride != 0
                || t.h() < volume.height() || t.w() < volume.width()) {
            throw new IllegalStateException("slice encoder gave a " + t.n() + "x" + t.h() + "x" + t.w() + "x" + t.c()
                    + " tensor for a " + volume.width() + "x" + volume.height() + " slice; expected 1 x H x W x 3 with H, W"
                    + " multiples of " + stride + " covering the slice");
        }
        return t;
    }

    private void checkProbabilities(FloatTensor p, FloatTensor input) {
        if (p.n() != input.n() || p.h() != input.h() / stride || p.w() != input.w() / stride || p.c() != 1) {
            throw new IllegalStateException("head gave a " + p.n() + "x" + p.h() + "x" + p.w() + "x" + p.c()
                    + " probability map for " + input.n() + " images of " + input.w() + "x" + input.h()
                    + "; expected N x H/" + stride + " x W/" + stride + " x 1");
        }
    }
}
