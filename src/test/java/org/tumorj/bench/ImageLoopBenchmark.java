package org.tumorj.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tumorj.annotation.RoiSetZip;
import org.tumorj.api.TumorJ;
import org.tumorj.dataset.AnnotationReader;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.StudySet;
import org.tumorj.dataset.TrainingData;
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
 *   scripts/bench ImageLoopBenchmark /tmp/bigct [--rounds 3]
 * </pre>
 */
public final class ImageLoopBenchmark {

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int rounds = args.length > 2 && args[1].equals("--rounds") ? Integer.parseInt(args[2]) : 3;
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
        }
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
