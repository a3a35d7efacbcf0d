package org.tumorj.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.Backbones;
import org.tumorj.backbone.FloatTensor;

/**
 * Resident memory over a long run: the default backbone's dense feature map over thousands of
 * slices in one process, printing VmRSS every N slices. A leak of DJL/TensorFlow arrays or
 * tensors shows as RSS that keeps climbing; a healthy run levels off after warm-up.
 *
 * <pre>scripts/bench NativeMemoryBenchmark [slices=3000] [size=256] [every=250]</pre>
 */
public final class NativeMemoryBenchmark {
    private NativeMemoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        int slices = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int every = args.length > 2 ? Integer.parseInt(args[2]) : 250;
        System.out.printf("slices %d of %dx%d, VmRSS every %d; before opening the backbone: %.0f MiB%n",
                slices, size, size, every, residentMiB());
        try (Backbone backbone = Backbones.openDefault()) {
            Random rng = new Random(7);
            System.out.printf("%8s %10s %12s %10s%n", "slices", "VmRSS MiB", "heap used MiB", "ms/slice");
            report(0, 0, 0);
            long start = System.nanoTime();
            for (int i = 1; i <= slices; i++) {
                backbone.featureMap(slice(rng, size)); // a new input each time, as a batch over a volume makes
                if (i % every == 0) {
                    report(i, System.nanoTime() - start, every);
                    start = System.nanoTime();
                }
            }
        }
        System.out.printf("after close: %.0f MiB%n", residentMiB());
    }

    private static void report(int done, long nanos, int calls) {
        Runtime rt = Runtime.getRuntime();
        System.out.printf("%8d %10.0f %12.0f %10.1f%n", done, residentMiB(),
                (rt.totalMemory() - rt.freeMemory()) / 1048576.0, calls == 0 ? 0 : nanos / 1e6 / calls);
    }

    /** A smooth synthetic slice in [0,1] with noise, grey in all three channels (as Preprocessing makes). */
    static FloatTensor slice(Random rng, int size) {
        FloatTensor t = FloatTensor.zeros(1, size, size, 3);
        float[] d = t.data();
        double cx = rng.nextDouble() * size, cy = rng.nextDouble() * size, r = size / 4.0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double v = Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * r * r)) + 0.05 * rng.nextGaussian();
                float g = (float) Math.max(0, Math.min(1, v));
                int o = 3 * (y * size + x);
                d[o] = g;
                d[o + 1] = g;
                d[o + 2] = g;
            }
        }
        return t;
    }

    /** This process's resident set (VmRSS of /proc/self/status), MiB; NaN where there is no /proc. */
    public static double residentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
