package org.tumorj.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.IJ;
import ij.ImagePlus;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TIFF stacks written without ImageJ, read back by ImageJ as the oracle. */
class TiffStackTest {
    @TempDir Path dir;

    /**
     * A lazy list (the heat map computes each slice when asked) is asked once per slice: asking
     * per pixel made a CT study's heatmap.tif take minutes.
     */
    @Test
    void eachSliceIsReadOnceAndImageJReadsValuesCalibrationAndLabels() throws Exception {
        int[] reads = new int[3];
        List<float[]> slices = new AbstractList<>() {
            @Override public float[] get(int z) {
                reads[z]++;
                float[] s = new float[4 * 3];
                java.util.Arrays.fill(s, z + 0.5f);
                return s;
            }
            @Override public int size() { return 3; }
        };
        Path file = dir.resolve("stack.tif");
        TiffStack.ofFloats(4, 3, slices).calibrated(0.7, 0.7, 2.5, "mm").withDisplayRange(0, 1)
                .withLabels(List.of("a", "b", "c")).write(file);

        assertArrayEquals(new int[] {1, 1, 1}, reads);
        ImagePlus imp = IJ.openImage(file.toString());
        assertEquals(3, imp.getStackSize());
        assertEquals(2.5f, imp.getStack().getProcessor(3).getf(1, 1), 0);
        assertEquals(0.7, imp.getCalibration().pixelWidth, 1e-6);
        assertEquals(2.5, imp.getCalibration().pixelDepth, 1e-9);
        assertEquals("mm", imp.getCalibration().getUnit());
        assertEquals("b", imp.getStack().getSliceLabel(2));
    }
}
