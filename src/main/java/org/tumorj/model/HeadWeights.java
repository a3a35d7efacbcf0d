package org.tumorj.model;

/**
 * The trained weights of the two-layer head: {@code hidden = relu(x W1 + b1)},
 * {@code logit = hidden . w2 + b2}. Applied to a pooled embedding it is a dense layer pair; applied
 * at every location of a feature map it is the same pair as 1x1 convolutions.
 *
 * @param featureChannels C, the backbone's feature channels (1280 for MobileNetV2)
 * @param hiddenUnits H
 * @param kernel1 W1, C x H, row-major ({@code kernel1[c * H + h]}), the layout of a TensorFlow
 *                MatMul kernel and of a 1 x 1 x C x H convolution filter
 * @param bias1 b1, H values
 * @param kernel2 w2, H values (an H x 1 kernel)
 * @param bias2 b2
 */
public record HeadWeights(int featureChannels, int hiddenUnits, float[] kernel1, float[] bias1,
                          float[] kernel2, float bias2) {

    public HeadWeights {
        if (featureChannels < 1 || hiddenUnits < 1) {
            throw new IllegalArgumentException("head shape must be positive, got " + featureChannels + " x " + hiddenUnits);
        }
        checkLength("kernel1", kernel1, (long) featureChannels * hiddenUnits);
        checkLength("bias1", bias1, hiddenUnits);
        checkLength("kernel2", kernel2, hiddenUnits);
    }

    /** Number of float parameters, the size of the weight file's payload. */
    public long parameterCount() {
        return (long) featureChannels * hiddenUnits + 2L * hiddenUnits + 1;
    }

    private static void checkLength(String name, float[] values, long expected) {
        if (values.length != expected) {
            throw new IllegalArgumentException(name + " has " + values.length + " values, expected " + expected);
        }
    }
}
