package org.tumorj.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomGenerator;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.phantom.PhantomStudy;
import org.tumorj.phantom.PhantomStudyWriter;

/**
 * {@code scripts/bench XrayPhantomBenchmark [studies] [largeSize]}: time to generate chest
 * radiograph phantoms at the shipped 768 x 768, and time and peak heap to generate and write one
 * large one (3072 x 3072 by default). Run with a small heap to prove the bound, e.g.
 * {@code BENCH_JAVA_OPTS=-Xmx512m scripts/bench XrayPhantomBenchmark}.
 */
public final class XrayPhantomBenchmark {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int large = args.length > 1 ? Integer.parseInt(args[1]) : 3072;
        PhantomGenerator.generate(PhantomConfig.of(PhantomModality.XR, 99, 1)); // warm-up
        long t0 = System.nanoTime();
        for (int i = 1; i <= n; i++) {
            PhantomGenerator.generate(PhantomConfig.of(PhantomModality.XR, 2026, i));
        }
        double s768 = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "768 x 768: %d studies in %.2f s (%.2f s/study), %d cores%n", n, s768, s768 / n,
                Runtime.getRuntime().availableProcessors());
        System.gc();
        resetPeaks();
        long t1 = System.nanoTime();
        PhantomStudy s = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.XR, 2026, 1).withSize(large));
        double gen = (System.nanoTime() - t1) / 1e9;
        Path dir = Files.createTempDirectory("xr-bench");
        long t2 = System.nanoTime();
        Path study = PhantomStudyWriter.write(s, dir.resolve(s.studyId()));
        double write = (System.nanoTime() - t2) / 1e9;
        long bytes = Files.size(study.resolve("IM-0001.dcm"));
        System.out.printf(Locale.ROOT, "%d x %d: generated in %.2f s, written in %.2f s (%.1f MB file), peak heap %.0f MB"
                + " (sum of pool peaks, an upper bound), max heap %.0f MB, %d nodules%n", large, large, gen, write, bytes / 1e6,
                peakHeapMb(), Runtime.getRuntime().maxMemory() / 1e6, s.groundTruth().lesions().size());
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / 1e6;
    }

    private XrayPhantomBenchmark() {}
}
