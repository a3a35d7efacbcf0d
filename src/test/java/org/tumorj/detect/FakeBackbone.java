package org.tumorj.detect;

import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.BackboneInfo;
import org.tumorj.backbone.FloatTensor;

/**
 * A stand-in backbone with the real one's shape contract: average-pools each stride x stride block;
 * channel 0 carries the block mean of the red channel, the others stay 0. Lets detection be tested
 * where the expected map can be computed by hand.
 */
public final class FakeBackbone implements Backbone {
    private final BackboneInfo info;
    private int calls;
    private int images;

    public FakeBackbone(int stride, int channels) {
        this.info = new BackboneInfo("fake-avgpool-" + stride, "0".repeat(64), 224, stride, channels);
    }

    public int calls() { return calls; }
    public int images() { return images; }

    @Override public BackboneInfo info() { return info; }

    @Override
    public float[][] embed(FloatTensor x) {
        FloatTensor map = featureMap(x);
        float[][] out = new float[x.n()][info.featureChannels()];
        for (int b = 0; b < x.n(); b++) {
            for (int y = 0; y < map.h(); y++) {
                for (int i = 0; i < map.w(); i++) {
                    out[b][0] += map.get(b, y, i, 0) / (map.h() * map.w());
                }
            }
        }
        return out;
    }

    @Override
    public FloatTensor featureMap(FloatTensor x) {
        int s = info.stride();
        if (x.h() % s != 0 || x.w() % s != 0 || x.c() != 3) {
            throw new IllegalArgumentException("fake backbone needs N x H x W x 3 with H, W multiples of " + s);
        }
        calls++;
        images += x.n();
        FloatTensor out = FloatTensor.zeros(x.n(), x.h() / s, x.w() / s, info.featureChannels());
        for (int b = 0; b < x.n(); b++) {
            for (int y = 0; y < x.h(); y++) {
                for (int xx = 0; xx < x.w(); xx++) {
                    int i = out.index(b, y / s, xx / s, 0);
                    out.data()[i] += x.get(b, y, xx, 0) / (s * s);
                }
            }
        }
        return out;
    }

    @Override public void close() {}
}
