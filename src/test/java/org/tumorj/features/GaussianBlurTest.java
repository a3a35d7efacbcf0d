package org.tumorj.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import boofcv.alg.filter.blur.BlurImageOps;
import boofcv.struct.image.GrayF32;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The filter bank's blur must give BoofCV's values: models trained before it compute the same features. */
class GaussianBlurTest {

    @Test
    void givesBoofCvsGaussianBlurExactly() {
        Random random = new Random(3);
        int[][] sizes = {{97, 61}, {512, 40}, {20, 9}, {5, 70}}; // wider and narrower than the kernels
        for (int[] size : sizes) {
            int w = size[0], h = size[1];
            GrayF32 plane = new GrayF32(w, h);
            for (int i = 0; i < plane.data.length; i++) {
                plane.data[i] = random.nextFloat() * (i % 7 == 0 ? 10 : 1);
            }
            for (double sigma : new double[] {1, 2, 4, 8, 16}) {
                int radius = Math.max(1, (int) Math.ceil(3 * sigma));
                float[] expected = BlurImageOps.gaussian(plane, null, sigma, radius, new GrayF32(w, h)).data;
                assertArrayEquals(expected, GaussianBlur.blur(plane.data, w, h, sigma, radius),
                        w + "x" + h + " at sigma " + sigma);
            }
        }
    }
}
