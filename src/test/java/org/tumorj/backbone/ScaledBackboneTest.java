package org.tumorj.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScaledBackboneTest {
    /** A fake backbone that records the input size it saw and averages 32x32 cells. */
    private static final class PoolingBackbone implements Backbone {
        int lastH;

        @Override public BackboneInfo info() { return new BackboneInfo("pool", "0", 224, 32, 1); }
        @Override public float[][] embed(FloatTensor images) { return new float[images.n()][1]; }

        @Override
        public FloatTensor featureMap(FloatTensor images) {
            lastH = images.h();
            FloatTensor out = FloatTensor.zeros(images.n(), images.h() / 32, images.w() / 32, 1);
            for (int y = 0; y < images.h(); y++) {
                for (int x = 0; x < images.w(); x++) {
                    out.set(0, y / 32, x / 32, 0, out.get(0, y / 32, x / 32, 0) + images.get(0, y, x, 0) / 1024f);
                }
            }
            return out;
        }

        @Override public void close() {}
    }

    @Test
    void halvesTheEffectiveStrideAndMapsCellsToTheRightPixels() {
        PoolingBackbone inner = new PoolingBackbone();
        Backbone scaled = ScaledBackbone.of(inner, 2);
        assertEquals(16, scaled.info().stride());
        FloatTensor image = FloatTensor.zeros(1, 32, 32, 1);
        for (int y = 0; y < 16; y++) {
            for (int x = 16; x < 32; x++) {
                image.set(0, y, x, 0, 1f); // top-right 16x16 block bright
            }
        }
        FloatTensor map = scaled.featureMap(image);
        assertEquals(64, inner.lastH);
        assertArrayEquals(new float[] {0, 1, 0, 0}, map.data(), 1e-6f, "one 16-pixel cell per map cell");
    }

    @Test
    void factorMustDivideTheStride() {
        assertThrows(IllegalArgumentException.class, () -> new ScaledBackbone(new PoolingBackbone(), 3));
        PoolingBackbone same = new PoolingBackbone();
        assertEquals(same, ScaledBackbone.of(same, 1));
    }
}
