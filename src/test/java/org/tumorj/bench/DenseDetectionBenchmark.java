package org.tumorj.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.FloatTensor;
import org.tumorj.detect.DenseDetector;
import org.tumorj.detect.DetectionParams;
import org.tumorj.detect.Detections;
import org.tumorj.detect.FindingExtractor;
import org.tumorj.detect.ProbabilityMaps;
import org.tumorj.detect.SliceEncoder;
import org.tumorj.detect.WindowedSliceEncoder;
import org.tumorj.model.Head;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * Milliseconds per 512x512 slice for dense detection (the whole slice through the backbone once,
 * the head as a 1x1 convolution, findings extracted) against the naive alternative on the same
 * slices: 224x224 patches centred on the same stride-32 grid (256 per slice), each embedded by the
 * same backbone and classified by the same head, one probability per patch centre.
 *
 * <pre>
 *   scripts/bench DenseDetectionBenchmark [--backbone SPEC] [--slices 8] [--naive-slices 2]
 *       [--size 512] [--refine 1] [--batch 1] [--patch-batch 32]
 * </pre>
 * SPEC as in {@link BackboneFactory} ({@code fake} by default, e.g.
 * {@code org.tumorj.backbone.SomeBackbone#open} for the real one). The head is a seeded random
 * linear layer with a sigmoid: its cost is negligible either way, and weights do not change speed.
 * The naive way is slow, so it runs on fewer slices ({@code --naive-slices}); both per-slice figures
 * come from the same synthetic CT slices after one warm-up slice each.
 */
public final class DenseDetectionBenchmark {

    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        try (Backbone backbone = BackboneFactory.open(a.get("--backbone", BackboneFactory.defaultSpec()))) {
            run(backbone, a);
        }
    }

    private static void run(Backbone backbone, Args a) {
        int size = a.getInt("--size", 512);
        int slices = a.getInt("--slices", 8);
        int naiveSlices = Math.min(slices, a.getInt("--naive-slices", 2)); // reuses the dense slices
        int stride = backbone.info().stride();
        Head head = new RandomLinearHead(backbone.info().featureChannels(), 42);
        SliceEncoder encoder = new WindowedSliceEncoder(40, 400, stride);
        DetectionParams params = DetectionParams.of(0.5).withRefine(a.getInt("--refine", 1))
                .withSlicesPerBatch(a.getInt("--batch", 1)).withBodyMask(true);
        DenseDetector detector = new DenseDetector(backbone, head, encoder, params);
        Volume volume = phantom(size, slices + 1);
        System.out.printf(Locale.ROOT, "backbone %s, %d threads, %dx%d slices, refine %d%n",
                backbone.info().id(), Runtime.getRuntime().availableProcessors(), size, size, params.refine());

        for (int i = 0; i < 3; i++) {
            detector.detect(subVolume(volume, 0, 1), Progress.none()); // warm-up (JIT)
        }
        Volume measured = subVolume(volume, 1, slices);
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        ProbabilityMaps maps = detector.predict(measured, Progress.none());
        long t1 = System.nanoTime();
        Detections d = new FindingExtractor(params).extract(measured, maps, "bench", Progress.none());
        long t2 = System.nanoTime();
        double denseCpuMs = (cpuNanos() - c0) / 1e6 / slices;
        double mapsMs = (t1 - t0) / 1e6 / slices, findingsMs = (t2 - t1) / 1e6 / slices;
        double denseMs = mapsMs + findingsMs;

        System.out.printf(Locale.ROOT, "dense: %.1f ms/slice over %d slices (maps %.1f + findings %.1f; %d findings);"
                + " process CPU %.1f ms/slice%n", denseMs, slices, mapsMs, findingsMs, d.findings().size(), denseCpuMs);
        if (naiveSlices < 1) {
            return;
        }
        Naive naive = new Naive(backbone, head, encoder, a.getInt("--patch-batch", 32));
        naive.slice(volume.slice(0), size); // warm-up
        long c3 = cpuNanos();
        long t3 = System.nanoTime();
        for (int z = 1; z <= naiveSlices; z++) {
            naive.slice(volume.slice(z), size);
        }
        double naiveMs = (System.nanoTime() - t3) / 1e6 / naiveSlices;
        double naiveCpuMs = (cpuNanos() - c3) / 1e6 / naiveSlices;
        System.out.printf(Locale.ROOT, "naive: %.1f ms/slice over %d slices (%d patches of %d px per slice);"
                + " process CPU %.1f ms/slice%n", naiveMs, naiveSlices, naive.patchesPerSlice(size), naive.patch, naiveCpuMs);
        System.out.printf(Locale.ROOT, "speed-up: %.1fx%n", naiveMs / denseMs);
    }

    /**
     * CPU time of the whole process, native TensorFlow threads included: on a machine shared with
     * other jobs, wall-clock time says more about the neighbours than about us.
     */
    private static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** The naive way: one 224x224 patch per stride-32 grid cell, embedded and classified. */
    static final class Naive {
        private final Backbone backbone;
        private final Head head;
        private final SliceEncoder encoder;
        private final int batch;
        final int patch;
        private final int stride;

        Naive(Backbone backbone, Head head, SliceEncoder encoder, int batch) {
            this.backbone = backbone;
            this.head = head;
            this.encoder = encoder;
            this.batch = batch;
            this.patch = backbone.info().inputSize();
            this.stride = backbone.info().stride();
        }

        int patchesPerSlice(int size) {
            int cells = WindowedSliceEncoder.roundUp(size, stride) / stride;
            return cells * cells;
        }

        /** Probabilities at the patch centres (cell centres of the dense map), row-major. */
        float[] slice(float[] s, int size) {
            FloatTensor img = encoder.encode(s, size, size);
            int cells = img.w() / stride;
            float[] out = new float[cells * cells];
            List<int[]> centres = new ArrayList<>();
            for (int j = 0; j < cells; j++) {
                for (int i = 0; i < cells; i++) {
                    centres.add(new int[] {i * stride + stride / 2, j * stride + stride / 2});
                }
            }
            for (int start = 0; start < centres.size(); start += batch) {
                int n = Math.min(batch, centres.size() - start);
                FloatTensor patches = FloatTensor.zeros(n, patch, patch, 3);
                for (int k = 0; k < n; k++) {
                    crop(img, centres.get(start + k), patches, k);
                }
                float[][] emb = backbone.embed(patches);
                FloatTensor asMap = FloatTensor.zeros(n, 1, 1, emb[0].length);
                for (int k = 0; k < n; k++) {
                    System.arraycopy(emb[k], 0, asMap.data(), k * emb[0].length, emb[0].length);
                }
                FloatTensor p = head.probabilities(asMap);
                System.arraycopy(p.data(), 0, out, start, n);
            }
            return out;
        }

        /** A patch centred on {@code c}, edge pixels repeated where it leaves the image. */
        private void crop(FloatTensor img, int[] c, FloatTensor dst, int k) {
            int x0 = c[0] - patch / 2, y0 = c[1] - patch / 2;
            for (int y = 0; y < patch; y++) {
                int sy = Math.max(0, Math.min(img.h() - 1, y0 + y));
                for (int x = 0; x < patch; x++) {
                    int sx = Math.max(0, Math.min(img.w() - 1, x0 + x));
                    System.arraycopy(img.data(), img.index(0, sy, sx, 0), dst.data(), dst.index(k, y, x, 0), 3);
                }
            }
        }
    }

    /** sigmoid(w . f + b) at every location: a dense head of the right shape with seeded weights. */
    static final class RandomLinearHead implements Head {
        private final float[] w;
        private final float b;

        RandomLinearHead(int channels, long seed) {
            Random r = new Random(seed);
            w = new float[channels];
            for (int i = 0; i < channels; i++) {
                w[i] = (float) (r.nextGaussian() / Math.sqrt(channels));
            }
            b = -1;
        }

        @Override public int featureChannels() { return w.length; }

        @Override
        public FloatTensor probabilities(FloatTensor f) {
            int cells = f.n() * f.h() * f.w();
            float[] out = new float[cells];
            for (int i = 0; i < cells; i++) {
                double s = b;
                for (int ch = 0, base = i * f.c(); ch < f.c(); ch++) {
                    s += w[ch] * f.data()[base + ch];
                }
                out[i] = (float) (1 / (1 + Math.exp(-s)));
            }
            return new FloatTensor(out, f.n(), f.h(), f.w(), 1);
        }
    }

    /** Synthetic CT: air, an elliptic body of soft tissue, two lungs, a few dense nodules. */
    static Volume phantom(int size, int depth) {
        Random r = new Random(1);
        List<float[]> slices = new ArrayList<>();
        List<String> uids = new ArrayList<>();
        for (int z = 0; z < depth; z++) {
            float[] s = new float[size * size];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double bx = (x - size / 2.0) / (size * 0.42), by = (y - size / 2.0) / (size * 0.32);
                    double lx = Math.abs(x - size / 2.0) / (size * 0.16) - 1.1, ly = (y - size / 2.0) / (size * 0.22);
                    float v = bx * bx + by * by > 1 ? -1000 : (lx * lx + ly * ly < 1 ? -850 : 40);
                    s[y * size + x] = v + (float) r.nextGaussian() * 10;
                }
            }
            uids.add("2.25.1." + z);
            slices.add(s);
        }
        VolumeInfo info = new VolumeInfo("CT", "2.25.9", "2.25.8", "benchmark phantom", "", size, size, 0.7, 0.7, 2.5,
                new double[3], new double[] {1, 0, 0}, new double[] {0, 1, 0}, 40, 400, false, uids, List.of());
        return new Volume(info, slices);
    }

    static Volume subVolume(Volume v, int from, int count) {
        VolumeInfo i = v.info();
        VolumeInfo sub = new VolumeInfo(i.modality(), i.studyInstanceUid(), i.seriesInstanceUid(), i.seriesDescription(),
                i.patientId(), i.width(), i.height(), i.spacingX(), i.spacingY(), i.spacingZ(), i.origin(),
                i.rowDirection(), i.columnDirection(), i.windowCenter(), i.windowWidth(), i.invertedForDisplay(),
                i.sopInstanceUids().subList(from, from + count), i.warnings());
        return new Volume(sub, v.slices().subList(from, from + count));
    }

    /** {@code --key value} pairs. */
    private static final class Args {
        private final String[] args;

        Args(String[] args) {
            this.args = args;
        }

        String get(String key, String fallback) {
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals(key)) {
                    return args[i + 1];
                }
            }
            return fallback;
        }

        int getInt(String key, int fallback) {
            return Integer.parseInt(get(key, Integer.toString(fallback)));
        }
    }
}
