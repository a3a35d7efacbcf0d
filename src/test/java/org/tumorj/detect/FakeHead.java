package org.tumorj.detect;

import org.tumorj.backbone.FloatTensor;
import org.tumorj.model.Head;

/** A stand-in head whose probability is feature channel 0, clipped to [0, 1]. */
public final class FakeHead implements Head {
    private final int channels;

    public FakeHead(int channels) {
        this.channels = channels;
    }

    @Override public int featureChannels() { return channels; }

    @Override
    public FloatTensor probabilities(FloatTensor map) {
        FloatTensor out = FloatTensor.zeros(map.n(), map.h(), map.w(), 1);
        for (int b = 0; b < map.n(); b++) {
            for (int y = 0; y < map.h(); y++) {
                for (int x = 0; x < map.w(); x++) {
                    out.set(b, y, x, 0, Math.min(1, Math.max(0, map.get(b, y, x, 0))));
                }
            }
        }
        return out;
    }
}
