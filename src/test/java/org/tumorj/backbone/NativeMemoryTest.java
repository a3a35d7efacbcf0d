package org.tumorj.backbone;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Native memory does not grow with the number of inferences: the input NDArray, the outputs and
 * TensorFlow's intermediate tensors are all released after each call. The long curve (thousands
 * of slices) is {@code scripts/bench NativeMemoryBenchmark}; this is the short check that fails
 * when a release is lost.
 */
class NativeMemoryTest {
    private static final int WARM_UP = 40;
    private static final int CALLS = 300;
    private static final int SIZE = 160;
    /**
     * Why 40 MiB: measured on the 2-core build machine, a healthy run grows by 1.6 MiB over the
     * 300 calls (TensorFlow's allocator and the JIT settling), while leaking only the per-call input
     * NDArray and outputs (attached to the model's manager instead of the call's scope, tried on
     * purpose) grows it by 86 MiB: the input alone is 300 KiB a call. 40 MiB is 25 times the noise and
     * half the smallest leak worth catching.
     */
    private static final double BOUND_MIB = 40;

    @TempDir
    static Path cache;

    @Test
    void residentMemoryDoesNotGrowOverThreeHundredInferences() throws Exception {
        double start = Double.NaN, end;
        try (Backbone backbone = Backbones.openDefault(cache)) {
            FloatTensor input = FloatTensor.zeros(1, SIZE, SIZE, 3);
            for (int i = 0; i < input.data().length; i++) {
                input.data()[i] = (i * 7919 % 1000) / 1000f;
            }
            for (int i = 0; i < WARM_UP + CALLS; i++) {
                if (i == WARM_UP) {
                    start = settledResidentMiB();
                }
                backbone.featureMap(input);
            }
            end = settledResidentMiB();
        }
        Assumptions.assumeFalse(Double.isNaN(start), "no /proc/self/status on this system");
        System.out.printf("VmRSS after %d warm-up calls %.0f MiB, after %d more %.0f MiB (growth %.1f MiB)%n",
                WARM_UP, start, CALLS, end, end - start);
        assertTrue(end - start < BOUND_MIB, String.format("resident memory grew by %.1f MiB over %d inferences of %dx%d",
                end - start, CALLS, SIZE, SIZE));
    }

    /**
     * VmRSS after GCs, so that Java garbage (the float[] feature maps) does not count as growth.
     * Known limit: in a JVM shared with other tests the GC may also give back heap left by them
     * (RSS fell by 161 MiB once), which could hide a leak in that run; alone, the test is exact
     * to a few MiB, and the long curve is scripts/bench NativeMemoryBenchmark.
     */
    private static double settledResidentMiB() throws IOException {
        System.gc();
        System.gc(); // a second full GC: the first may leave the heap to shrink later, mid-measurement
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return Double.NaN;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
