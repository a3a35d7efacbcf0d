package org.tumorj.cli;

import org.tumorj.ij.PipelineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.Backbones;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Study;
import org.tumorj.dataset.StudySet;
import org.tumorj.dataset.VolumeLoader;
import org.tumorj.detect.Detections;
import org.tumorj.ij.DetectionOutputs;
import org.tumorj.metrics.EvaluationReport;
import org.tumorj.model.ModelBundle;
import org.tumorj.pipeline.DetectorTraining;
import org.tumorj.pipeline.DicomStudies;
import org.tumorj.pipeline.StudyEvaluation;
import org.tumorj.pipeline.TrainSettings;
import org.tumorj.pipeline.TrainedDetector;
import org.tumorj.train.TrainingListener;
import org.tumorj.util.AtomicFiles;
import org.tumorj.util.Progress;

/**
 * {@code ./tumorj demo [--out DIR]}: the end-to-end run on the shipped phantom studies. Trains on
 * some CT studies, detects on the held-out ones, evaluates against their annotations and writes
 * every output a lab would get (model bundle, per-study CSV/TIFF/PNG, evaluation JSON).
 */
public final class DemoCommand implements CliCommand {
    static final int HELD_OUT = 2;

    @Override public String name() { return "demo"; }

    @Override public String summary() {
        return "end-to-end demo on the shipped phantoms: train, detect on held-out studies, evaluate";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Options o = Options.parse(args, Set.of("out", "phantoms", "seed"), Set.of());
        Path phantoms = Path.of(o.get("phantoms", home().resolve("test-images/phantoms/ct").toString()));
        Path out = Path.of(o.get("out", "tumorj-demo-output")).toAbsolutePath();
        Progress progress = new ConsoleProgress(System.out);
        List<Study> studies = StudySet.open(phantoms).studies();
        if (studies.size() <= HELD_OUT + 1) {
            throw CliException.forFile(phantoms, "the demo needs at least " + (HELD_OUT + 2) + " annotated studies");
        }
        List<Study> training = studies.subList(0, studies.size() - HELD_OUT);
        List<Study> heldOut = studies.subList(studies.size() - HELD_OUT, studies.size());
        VolumeLoader volumes = DicomStudies.standard(progress);
        System.out.println("TumorJ demo: " + training.size() + " CT phantom studies to train on, " + heldOut.size()
                + " held out, from " + phantoms);
        Files.createDirectories(out);
        long started = System.nanoTime();
        try (Backbone backbone = Backbones.openDefault()) {
            TrainSettings settings = TrainSettings.defaults((long) o.getDouble("seed", 42));
            ModelBundle bundle = new DetectorTraining(backbone, settings).train(load(training, volumes), progress,
                    TrainingListener.none());
            Path model = out.resolve("model");
            bundle.save(model, progress);
            System.out.printf("trained in %.0f s; model bundle: %s%n", seconds(started), model);

            TrainedDetector detector = new TrainedDetector(backbone, bundle);
            List<LoadedStudy> testStudies = load(heldOut, volumes);
            StudyEvaluation.Result result = StudyEvaluation.evaluate(detector, testStudies,
                    AnnotationClasses.defaults(), 0, progress);
            Path detections = out.resolve("detections");
            writeOutputs(result.detections(), testStudies, detections);
            Path report = out.resolve("evaluation.json");
            result.report().writeJson(report);
            System.out.println("held-out evaluation: " + StudyEvaluation.summary(result.report()));
            System.out.println("per-study results (detections.csv, overlay.tif, heatmap.tif, preview.png): " + detections);
            System.out.println("evaluation report: " + report);
        }
        System.out.printf("demo finished in %.0f s; everything is under %s%n", seconds(started), out);
        return 0;
    }

    private static List<LoadedStudy> load(List<Study> studies, VolumeLoader volumes) throws IOException {
        List<LoadedStudy> loaded = new ArrayList<>();
        for (Study s : studies) {
            loaded.add(LoadedStudy.load(s, volumes, PipelineSettings.annotations()));
        }
        return loaded;
    }

    /** The held-out studies' files, from the volumes already loaded for the evaluation. */
    private static void writeOutputs(List<Detections> all, List<LoadedStudy> studies, Path folder) throws IOException {
        var outputs = DetectionOutputs.all(false);
        for (int i = 0; i < all.size(); i++) {
            Detections d = all.get(i);
            var volume = studies.get(i).volume();
            AtomicFiles.writeDirectory(folder.resolve(d.study()), dir -> outputs.write(dir, volume, d));
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** The TumorJ checkout, set by the launcher; the working folder otherwise. */
    static Path home() {
        return Path.of(System.getProperty("tumorj.home", "."));
    }
}
