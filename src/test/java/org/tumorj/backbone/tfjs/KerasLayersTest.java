package org.tumorj.backbone.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tumorj.backbone.tfjs.TinyModels.model;
import static org.tumorj.backbone.tfjs.TinyModels.run;
import static org.tumorj.backbone.tfjs.TinyModels.s;

import org.junit.jupiter.api.Test;
import org.tumorj.backbone.tfjs.TinyModels.Out;
import org.tumorj.backbone.tfjs.TinyModels.W;

/** Each supported Keras layer, imported and run by TensorFlow, against a hand computation. */
class KerasLayersTest {
    private static final float[] ONE_TO_NINE = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    @Test
    void conv2dValidWithBiasAndRelu() throws Exception {
        // Kernel [[1, 0], [0, -1]]: each output is x[y][x] - x[y+1][x+1] = -4, plus bias 5, then ReLU.
        TfjsModel m = model("Conv2D", "\"filters\":1,\"kernel_size\":[2,2],\"strides\":[1,1],\"padding\":\"valid\",\"activation\":\"relu\",\"use_bias\":true", 1,
                new W("kernel", s(2, 2, 1, 1), new float[] {1, 0, 0, -1}), new W("bias", s(1), new float[] {5}));
        Out out = run(m, ONE_TO_NINE, 1, 3, 3, 1);
        assertArrayEquals(new long[] {1, 2, 2, 1}, out.shape());
        assertArrayEquals(new float[] {1, 1, 1, 1}, out.values(), 1e-6f);
    }

    @Test
    void conv2dSameStride2KeepsCeilOfHalf() throws Exception {
        // 1x1 kernel of 2, stride 2, 'same': picks x[0][0], x[0][2], x[2][0], x[2][2], doubled.
        TfjsModel m = model("Conv2D", "\"filters\":1,\"kernel_size\":1,\"strides\":2,\"padding\":\"same\",\"use_bias\":false", 1,
                new W("kernel", s(1, 1, 1, 1), new float[] {2}));
        Out out = run(m, ONE_TO_NINE, 1, 3, 3, 1);
        assertArrayEquals(new long[] {1, 2, 2, 1}, out.shape());
        assertArrayEquals(new float[] {2, 6, 14, 18}, out.values(), 1e-6f);
    }

    @Test
    void depthwiseConvScalesEachChannelByItsOwnKernel() throws Exception {
        TfjsModel m = model("DepthwiseConv2D", "\"kernel_size\":[1,1],\"strides\":[1,1],\"padding\":\"valid\",\"depth_multiplier\":1,\"use_bias\":false", 1,
                new W("depthwise_kernel", s(1, 1, 2, 1), new float[] {2, -1}));
        Out out = run(m, new float[] {1, 2, 3, 4}, 1, 1, 2, 2);
        assertArrayEquals(new float[] {2, -2, 6, -4}, out.values(), 1e-6f);
    }

    @Test
    void depthwiseConv3x3SameSumsTheNeighbourhood() throws Exception {
        TfjsModel m = model("DepthwiseConv2D", "\"kernel_size\":[3,3],\"strides\":[1,1],\"padding\":\"same\",\"use_bias\":false", 1,
                new W("depthwise_kernel", s(3, 3, 1, 1), new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1}));
        Out out = run(m, ONE_TO_NINE, 1, 3, 3, 1);
        // centre: sum of all = 45; corner (0,0): 1+2+4+5 = 12
        assertTrue(Math.abs(out.values()[4] - 45) < 1e-5 && Math.abs(out.values()[0] - 12) < 1e-5);
    }

    @Test
    void batchNormUsesMovingStatistics() throws Exception {
        TfjsModel m = model("BatchNormalization", "\"axis\":-1,\"epsilon\":0.001", 1,
                new W("gamma", s(2), new float[] {2, 1}), new W("beta", s(2), new float[] {0.5f, 0}),
                new W("moving_mean", s(2), new float[] {1, 0}), new W("moving_variance", s(2), new float[] {4, 1}));
        Out out = run(m, new float[] {3, 2}, 1, 1, 1, 2);
        float ch0 = (float) ((3 - 1) * 2 / Math.sqrt(4.001) + 0.5);
        float ch1 = (float) (2 / Math.sqrt(1.001));
        assertArrayEquals(new float[] {ch0, ch1}, out.values(), 1e-5f);
    }

    @Test
    void reluWithAndWithoutMaxValue() throws Exception {
        float[] in = {-1, 3, 7};
        assertArrayEquals(new float[] {0, 3, 6}, run(model("ReLU", "\"max_value\":6", 1), in, 1, 1, 3, 1).values());
        assertArrayEquals(new float[] {0, 3, 7}, run(model("ReLU", "\"max_value\":null", 1), in, 1, 1, 3, 1).values());
        assertArrayEquals(new float[] {0, 2, 2}, run(model("ReLU", "\"max_value\":2", 1), in, 1, 1, 3, 1).values());
    }

    @Test
    void leakyReluIsRefusedRatherThanApproximated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(model("ReLU", "\"negative_slope\":0.1", 1), new float[] {1}, 1, 1, 1, 1));
        assertTrue(e.getMessage().contains("negative_slope"), e.getMessage());
    }

    @Test
    void zeroPaddingAsymmetric() throws Exception {
        Out out = run(model("ZeroPadding2D", "\"padding\":[[0,1],[0,1]]", 1), new float[] {5}, 1, 1, 1, 1);
        assertArrayEquals(new long[] {1, 2, 2, 1}, out.shape());
        assertArrayEquals(new float[] {5, 0, 0, 0}, out.values());
    }

    @Test
    void addSumsItsInputs() throws Exception {
        assertArrayEquals(new float[] {2, -4}, run(model("Add", "", 2), new float[] {1, -2}, 1, 1, 1, 2).values());
    }

    @Test
    void poolingLayers() throws Exception {
        float[] in = {1, 2, 3, 4};
        assertArrayEquals(new float[] {2.5f}, run(model("GlobalAveragePooling2D", "", 1), in, 1, 2, 2, 1).values());
        assertArrayEquals(new float[] {2.5f}, run(model("AveragePooling2D", "\"pool_size\":[2,2],\"strides\":[2,2],\"padding\":\"valid\"", 1), in, 1, 2, 2, 1).values());
        assertArrayEquals(new float[] {4f}, run(model("MaxPooling2D", "\"pool_size\":[2,2],\"padding\":\"valid\"", 1), in, 1, 2, 2, 1).values());
    }

    @Test
    void flattenKeepsTheBatch() throws Exception {
        Out out = run(model("Flatten", "", 1), new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2, 1);
        assertArrayEquals(new long[] {2, 4}, out.shape());
    }

    @Test
    void denseWithSoftmax() throws Exception {
        // [1, 2] x [[1, 0], [0, 1]] + [0, ln 2 - 2 + 1] = [1, 1 + ln 2] -> softmax [1/3, 2/3]
        TfjsModel m = model("Dense", "\"units\":2,\"activation\":\"softmax\",\"use_bias\":true", 1,
                new W("kernel", s(2, 2), new float[] {1, 0, 0, 1}), new W("bias", s(2), new float[] {0, (float) (Math.log(2) - 1)}));
        assertArrayEquals(new float[] {1f / 3, 2f / 3}, run(m, new float[] {1, 2}, 1, 2).values(), 1e-6f);
    }

    @Test
    void dropoutIsIdentityAtInference() throws Exception {
        assertArrayEquals(new float[] {1, 2}, run(model("Dropout", "\"rate\":0.5", 1), new float[] {1, 2}, 1, 2).values());
    }

    @Test
    void activationLayer() throws Exception {
        assertArrayEquals(new float[] {0.5f}, run(model("Activation", "\"activation\":\"sigmoid\"", 1), new float[] {0}, 1, 1).values(), 1e-6f);
    }

    @Test
    void unknownLayerTypeNamesTheLayer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(model("LSTM", "", 1), new float[] {0}, 1, 1));
        assertTrue(e.getMessage().contains("LSTM 'layer'"), e.getMessage());
    }
}
