package org.tumorj.detect;

/**
 * The body on a CT slice: everything except the air around the patient. Air is below
 * {@code airHu}; only air connected to the image border is outside, so the lungs and bowel gas,
 * which are inside the body and where lung nodules are found, stay in the mask.
 */
public final class BodyMask {
    private BodyMask() {}

    /** True where the pixel is inside the body, for a row-major slice in HU. */
    public static boolean[] compute(float[] hu, int width, int height, double airHu) {
        boolean[] outside = new boolean[hu.length];
        int[] stack = new int[Math.max(16, 2 * (width + height))];
        int top = 0;
        for (int x = 0; x < width; x++) {
            top = seed(hu, outside, airHu, x, stack, top);
            stack = grow(stack, top);
            top = seed(hu, outside, airHu, (height - 1) * width + x, stack, top);
            stack = grow(stack, top);
        }
        for (int y = 0; y < height; y++) {
            top = seed(hu, outside, airHu, y * width, stack, top);
            stack = grow(stack, top);
            top = seed(hu, outside, airHu, y * width + width - 1, stack, top);
            stack = grow(stack, top);
        }
        while (top > 0) {
            int p = stack[--top];
            int x = p % width, y = p / width;
            if (x > 0) top = seed(hu, outside, airHu, p - 1, stack, top);
            stack = grow(stack, top);
            if (x < width - 1) top = seed(hu, outside, airHu, p + 1, stack, top);
            stack = grow(stack, top);
            if (y > 0) top = seed(hu, outside, airHu, p - width, stack, top);
            stack = grow(stack, top);
            if (y < height - 1) top = seed(hu, outside, airHu, p + width, stack, top);
            stack = grow(stack, top);
        }
        boolean[] body = new boolean[hu.length];
        for (int i = 0; i < body.length; i++) {
            body[i] = !outside[i];
        }
        return body;
    }

    private static int seed(float[] hu, boolean[] outside, double airHu, int p, int[] stack, int top) {
        if (!outside[p] && hu[p] < airHu) {
            outside[p] = true;
            stack[top++] = p;
        }
        return top;
    }

    private static int[] grow(int[] stack, int top) {
        return top < stack.length ? stack : java.util.Arrays.copyOf(stack, stack.length * 2);
    }
}
