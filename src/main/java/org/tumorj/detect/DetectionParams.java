package org.tumorj.detect;

/**
 * How dense detection runs and which regions become findings.
 *
 * @param threshold a pixel belongs to a finding when its probability is {@code >= threshold}; the
 *     model bundle's operating threshold
 * @param minSizeMm findings whose largest cross-section has an equivalent diameter
 *     ({@code 2 sqrt(area / pi)}) below this many mm are dropped; 0 keeps all
 * @param refine 1: one pass per slice, maps at the backbone stride (32 px); 2: four passes shifted
 *     by half a stride, interleaved into maps at stride 16 (4x the backbone work). Must divide the stride.
 * @param slicesPerBatch slices sent to the backbone together (times {@code refine²} images); only
 *     the probability maps outlive a batch
 * @param bodyMask for CT: ignore air outside the body (below {@code airHu}, connected to the image
 *     border), where findings are never tumours; for projection radiographs (per-pixel bundles):
 *     ignore what lies outside the lung fields ({@link LungFieldMask}, widened by 12 mm; nothing is
 *     ignored when no chest is found)
 * @param airHu the air threshold of the body mask, in HU
 */
public record DetectionParams(
        double threshold, double minSizeMm, int refine, int slicesPerBatch, boolean bodyMask, double airHu) {

    public static final double DEFAULT_AIR_HU = -900;

    public DetectionParams {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
        }
        if (!(minSizeMm >= 0)) {
            throw new IllegalArgumentException("minimum size must be >= 0 mm, got " + minSizeMm);
        }
        if (refine != 1 && refine != 2 && refine != 4) {
            throw new IllegalArgumentException("refine must be 1, 2 or 4, got " + refine);
        }
        if (slicesPerBatch < 1) {
            throw new IllegalArgumentException("slices per batch must be >= 1, got " + slicesPerBatch);
        }
    }

    /**
     * One pass per slice, one slice per batch, no size filter, no body mask. One slice per batch
     * because on CPU, batching 512x512 slices cost more TensorFlow CPU time per slice, not less
     * (MobileNetV2, 2 cores: 131-137 ms at 1, 161 ms at 2, 160-201 ms at 4); raise it on a GPU.
     */
    public static DetectionParams of(double threshold) {
        return new DetectionParams(threshold, 0, 1, 1, false, DEFAULT_AIR_HU);
    }

    public DetectionParams withThreshold(double t) {
        return new DetectionParams(t, minSizeMm, refine, slicesPerBatch, bodyMask, airHu);
    }

    public DetectionParams withMinSizeMm(double mm) {
        return new DetectionParams(threshold, mm, refine, slicesPerBatch, bodyMask, airHu);
    }

    public DetectionParams withRefine(int r) {
        return new DetectionParams(threshold, minSizeMm, r, slicesPerBatch, bodyMask, airHu);
    }

    public DetectionParams withSlicesPerBatch(int n) {
        return new DetectionParams(threshold, minSizeMm, refine, n, bodyMask, airHu);
    }

    public DetectionParams withBodyMask(boolean on) {
        return new DetectionParams(threshold, minSizeMm, refine, slicesPerBatch, on, airHu);
    }
}
