package org.tumorj.backbone;

/**
 * A backbone that sees its input enlarged by an integer factor (nearest neighbour), so that its
 * feature cells cover {@code stride / factor} pixels of the original image.
 *
 * <p>Why: ImageNet networks learned objects that fill a good part of a 224-pixel image, while a
 * lesion of 5 mm is 5 pixels of a CT slice. Enlarging the slice makes lesions object-sized for
 * the network and halves the detection grid, at four times the compute for a factor of 2.
 */
public final class ScaledBackbone implements Backbone {
    private final Backbone inner;
    private final int factor;
    private final BackboneInfo info;

    public ScaledBackbone(Backbone inner, int factor) {
        if (factor < 1 || inner.info().stride() % factor != 0) {
            throw new IllegalArgumentException("input scale must divide the stride " + inner.info().stride() + ", got " + factor);
        }
        this.inner = inner;
        this.factor = factor;
        BackboneInfo i = inner.info();
        this.info = new BackboneInfo(i.id(), i.sha256(), i.inputSize() / factor, i.stride() / factor, i.featureChannels());
    }

    /** The backbone itself when {@code factor} is 1. */
    public static Backbone of(Backbone inner, int factor) {
        return factor == 1 ? inner : new ScaledBackbone(inner, factor);
    }

    @Override public BackboneInfo info() { return info; }

    @Override
    public float[][] embed(FloatTensor images) {
        return inner.embed(enlarge(images));
    }

    @Override
    public FloatTensor featureMap(FloatTensor images) {
        return inner.featureMap(enlarge(images));
    }

    @Override
    public java.util.List<String> taps() {
        return inner.taps();
    }

    @Override
    public java.util.Map<String, FloatTensor> featureTaps(FloatTensor images, java.util.List<String> layers) {
        return inner.featureTaps(enlarge(images), layers);
    }

    /** Closes nothing: the wrapped backbone belongs to whoever opened it. */
    @Override
    public void close() {}

    FloatTensor enlarge(FloatTensor in) {
        FloatTensor out = FloatTensor.zeros(in.n(), in.h() * factor, in.w() * factor, in.c());
        float[] src = in.data();
        float[] dst = out.data();
        int c = in.c();
        for (int b = 0; b < in.n(); b++) {
            for (int y = 0; y < out.h(); y++) {
                for (int x = 0; x < out.w(); x++) {
                    System.arraycopy(src, in.index(b, y / factor, x / factor, 0), dst, out.index(b, y, x, 0), c);
                }
            }
        }
        return out;
    }
}
