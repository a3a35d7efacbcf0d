package org.tumorj.detect;

import org.tumorj.backbone.FloatTensor;
import org.tumorj.volume.Volume;

/**
 * Turns one slice into the backbone's input: a {@code 1 x H' x W' x 3} RGB tensor in [0, 1] whose
 * {@code H'} and {@code W'} are multiples of the backbone stride, at least the slice size, with the
 * slice at the top-left corner (tensor pixel (x, y) is slice pixel (x, y)); the margin right and
 * below is padding. That anchoring is what lets {@link DenseDetector} map feature cells back to pixels.
 */
@FunctionalInterface
public interface SliceEncoder {

    /** Encodes a row-major {@code width x height} slice of modality values. */
    FloatTensor encode(float[] slice, int width, int height);

    /**
     * Encodes slice {@code z} of a volume. The default looks at that slice only; a 2.5D encoder
     * overrides this to put neighbouring slices into the channels (see {@link AdjacentSlicesEncoder}).
     */
    default FloatTensor encode(Volume volume, int z) {
        return encode(volume.slice(z), volume.width(), volume.height());
    }
}
