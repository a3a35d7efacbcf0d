package org.tumorj.bench;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.tumorj.annotation.RoiSetZip;
import org.tumorj.api.TumorJ;
import org.tumorj.dataset.AnnotationReader;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.StudySet;
import org.tumorj.dataset.TrainingData;
import org.tumorj.detect.Finding;
import org.tumorj.detect.FindingSlice;
import org.tumorj.detect.ProbabilityMaps;
import org.tumorj.dicom.DicomReader;
import org.tumorj.pipeline.DicomStudies;
import org.tumorj.pipeline.FeatureChoice;
import org.tumorj.pipeline.TrainSettings;
import org.tumorj.train.TrainingListener;
import org.tumorj.train.TrainingOptions;
import org.tumorj.util.Progress;

/**
 * Seconds per round of Fiji's annotate-train-review loop ("Train on This Image"): training on
 * one open series with its regions (slices held out for validation) and detecting on the whole
 * series, exactly what the command runs after its dialog, at its defaults. Rounds after the first
 * are what a user waits for after correcting a region (the JIT is warm by then).
 *
 * <pre>
 *   ./tumorj phantoms --out /tmp/bigct --modality CT --studies 1 --size 512 --slices 120
 *   scripts/bench ImageLoopBenchmark /tmp/bigct [--rounds 3] [--save DIR]
 * </pre>
 *
 * <p>{@code --save DIR} writes each round's bundle ({@code DIR/round-N/model}) and its findings and
 * heat map ({@code findings.txt}, {@code maps.sha256}): two builds' outputs can then be compared
 * byte for byte ({@code diff -r}) to show that a speed-up changed nothing. Two rounds of one build
 * differ only in the bundle's creation time, {@code saved_model/saved_model.pb} (TensorFlow's
 * export of the head is not byte-stable) and the checksums in {@code bundle.json} over those two;
 * {@code scripts/compare-loop-outputs} compares two rounds' folders so.
 */
public final class ImageLoopBenchmark {

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int rounds = Integer.parseInt(option(args, "--rounds", "3"));
        String save = option(args, "--save", null);
        List<LoadedStudy> studies = TrainingData.load(StudySet.open(folder), new DicomStudies(DicomReader.standard(), "",
                Progress.none()), AnnotationReader.standard(RoiSetZip.NO_GROUP_NAMES), Progress.none());
        LoadedStudy study = studies.get(0);
        TrainSettings settings = TrainSettings.of(42, TrainingOptions.defaults().maxEpochs(), true, "modality",
                TrainSettings.DEFAULT_INPUT_SCALE, "tumor,lesion", "normal,background", 0.3, "");
        System.out.printf(Locale.ROOT, "%s: %d x %d x %d, %d regions; %d cores%n", study.id(), study.volume().width(),
                study.volume().height(), study.volume().depth(), study.annotations().size(),
                Runtime.getRuntime().availableProcessors());
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            Progress steps = stepTimes(t0);
            TumorJ.ImageTrainingResult r = TumorJ.trainOnImage(new TumorJ.ImageTraining(settings, FeatureChoice.DEFAULT,
                    study, null, RoiSetZip.NO_GROUP_NAMES), steps, TrainingListener.none());
            System.out.printf(Locale.ROOT, "round %d: %.1f s (train and detect on the whole series), %d findings, %s%n",
                    round, (System.nanoTime() - t0) / 1e9, r.detections().findings().size(), r.validation());
            if (save != null) {
                save(r, Path.of(save, "round-" + round));
            }
        }
    }

    private static String option(String[] args, String name, String otherwise) {
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return otherwise;
    }

    /** A finding's values, its outline and region per slice included (their classes print no contents). */
    private static String line(Finding f) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d %s %s %s %d-%d %s %d %s %s %s %s", f.id(),
                f.score(), f.probabilityMax(), f.probabilityMean(), f.sliceFirst(), f.sliceLast(), f.bounds(),
                f.voxelCount(), f.maxAreaMm2(), f.volumeMm3(), f.centroidPx(), f.centroidMm()));
        for (FindingSlice s : f.slices()) {
            b.append(" | z").append(s.z()).append(' ').append(s.areaMm2()).append(' ').append(s.probabilityMax())
                    .append(" x").append(Arrays.toString(s.contour().xs())).append(" y")
                    .append(Arrays.toString(s.contour().ys())).append(" runs");
            for (int i = 0; i < s.region().runCount(); i++) {
                b.append(' ').append(s.region().runY(i)).append(':').append(s.region().runStart(i)).append('-')
                        .append(s.region().runEnd(i));
            }
        }
        return b.toString();
    }

    /** The round's bundle, its findings one a line and a SHA-256 of its probability maps, for comparing builds. */
    private static void save(TumorJ.ImageTrainingResult r, Path dir) throws Exception {
        r.bundle().save(dir.resolve("model"), Progress.none());
        List<String> lines = r.detections().findings().stream().map(ImageLoopBenchmark::line).toList();
        Files.write(dir.resolve("findings.txt"), lines);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ProbabilityMaps maps = r.detections().maps();
        for (int z = 0; z < maps.depth(); z++) {
            ByteBuffer b = ByteBuffer.allocate(maps.width() * maps.height() * Float.BYTES);
            b.asFloatBuffer().put(maps.slice(z));
            sha.update(b.array());
        }
        Files.writeString(dir.resolve("maps.sha256"), HexFormat.of().formatHex(sha.digest()) + "\n");
    }

    /** Prints when each step starts (its first progress update) and each log line, in seconds since {@code t0}. */
    private static Progress stepTimes(long t0) {
        return new Progress() {
            private String step = "";

            @Override
            public void update(String name, long done, long total) {
                if (!name.equals(step)) {
                    step = name;
                    System.out.printf(Locale.ROOT, "  %6.1f s  %s%n", (System.nanoTime() - t0) / 1e9, name);
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public void log(String message) {
                System.out.printf(Locale.ROOT, "  %6.1f s  %s%n", (System.nanoTime() - t0) / 1e9, message);
            }
        };
    }
}
