package org.tumorj.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void a16BitStackIsReadByImageJAsTheCalibratedValuesWithItsWindowAndLabels() throws Exception {
        List<float[]> slices = List.of(new float[] {-1024, -1000, 0, 3071, 40, -5}, new float[] {1, 2, 3, 4, 5, 6});
        SixteenBitCoding coding = SixteenBitCoding.fitting(slices, "HU").orElseThrow();
        Path file = dir.resolve("ct.tif");
        TiffStack.ofFloats(3, 2, slices).calibrated(0.5, 0.5, 1.25, "mm").withDisplayRange(-160, 240)
                .withLabels(List.of("a", "b")).as16Bit(coding).write(file);

        ImagePlus imp = IJ.openImage(file.toString());
        assertEquals(ImagePlus.GRAY16, imp.getType());
        assertEquals("HU", imp.getCalibration().getValueUnit());
        for (int z = 0; z < 2; z++) {
            for (int i = 0; i < 6; i++) {
                assertEquals(slices.get(z)[i], imp.getCalibration().getCValue(imp.getStack().getProcessor(z + 1).get(i)), 0);
            }
        }
        assertEquals(-160, imp.getCalibration().getCValue(imp.getDisplayRangeMin()), 1e-9);
        assertEquals(240, imp.getCalibration().getCValue(imp.getDisplayRangeMax()), 1e-9);
        assertEquals(1.25, imp.getCalibration().pixelDepth, 1e-9);
        assertEquals("b", imp.getStack().getSliceLabel(2));
    }

    /** A coding that does not fit (a wrong header) refuses the value instead of wrapping it to another. */
    @Test
    void aValueTheCodingCannotStoreIsRefusedNotWrapped() {
        SixteenBitCoding coding = SixteenBitCoding.forRange(-1024, 3071, "HU").orElseThrow();
        for (float bad : new float[] {40000, 0.5f}) {
            TiffStack stack = TiffStack.ofFloats(2, 1, List.of(new float[] {0, bad})).as16Bit(coding);
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> stack.write(dir.resolve("bad.tif")));
            assertTrue(e.getMessage().startsWith("slice 0 holds " + bad + ", which 16 bits from -32768 cannot store"), e.getMessage());
        }
        assertTrue(!java.nio.file.Files.exists(dir.resolve("bad.tif")));
    }

    /** ImageJ's conventions where they apply: unsigned as is, signed shifted by 32768; else from the minimum. */
    @Test
    void sixteenBitsAreChosenOnlyWhereEveryValueIsAnIntegerWithinASixteenBitSpan() {
        assertEquals(0, fit(0, 65535).orElseThrow().offset());
        assertEquals(-32768, fit(-1024, 3071).orElseThrow().offset());
        assertEquals(-40000, fit(-40000, -39000).orElseThrow().offset());
        assertEquals(40000, fit(40000, 105535).orElseThrow().offset());
        assertTrue(fit(40000, 105536).isEmpty(), "a span of 65537 values");
        assertTrue(fit(-60000, 60000).isEmpty());
        assertTrue(SixteenBitCoding.fitting(List.of(new float[] {0, 0.5f}), "HU").isEmpty(), "a fraction");
        assertTrue(SixteenBitCoding.fitting(List.of(new float[] {0, Float.NaN}), "HU").isEmpty());
    }

    private static java.util.Optional<SixteenBitCoding> fit(float low, float high) {
        return SixteenBitCoding.fitting(List.of(new float[] {low, (float) Math.floor((low + high) / 2)}, new float[] {high}), "HU");
    }
}
