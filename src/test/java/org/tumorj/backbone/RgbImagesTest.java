package org.tumorj.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class RgbImagesTest {

    @Test
    void bilinearResizeUsesPixelCentres() {
        FloatTensor in = new FloatTensor(new float[] {0, 1}, 1, 1, 2, 1);
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, RgbImages.resize(in, 1, 4).data(), 1e-6f);
    }

    @Test
    void rightSizeIsLeftAlone() {
        FloatTensor in = FloatTensor.zeros(1, 224, 224, 3);
        assertSame(in, RgbImages.resize(in, 224, 224));
    }
}
