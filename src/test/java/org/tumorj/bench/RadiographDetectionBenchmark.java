package org.tumorj.bench;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.tumorj.annotation.Annotation;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.Backbones;
import org.tumorj.backbone.Preprocessing;
import org.tumorj.backbone.ScaledBackbone;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.SamplingConfig;
import org.tumorj.dataset.Study;
import org.tumorj.detect.DenseDetector;
import org.tumorj.detect.DetectionParams;
import org.tumorj.detect.Detections;
import org.tumorj.detect.FakeBackbone;
import org.tumorj.detect.ProbabilityMap;
import org.tumorj.detect.ProbabilityMaps;
import org.tumorj.detect.TiledPrediction;
import org.tumorj.model.ModelBundle;
import org.tumorj.pipeline.DetectorTraining;
import org.tumorj.pipeline.ModelInput;
import org.tumorj.pipeline.TrainSettings;
import org.tumorj.pipeline.TrainedDetector;
import org.tumorj.pipeline.WorkingGrid;
import org.tumorj.pipeline.WorkingResolution;
import org.tumorj.train.TrainingListener;
import org.tumorj.util.Progress;
import org.tumorj.volume.Shutter;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * Time and peak memory of detection on a 3000 x 3000 16-bit DX radiograph (0.143 mm pixels) at
 * the default working spacing and at a finer one that needs tiling, plus how far tiled maps are
 * from the untiled run on a working image small enough for both.
 *
 * <pre>
 *   scripts/bench RadiographDetectionBenchmark [--backbone real|fake] [--size 3000] [--fine 0.3]
 *       [--compare 896 (0: skip)] [--core 256] [--margin 128]
 * </pre>
 * A small head is trained first (DetectorTraining on four synthetic 1024 x 1024 DX studies at
 * 0.8 mm, which also times the radiograph training path); the fine-spacing run uses the same head
 * with the bundle's working spacing changed (its weights do not change speed or memory). Peak
 * heap is the sum of the heap pools' peaks (reset before each run); peak RSS is VmHWM from
 * /proc/self/status, reset through /proc/self/clear_refs where the kernel allows, so each figure is
 * that run's own (the line says when it could not be reset).
 */
public final class RadiographDetectionBenchmark {
    private static final double PIXEL_MM = 0.143;

    public static void main(String[] args) throws Exception {
        String kind = arg(args, "--backbone", "real");
        try (Backbone backbone = kind.equals("fake") ? new FakeBackbone(32, 1280) : Backbones.openDefault()) {
            run(backbone, args);
        }
    }

    private static void run(Backbone backbone, String[] args) {
        int size = Integer.parseInt(arg(args, "--size", "3000"));
        double fine = Double.parseDouble(arg(args, "--fine", "0.3"));
        System.out.printf(Locale.ROOT, "backbone %s, %d threads, max heap %d MB%n", backbone.info().id(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        long t0 = System.nanoTime();
        ModelBundle bundle = train(backbone);
        System.out.printf(Locale.ROOT, "training on 4 DX studies of 1024 x 1024 at 0.2 mm (working 0.8 mm): %.1f s%n",
                (System.nanoTime() - t0) / 1e9);
        Volume image = radiograph(size, 42);
        System.out.printf(Locale.ROOT, "image %d x %d at %.3f mm, 16-bit values, shutter 120 px; heap in use %d MB%n",
                size, size, PIXEL_MM, used() >> 20);
        detect(backbone, bundle, image, 0.8);
        detect(backbone, withSpacing(bundle, fine), image, fine);
        int compare = Integer.parseInt(arg(args, "--compare", "896"));
        if (compare > 0) { // 0 skips the comparison
            compareTiles(backbone, bundle, compare, Integer.parseInt(arg(args, "--core", "256")),
                    Integer.parseInt(arg(args, "--margin", "128")));
        }
    }

    private static void detect(Backbone backbone, ModelBundle bundle, Volume image, double spacing) {
        TrainedDetector detector = new TrainedDetector(backbone, bundle);
        WorkingGrid grid = detector.workingResolution().gridFor(image.info());
        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        ProbabilityMaps maps = detector.predict(image, detector.defaultParams(image), Progress.none());
        long t1 = System.nanoTime();
        Detections d = new org.tumorj.detect.FindingExtractor(detector.defaultParams(image))
                .extract(image, maps, "bench", Progress.none());
        long t2 = System.nanoTime();
        ProbabilityMap m = maps.map(0);
        System.out.printf(Locale.ROOT, "working %.2f mm: %d x %d working px (factor %.3f), map %d x %d cells;"
                        + " maps %.1f s + findings %.1f s; %d findings; peak heap %d MB (committed %d MB), peak RSS %s%n",
                spacing, grid.workingWidth(), grid.workingHeight(), grid.factorX(), m.mapWidth(), m.mapHeight(),
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, d.findings().size(), peakHeap(false) >> 20, peakHeap(true) >> 20,
                peakRss());
    }

    /** Max and mean |p_tiled - p_untiled| over the cells of a working-size image, real tiles. */
    private static void compareTiles(Backbone backbone, ModelBundle bundle, int size, int core, int margin) {
        Volume working = new WorkingGrid(size * 4, size * 4, 4, 4).toWorking(radiograph(size * 4, 7));
        Backbone scaled = ScaledBackbone.of(backbone, bundle.training().get("inputScale").getAsInt());
        DetectionParams params = DetectionParams.of(0.5).withRefine(2);
        DenseDetector dd = new DenseDetector(scaled, bundle.denseHead(),
                ModelInput.forVolume(Preprocessing.fromJson(bundle.preprocessing().toString()), false, working), params);
        long t0 = System.nanoTime();
        ProbabilityMap whole = dd.predict(working, Progress.none()).map(0);
        long t1 = System.nanoTime();
        ProbabilityMap tiled = new TiledPrediction(dd, core, margin).predict(working, Progress.none()).map(0);
        long t2 = System.nanoTime();
        double max = 0, sum = 0;
        int over = 0, n = whole.mapWidth() * whole.mapHeight();
        for (int j = 0; j < whole.mapHeight(); j++) {
            for (int i = 0; i < whole.mapWidth(); i++) {
                double diff = Math.abs(whole.value(i, j) - tiled.value(i, j));
                max = Math.max(max, diff);
                sum += diff;
                over += diff > 0.05 ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "tiled vs untiled, %d x %d working px, core %d + margin %d: max |dp| %.4f, mean %.5f,"
                        + " %d of %d cells differ by > 0.05; untiled %.1f s, tiled %.1f s%n",
                size, size, core, margin, max, sum / n, over, n, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    private static ModelBundle train(Backbone backbone) {
        List<LoadedStudy> studies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            studies.add(trainingStudy("train" + i, 300 + 120 * i, 420 + 60 * (i % 2), i));
        }
        TrainSettings d = TrainSettings.defaults(3);
        TrainSettings settings = new TrainSettings(Preprocessing.auto(), false, SamplingConfig.defaults(3).withPatchSize(112),
                d.training().withEpochs(10, 3), d.classes(), 0.3, null, 2);
        return new DetectorTraining(backbone, settings, WorkingResolution.defaults())
                .train(studies, Progress.none(), TrainingListener.none());
    }

    private static ModelBundle withSpacing(ModelBundle b, double spacing) {
        JsonObject t = b.training().deepCopy();
        t.addProperty(WorkingResolution.KEY, spacing);
        return new ModelBundle(b.tumorjVersion(), b.created(), b.backbone(), b.preprocessing(), b.patchSize(), b.classes(),
                b.threshold(), b.temperature(), b.metrics(), b.seed(), t, b.trainingLogCsv(), b.head(), b.bundledBackbone());
    }

    /** A 1024 x 1024 DX study at 0.2 mm with one outlined 20 mm lesion. */
    private static LoadedStudy trainingStudy(String id, int cx, int cy, long seed) {
        Volume v = image(1024, 0.2, seed, new double[][] {{cx, cy, 50}}, Shutter.NONE);
        float[] xs = new float[24], ys = new float[24];
        for (int k = 0; k < 24; k++) {
            xs[k] = (float) (cx + 0.5 + 50 * Math.cos(2 * Math.PI * k / 24));
            ys[k] = (float) (cy + 0.5 + 50 * Math.sin(2 * Math.PI * k / 24));
        }
        Annotation a = new Annotation("tumor", 0, v.info().sopInstanceUids().get(0), xs, ys);
        return new LoadedStudy(new Study(id, Path.of(id), "patient-" + id), v, List.of(a));
    }

    /** The benchmark radiograph: lesions of 8-25 mm, a 120-pixel collimated border. */
    static Volume radiograph(int size, long seed) {
        double s = size / 3000.0;
        double[][] lesions = {{900 * s, 1000 * s, 30}, {2100 * s, 1100 * s, 60}, {1500 * s, 2000 * s, 87}};
        Shutter shutter = new Shutter(new double[] {120, size - 121, 120, size - 121}, null, null);
        return image(size, PIXEL_MM, seed, lesions, shutter);
    }

    /** 16-bit values: a smooth chest-like background, two darker lung fields, noise, bright lesions. */
    private static Volume image(int size, double spacing, long seed, double[][] lesions, Shutter shutter) {
        Random r = new Random(seed);
        float[] px = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double lx = Math.abs(x - size / 2.0) / (size * 0.2) - 1.1, ly = (y - size / 2.0) / (size * 0.33);
                double v = (lx * lx + ly * ly < 1 ? 9000 : 22000) + 3000 * Math.sin(y * 12.0 / size);
                for (double[] l : lesions) {
                    v += Math.hypot(x - l[0], y - l[1]) <= l[2] ? 12000 : 0;
                }
                boolean exposed = shutter.exposes(x, y);
                px[y * size + x] = exposed ? (float) Math.min(65535, Math.max(0, Math.rint(v + 800 * r.nextGaussian()))) : 64000;
            }
        }
        VolumeInfo info = new VolumeInfo("DX", "2.25.70", "2.25.71", "benchmark radiograph", "", size, size, spacing,
                spacing, 1, new double[3], new double[] {1, 0, 0}, new double[] {0, 1, 0}, 32768, 65536, false,
                List.of("2.25.72." + seed), List.of(), null, shutter);
        return new Volume(info, List.of(px));
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            rssReset = true;
        } catch (IOException | RuntimeException e) {
            rssReset = false;
        }
    }

    private static boolean rssReset;

    /**
     * Sum of the heap pools' peaks since the reset: used (garbage included until collected) or
     * committed (what the heap took from the OS, part of RSS; the rest of RSS is native, mostly
     * TensorFlow's buffers).
     */
    private static long peakHeap(boolean committed) {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += committed ? p.getPeakUsage().getCommitted() : p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** VmHWM, and whether it was reset before this run (else it is the process's peak so far). */
    private static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring(6).trim().split("\\s+")[0];
                    return (Long.parseLong(kb) >> 10) + " MB" + (rssReset ? "" : " (process peak so far: not resettable)");
                }
            }
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }

    private static String arg(String[] args, String key, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(key)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
