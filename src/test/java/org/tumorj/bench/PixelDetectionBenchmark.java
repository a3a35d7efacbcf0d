package org.tumorj.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.tumorj.detect.Detections;
import org.tumorj.detect.DetectionParams;
import org.tumorj.detect.ProbabilityMaps;
import org.tumorj.dicom.DicomReader;
import org.tumorj.pipeline.Bundles;
import org.tumorj.pipeline.DicomStudies;
import org.tumorj.pipeline.TrainedDetector;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * Milliseconds per slice for a trained bundle's dense detection on synthetic CT slices of a given
 * size (per-pixel features streamed slice by slice, the head at every grid point, peak findings),
 * or on a study's DICOM series, and the heap still held after a garbage collection with the maps
 * and findings alive.
 *
 * <pre>
 *   scripts/bench PixelDetectionBenchmark MODEL_DIR [--size 512] [--slices 40] [--rounds 1]
 *   scripts/bench PixelDetectionBenchmark MODEL_DIR --study DIR [--series REGEX] [--rounds 1]
 * </pre>
 * A study's slices of another size are timed as they are and also scaled to a 512² slice by
 * their pixel count (dense detection's work grows with it).
 * The first run over the volume warms up the JIT; the next {@code --rounds} are timed (maps and
 * findings each round), and the median and the fastest round are printed (on a shared host the
 * fastest is the least disturbed).
 */
public final class PixelDetectionBenchmark {

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        int size = intArg(args, "--size", 512);
        int slices = intArg(args, "--slices", 40), rounds = intArg(args, "--rounds", 1);
        String study = stringArg(args, "--study");
        Volume volume = study == null ? DenseDetectionBenchmark.phantom(size, slices)
                : new DicomStudies(DicomReader.standard(), stringArg(args, "--series"), Progress.none()).load(Path.of(study));
        slices = volume.depth();
        try (Bundles.Opened opened = Bundles.open(model)) {
            TrainedDetector detector = opened.detector();
            DetectionParams params = detector.defaultParams(volume);
            detector.detect(volume, "warm-up", params, Progress.none());
            double[] mapsMs = new double[rounds], findingsMs = new double[rounds];
            Detections d = null;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                ProbabilityMaps maps = detector.predict(volume, params, Progress.none());
                long t1 = System.nanoTime();
                d = detector.findings(volume, maps, "bench", params, Progress.none());
                mapsMs[r] = (t1 - t0) / 1e6 / slices;
                findingsMs[r] = (System.nanoTime() - t1) / 1e6 / slices;
            }
            Runtime rt = Runtime.getRuntime();
            System.gc(); // what is still held with the last maps and findings alive, not garbage
            long held = (rt.totalMemory() - rt.freeMemory()) >> 20;
            Arrays.sort(mapsMs);
            Arrays.sort(findingsMs);
            double maps = mapsMs[rounds / 2], findings = findingsMs[rounds / 2];
            System.out.printf(Locale.ROOT, "%s (%s), %d threads, %d slices of %dx%d, median of %d rounds: maps %.1f"
                    + " ms/slice, findings %.1f ms/slice, total %.1f ms/slice (fastest: maps %.1f, findings %.1f); %d"
                    + " findings; heap held after GC %d MB (maps and findings alive), committed %d MB%n",
                    model, detector.bundle().training().getAsJsonObject("pixelFeatures").get("families").getAsString(),
                    rt.availableProcessors(), slices, volume.width(), volume.height(), rounds, maps, findings,
                    maps + findings, mapsMs[0], findingsMs[0], d.findings().size(), held, rt.totalMemory() >> 20);
            if (study != null) {
                double to512 = 512.0 * 512 / ((double) volume.width() * volume.height());
                System.out.printf(Locale.ROOT, "%s scaled to a 512² slice by its pixels: maps %.1f ms, findings %.1f ms%n",
                        study, maps * to512, findings * to512);
            }
        }
    }

    private static String stringArg(String[] args, String name) {
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
