package org.tumorj.bench;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.Backbones;
import org.tumorj.backbone.FloatTensor;

/**
 * Speed of the default backbone: images/s at 224x224 (batch 1 and 8) and ms per dense feature
 * map of a 512x512 slice. Run with {@code scripts/bench BackboneBenchmark [seconds-per-case]};
 * {@code -Dtumorj.threads=N} and {@code -Dtumorj.tf.interop=N} (via BENCH_JAVA_OPTS) vary TensorFlow's pools.
 */
public final class BackboneBenchmark {
    private BackboneBenchmark() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        System.out.printf("cores %d, tumorj.threads %s, tumorj.tf.interop %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("tumorj.threads", "0 (= cores)"), System.getProperty("tumorj.tf.interop", "1"));
        long t0 = System.nanoTime();
        try (Backbone backbone = Backbones.openDefault()) {
            System.out.printf("open (convert if needed + load + probe): %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            report("224x224 batch 1", backbone, random(1, 224, 224), seconds);
            report("224x224 batch 8", backbone, random(8, 224, 224), seconds);
            report("512x512 feature map", backbone, random(1, 512, 512), seconds);
        }
    }

    private static void report(String name, Backbone backbone, FloatTensor input, double seconds) {
        for (int i = 0; i < 3; i++) {
            backbone.featureMap(input); // warm-up: graph optimisation and allocator growth
        }
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        int runs = 0;
        while (System.nanoTime() - start < seconds * 1e9) {
            backbone.featureMap(input);
            runs++;
        }
        double ms = (System.nanoTime() - start) / 1e6 / runs;
        double cpuMs = (processCpuNanos() - cpuStart) / 1e6 / runs;
        System.out.printf("%-20s %8.1f ms/call %8.1f images/s (%d calls); process CPU %.1f ms/call, load average %.1f%n",
                name, ms, input.n() * 1000 / ms, runs, cpuMs, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** CPU time of all threads, TensorFlow's native pools included; on a busy machine wall time alone misleads. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static FloatTensor random(int n, int h, int w) {
        FloatTensor t = FloatTensor.zeros(n, h, w, 3);
        Random rng = new Random(1);
        for (int i = 0; i < t.data().length; i++) {
            t.data()[i] = rng.nextFloat();
        }
        return t;
    }
}
