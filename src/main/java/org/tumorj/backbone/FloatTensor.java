package org.tumorj.backbone;

/**
 * A dense float tensor in NHWC order, the layout TensorFlow uses on CPU.
 * Plain Java so that the core can pass images and feature maps without native handles.
 */
public record FloatTensor(float[] data, int n, int h, int w, int c) {
    public FloatTensor {
        long size = (long) n * h * w * c;
        if (size != data.length) {
            throw new IllegalArgumentException("data has " + data.length + " floats, shape "
                    + n + "x" + h + "x" + w + "x" + c + " needs " + size);
        }
    }

    public static FloatTensor zeros(int n, int h, int w, int c) {
        return new FloatTensor(new float[Math.multiplyExact(Math.multiplyExact(n * h, w), c)], n, h, w, c);
    }

    public int index(int b, int y, int x, int ch) { return ((b * h + y) * w + x) * c + ch; }
    public float get(int b, int y, int x, int ch) { return data[index(b, y, x, ch)]; }
    public void set(int b, int y, int x, int ch, float v) { data[index(b, y, x, ch)] = v; }
}
