package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumorj.backbone.ChannelMode;
import org.tumorj.backbone.FloatTensor;
import org.tumorj.backbone.Preprocessing;
import org.tumorj.backbone.InputWindow;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/** A radiograph reaches the network as a reader sees it: its window, inverted for MONOCHROME1. */
class PresentationInputTest {
    private static Volume radiograph(boolean monochrome1) {
        VolumeInfo info = new VolumeInfo("DX", "1.2", "1.2.3", "Chest PA", "", 2, 1, 0.2, 0.2, 1, new double[3],
                new double[] {1, 0, 0}, new double[] {0, 1, 0}, 2048, 4096, monochrome1, List.of("1.2.3.1"), List.of());
        return new Volume(info, List.of(new float[] {1024, 3072}));
    }

    @Test
    void theSeriesOwnWindowAndPolarityAreTheInput() {
        Preprocessing pre = new Preprocessing(List.of(InputWindow.PRESENTATION), ChannelMode.REPLICATE, 224);
        FloatTensor plain = ModelInput.forVolume(pre, false, radiograph(false)).encode(radiograph(false), 0);
        FloatTensor inverted = ModelInput.forVolume(pre, false, radiograph(true)).encode(radiograph(true), 0);
        double expected = radiograph(false).info().presentation(1024);
        assertEquals(expected, plain.data()[plain.index(0, 0, 0, 0)], 1e-5);
        assertEquals(1 - expected, inverted.data()[inverted.index(0, 0, 0, 0)], 1e-5);
        assertEquals(0.25, expected, 0.01);
    }
}
