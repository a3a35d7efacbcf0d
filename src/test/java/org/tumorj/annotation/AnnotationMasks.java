package org.tumorj.annotation;

/** Test oracle: the pixels a region outlines, filled independently of the code under test. */
public final class AnnotationMasks {
    private AnnotationMasks() {}

    /** Pixels whose centre is inside the polygon (even-odd), as ImageJ and the sampler fill a region. */
    public static boolean[] fill(Annotation a, int width, int height) {
        boolean[] mask = new boolean[width * height];
        float[] xs = a.xs(), ys = a.ys();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double px = x + 0.5, py = y + 0.5;
                boolean inside = false;
                for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
                    if ((ys[i] > py) != (ys[j] > py) && px < (xs[j] - xs[i]) * (py - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                        inside = !inside;
                    }
                }
                mask[y * width + x] = inside;
            }
        }
        return mask;
    }
}
