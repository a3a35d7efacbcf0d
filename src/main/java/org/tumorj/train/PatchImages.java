package org.tumorj.train;

import java.util.Arrays;
import java.util.List;
import org.tumorj.backbone.Preprocessing;
import org.tumorj.backbone.InputWindow;
import org.tumorj.dataset.Patch;

/**
 * Labelled image patches as the backbone sees them, for the modes that train through the
 * backbone ({@link TrainingMode#TOP_BLOCKS_UNFROZEN}, {@link TrainingMode#FROM_SCRATCH}).
 *
 * @param images one {@code size x size x 3} RGB image in [0, 1] per patch, row-major NHWC
 * @param size patch edge in pixels, a multiple of 32 (MobileNetV2's stride)
 * @param labels 1 for the positive class (tumour), 0 for negative
 * @param groupIds the study each patch comes from (the split is made upstream, by study)
 */
public record PatchImages(float[][] images, int size, int[] labels, String[] groupIds) {

    public PatchImages {
        if (images.length != labels.length || images.length != groupIds.length) {
            throw new IllegalArgumentException(images.length + " images, " + labels.length + " labels and "
                    + groupIds.length + " group ids: they must match");
        }
        if (size < Preprocessing.STRIDE || size % Preprocessing.STRIDE != 0) {
            throw new IllegalArgumentException("patch size must be a positive multiple of " + Preprocessing.STRIDE
                    + " for the backbone, got " + size + "; sample patches of 64, 96, 128 ... 224 pixels");
        }
        for (int i = 0; i < images.length; i++) {
            if (images[i].length != size * size * 3) {
                throw new IllegalArgumentException("image " + i + " has " + images[i].length + " values, a "
                        + size + "x" + size + " RGB patch needs " + size * size * 3);
            }
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("label " + labels[i] + " of patch " + i + " is neither 0 nor 1");
            }
        }
    }

    /**
     * The patches through the preprocessing's windows: a single plane feeds all three channels
     * (each through its channel's window), three planes (2.5D) feed R, G and B. Automatic windows
     * are resolved on each patch.
     */
    public static PatchImages of(List<Patch> patches, Preprocessing preprocessing) {
        int size = patches.isEmpty() ? preprocessing.patchSize() : patches.get(0).size();
        float[][] images = new float[patches.size()][];
        int[] labels = new int[patches.size()];
        String[] groups = new String[patches.size()];
        for (int i = 0; i < images.length; i++) {
            Patch p = patches.get(i);
            if (p.size() != size) {
                throw new IllegalArgumentException("patch " + i + " is " + p.size() + " pixels, patch 0 " + size
                        + "; sample all patches at one size");
            }
            images[i] = rgb(p, preprocessing.windows());
            labels[i] = p.label();
            groups[i] = p.studyId();
        }
        return new PatchImages(images, size, labels, groups);
    }

    private static float[] rgb(Patch p, List<InputWindow> windows) {
        float[] out = new float[p.size() * p.size() * 3];
        for (int c = 0; c < 3; c++) {
            float[] plane = p.planes()[p.channels() == 1 ? 0 : c];
            InputWindow w = windows.get(windows.size() == 1 ? 0 : c).resolve(plane);
            for (int i = 0; i < plane.length; i++) {
                out[i * 3 + c] = w.apply(plane[i]);
            }
        }
        return out;
    }

    public int count() {
        return labels.length;
    }

    public int positives() {
        return Arrays.stream(labels).sum();
    }

    public boolean[] positiveMask() {
        return EpochLoop.positiveMask(labels);
    }

    /** The images {@code rows} (indices) as one N x size x size x 3 batch. */
    float[] batch(int[] rows) {
        int stride = size * size * 3;
        float[] out = new float[rows.length * stride];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(images[rows[r]], 0, out, r * stride, stride);
        }
        return out;
    }
}
