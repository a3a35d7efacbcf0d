package org.tumorj.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.annotation.RoiSetZip;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.Backbones;
import org.tumorj.dataset.AnnotationReader;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Study;
import org.tumorj.dataset.StudySet;
import org.tumorj.dataset.VolumeLoader;
import org.tumorj.detect.Detections;
import org.tumorj.dicom.DicomReader;
import org.tumorj.evaluation.EvaluationReport;
import org.tumorj.evaluation.LesionMatching;
import org.tumorj.model.ModelBundle;
import org.tumorj.pipeline.DetectorTraining;
import org.tumorj.pipeline.DicomStudies;
import org.tumorj.pipeline.StudyEvaluation;
import org.tumorj.pipeline.StudyOutputs;
import org.tumorj.pipeline.TrainSettings;
import org.tumorj.pipeline.TrainedDetector;
import org.tumorj.train.TrainingListener;
import org.tumorj.util.AtomicFiles;
import org.tumorj.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./tumorj demo [--out DIR] [--modalities ct,mr,xr]}: the end-to-end run on the shipped
 * phantom studies, once per modality. For each it trains on all but the last studies, detects on
 * the held-out ones, evaluates against their annotations and writes every output a lab would get
 * (model bundle, per-study CSV/TIFF/PNG, evaluation JSON), then prints one line per modality.
 */
@Command(name = "demo", description = {"End-to-end demo on the shipped CT, MR and radiograph phantoms.",
    "Per modality: train on all but the last studies, detect on the held-out ones, evaluate, one result line."})
public final class DemoCommand implements CliCommand {
    static final int HELD_OUT = 2;
    /**
     * Radiographs hold one or two nodules each: 6 held-out studies (15 nodules) keep the FROC
     * point's 95 % interval near +-0.26 instead of +-0.5 with 2 (docs/radiographs-quality.md).
     */
    static final int HELD_OUT_RADIOGRAPHS = 6;
    /** The shipped phantom sets, in the order the demo runs them: folder under test-images/phantoms. */
    static final List<String> MODALITIES = List.of("ct", "mr", "xr");
    /** The MR phantoms carry T2 and T1-post series; their annotations were drawn on T2. */
    static final String MR_SERIES = "T2";

    @Option(names = "--out", paramLabel = "DIR", description = "Where everything goes (default: ${DEFAULT-VALUE}).")
    Path outOption = Path.of("tumorj-demo-output");

    @Option(names = "--modalities", paramLabel = "ct,mr,xr", description = "The shipped phantom sets to run (default: ${DEFAULT-VALUE}).")
    String modalities = String.join(",", MODALITIES);

    @Option(names = "--phantoms", paramLabel = "DIR", description = "Run on this folder of annotated studies instead of the shipped sets.")
    Path phantoms;

    @Option(names = "--series", paramLabel = "REGEX", description = "With --phantoms: the series to use (default: the only one).")
    String series = "";

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the trainings (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Mixin Verbosity verbosity;

    @Override
    public Integer call() throws Exception {
        Path out = outOption.toAbsolutePath();
        List<Part> parts = new ArrayList<>();
        if (phantoms != null) {
            parts.add(new Part(phantoms.getFileName().toString(), phantoms, out, series, HELD_OUT));
        } else {
            for (String m : modalities.split(",")) {
                String name = m.strip().toLowerCase(Locale.ROOT);
                if (!MODALITIES.contains(name)) {
                    throw new CliException("--modalities takes a comma-separated list of " + MODALITIES + ", got '" + m + "'");
                }
                parts.add(new Part(name, home().resolve("test-images/phantoms").resolve(name), out.resolve(name),
                        name.equals("mr") ? MR_SERIES : "", name.equals("xr") ? HELD_OUT_RADIOGRAPHS : HELD_OUT));
            }
        }
        Progress progress = verbosity.console();
        for (Part part : parts) { // fail before any training when a folder is missing or too small
            part.check();
        }
        long started = System.nanoTime();
        List<String> lines = new ArrayList<>();
        try (Backbone backbone = Backbones.openDefault()) {
            for (Part part : parts) {
                lines.add(part.name() + ": " + StudyEvaluation.summary(part.run(backbone, seed, progress)));
            }
        }
        System.out.println("held-out results per modality:");
        lines.forEach(l -> System.out.println("  " + l));
        AtomicFiles.writeString(out.resolve("summary.txt"), String.join("\n", lines) + "\n");
        System.out.printf("demo finished in %.0f s; everything is under %s%n", seconds(started), out);
        return 0;
    }

    /**
     * One modality's run: its phantom folder, where its outputs go, the series to use (blank: the
     * only one) and how many of the last studies are held out.
     */
    private record Part(String name, Path phantoms, Path out, String series, int heldOutCount) {
        void check() throws IOException, CliException {
            if (StudySet.open(phantoms).studies().size() <= heldOutCount + 1) {
                throw CliException.forFile(phantoms, "the demo needs at least " + (heldOutCount + 2) + " annotated studies");
            }
        }

        EvaluationReport run(Backbone backbone, long seed, Progress progress) throws IOException {
            List<Study> studies = StudySet.open(phantoms).studies();
            List<Study> training = studies.subList(0, studies.size() - heldOutCount);
            List<Study> heldOut = studies.subList(studies.size() - heldOutCount, studies.size());
            VolumeLoader volumes = new DicomStudies(DicomReader.standard(), series, progress);
            System.out.println("TumorJ demo, " + name + ": " + training.size() + " phantom studies to train on, "
                    + heldOut.size() + " held out, from " + phantoms);
            Files.createDirectories(out);
            long started = System.nanoTime();
            List<LoadedStudy> trainingStudies = load(training, volumes);
            // what `./tumorj train` does without options: input encoding chosen by the studies' modality
            TrainSettings d = TrainSettings.defaults(seed);
            TrainSettings settings = TrainSettings.of(seed, d.training().maxEpochs(), d.adjacentSlices(), "modality",
                    d.inputScale(), "", "", d.validationFraction(), series);
            ModelBundle bundle = new DetectorTraining(backbone, settings).train(trainingStudies, progress,
                    TrainingListener.none());
            Path model = out.resolve("model");
            bundle.save(model, progress);
            System.out.printf("%s: trained in %.0f s; model bundle: %s%n", name, seconds(started), model);

            TrainedDetector detector = new TrainedDetector(backbone, bundle);
            List<LoadedStudy> testStudies = load(heldOut, volumes);
            StudyEvaluation.Result result = StudyEvaluation.evaluate(detector, testStudies,
                    AnnotationClasses.defaults(), 0, progress);
            Path detections = out.resolve("detections");
            writeOutputs(result.detections(), testStudies, detections);
            Path report = out.resolve("evaluation.json");
            result.report().writeJson(report);
            System.out.println(name + " held-out evaluation: " + StudyEvaluation.summary(result.report()));
            System.out.println(name + " per-study results (detections.csv, overlay.tif, heatmap.tif, preview.png): " + detections);
            return result.report();
        }
    }

    private static List<LoadedStudy> load(List<Study> studies, VolumeLoader volumes) throws IOException {
        List<LoadedStudy> loaded = new ArrayList<>();
        for (Study s : studies) {
            loaded.add(LoadedStudy.load(s, volumes, AnnotationReader.standard(RoiSetZip.NO_GROUP_NAMES)));
        }
        return loaded;
    }

    /**
     * The held-out studies' files, from the volumes already loaded for the evaluation; their
     * previews show the annotated lesions, hit or missed, as the evaluation counted them.
     */
    private static void writeOutputs(List<Detections> all, List<LoadedStudy> studies, Path folder) throws IOException {
        var outputs = StudyOutputs.standard(false);
        for (int i = 0; i < all.size(); i++) {
            Detections d = all.get(i);
            LoadedStudy s = studies.get(i);
            LesionMatching matching = LesionMatching.ofAnnotations(d, s.volume().info(), s.annotations(),
                    AnnotationClasses.defaults());
            AtomicFiles.writeDirectory(folder.resolve(d.study()), dir -> outputs.write(dir, s.volume(), d, matching));
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
