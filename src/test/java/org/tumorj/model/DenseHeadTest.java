package org.tumorj.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tumorj.backbone.FloatTensor;

class DenseHeadTest {
    // C = 2, H = 2: W1 = [[1, -1], [2, 0.5]] (rows are channels), b1 = [0, -1], w2 = [1, 2], b2 = -0.5
    static final HeadWeights TINY = new HeadWeights(2, 2, new float[] {1, -1, 2, 0.5f}, new float[] {0, -1},
            new float[] {1, 2}, -0.5f);

    @Test
    void logitByHand() {
        DenseHead head = new DenseHead(TINY, 1);
        // x = (1, 1): hidden = relu(1 + 2 + 0, -1 + 0.5 - 1) = (3, 0); logit = 3 - 0.5 = 2.5
        assertEquals(2.5, head.logit(new float[] {1, 1}, 0), 1e-6);
        // x = (0, 2): hidden = relu(4, 1 - 1) = (4, 0); logit = 3.5
        assertEquals(3.5, head.logit(new float[] {0, 2}, 0), 1e-6);
        assertEquals(1 / (1 + Math.exp(-2.5 / 2)), new DenseHead(TINY, 2).probability(2.5), 1e-12);
    }

    @Test
    void featureMapIsTheHeadAtEveryLocation() {
        DenseHead head = new DenseHead(TINY, 1.5);
        FloatTensor map = new FloatTensor(new float[] {1, 1, 0, 2, 0, 0}, 1, 1, 3, 2);
        FloatTensor p = head.probabilities(map);
        assertEquals(3, p.w());
        assertEquals(1, p.c());
        assertEquals(head.probability(2.5), p.get(0, 0, 0, 0), 1e-6);
        assertEquals(head.probability(3.5), p.get(0, 0, 1, 0), 1e-6);
        // x = 0: hidden = relu(0, -1) = 0; logit = -0.5
        assertEquals(head.probability(-0.5), p.get(0, 0, 2, 0), 1e-6);
    }

    @Test
    void pooledEmbeddingAndOneByOneMapAgree() {
        HeadWeights w = randomHead(1280, 64, 3);
        DenseHead head = new DenseHead(w, 1.3);
        float[] embedding = randomFeatures(1280, 4);
        double fromEmbedding = head.probability(head.logits(new float[][] {embedding})[0]);
        assertEquals(fromEmbedding, head.probabilities(new FloatTensor(embedding, 1, 1, 1, 1280)).data()[0], 1e-6);
    }

    @Test
    void gridLogitsAreThePointByPointLogitsBitForBit() {
        // An odd count over several parallel blocks: the pairing, the last lone point and the block
        // edges must all give exactly what one point at a time gives (the maps' ties depend on it).
        HeadWeights w = randomHead(130, 64, 5);
        DenseHead head = new DenseHead(w, 1);
        int points = 5001;
        float[] grid = randomFeatures(130 * points, 6);
        float[] z = head.logits(grid, 130, points);
        for (int p = 0; p < points; p++) {
            assertEquals((float) head.logit(grid, p * 130), z[p], 0f, "point " + p);
        }
    }

    @Test
    void logitsAtChosenPointsAreThePointByPointLogitsExactly() {
        // Hard-negative mining ranks the doubles logit gives; logitsAt must give the same values.
        HeadWeights w = randomHead(130, 64, 7);
        DenseHead head = new DenseHead(w, 1);
        int points = 5001;
        float[] grid = randomFeatures(130 * points, 8);
        int[] chosen = java.util.stream.IntStream.range(0, points).filter(p -> p % 3 != 1).map(p -> points - 1 - p)
                .toArray(); // an odd count, descending, over several blocks
        float[] z = head.logitsAt(grid, 130, chosen);
        assertEquals(chosen.length, z.length);
        for (int k = 0; k < chosen.length; k++) {
            assertEquals(head.logit(grid, chosen[k] * 130), (double) z[k], 0d, "point " + chosen[k]);
        }
    }

    @Test
    void wrongChannelCountIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DenseHead(TINY, 1).probabilities(FloatTensor.zeros(1, 2, 2, 3)));
        assertEquals(true, e.getMessage().contains("3 channels"));
    }

    @Test
    void weightFileRoundTripsBitwise() throws IOException {
        HeadWeights w = randomHead(1280, 16, 9);
        HeadWeights back = HeadWeightsFile.fromBytes(HeadWeightsFile.toBytes(w), "head.bin");
        assertArrayEquals(w.kernel1(), back.kernel1());
        assertArrayEquals(w.bias1(), back.bias1());
        assertArrayEquals(w.kernel2(), back.kernel2());
        assertEquals(w.bias2(), back.bias2());
        assertEquals(16 + 4 * w.parameterCount(), HeadWeightsFile.toBytes(w).length);
    }

    @Test
    void truncatedOrForeignWeightFileIsRefused() {
        byte[] bytes = HeadWeightsFile.toBytes(TINY);
        IOException truncated = assertThrows(IOException.class,
                () -> HeadWeightsFile.fromBytes(Arrays.copyOf(bytes, bytes.length - 4), "model/head.bin"));
        assertEquals(true, truncated.getMessage().startsWith("model/head.bin: "));
        assertEquals(true, truncated.getMessage().contains("truncated"));
        bytes[0] = 'X';
        assertThrows(IOException.class, () -> HeadWeightsFile.fromBytes(bytes, "head.bin"));
    }

    static HeadWeights randomHead(int c, int h, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] k1 = new float[c * h];
        float[] b1 = new float[h];
        float[] k2 = new float[h];
        for (int i = 0; i < k1.length; i++) {
            k1[i] = (float) (r.nextDouble(-1, 1) * 0.06);
        }
        for (int j = 0; j < h; j++) {
            b1[j] = (float) r.nextDouble(-0.2, 0.2);
            k2[j] = (float) r.nextDouble(-0.5, 0.5);
        }
        return new HeadWeights(c, h, k1, b1, k2, 0.1f);
    }

    static float[] randomFeatures(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble() < 0.3 ? 0f : (float) r.nextDouble(0, 6);   // ReLU6-like, sparse
        }
        return v;
    }
}
