package org.tumorj.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.annotation.DicomAnnotations;
import org.tumorj.annotation.RoiSetZip;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.Backbones;
import org.tumorj.dataset.AnnotationReader;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.NiftiStudies;
import org.tumorj.dataset.StudySet;
import org.tumorj.dataset.TrainingData;
import org.tumorj.detect.DetectionParams;
import org.tumorj.detect.Detections;
import org.tumorj.dicom.DicomReader;
import org.tumorj.features.BankCache;
import org.tumorj.dataset.Study;
import org.tumorj.dataset.VolumeLoader;
import org.tumorj.evaluation.DetectionEvaluation;
import org.tumorj.evaluation.EvaluationReport;
import org.tumorj.interop.Algorithm;
import org.tumorj.interop.DicomExport;
import org.tumorj.model.ModelBundle;
import org.tumorj.pipeline.BatchDetection;
import org.tumorj.pipeline.Bundles;
import org.tumorj.pipeline.DetectorTraining;
import org.tumorj.pipeline.DicomStudies;
import org.tumorj.pipeline.FeatureChoice;
import org.tumorj.pipeline.ImageTrainingPlan;
import org.tumorj.pipeline.StudyEvaluation;
import org.tumorj.pipeline.StudyOutputs;
import org.tumorj.pipeline.StudyShard;
import org.tumorj.pipeline.TrainSettings;
import org.tumorj.pipeline.TrainedDetector;
import org.tumorj.privacy.Deidentifier;
import org.tumorj.train.TrainingListener;
import org.tumorj.util.AtomicFiles;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * What a lab does with TumorJ, one call each: {@link #train}, {@link #detectFolder},
 * {@link #detectVolume}, {@link #evaluate}. Each opens what it needs (the pretrained network, a
 * model bundle with its network), runs, writes its files atomically, and closes what it opened.
 */
public final class TumorJ {
    private TumorJ() {}

    /**
     * What to train on and where the bundle goes.
     *
     * @param studies a folder of annotated studies
     * @param extra studies already in memory (Fiji's open image with its ROI Manager); each
     *     replaces the folder's study of the same id
     * @param roiGroupNames names of ROI groups in {@code RoiSet.zip}s (Fiji knows them; elsewhere none)
     * @param members detectors in the ensemble ({@link DetectorTraining#withMembers}); 0 for the modality's default
     */
    public record TrainingRequest(TrainSettings settings, FeatureChoice features, Path studies, List<LoadedStudy> extra,
            IntFunction<String> roiGroupNames, Path model, int members) {}

    /** Trains a detector and saves its bundle. */
    public static ModelBundle train(TrainingRequest r, Progress progress, TrainingListener listener) throws IOException {
        String series = r.settings().seriesDescription();
        List<LoadedStudy> all = new ArrayList<>(TrainingData.load(StudySet.open(r.studies()), new NiftiStudies(series,
                new DicomStudies(DicomReader.standard(), series, progress), progress),
                AnnotationReader.standard(r.roiGroupNames()), progress));
        for (LoadedStudy s : r.extra()) {
            if (all.removeIf(other -> other.id().equals(s.id()))) {
                progress.log("study " + s.id() + ": the folder's copy replaced by the one given");
            }
            all.add(s);
        }
        try (Backbone backbone = Backbones.openDefault()) {
            ModelBundle bundle = new DetectorTraining(backbone, r.settings()).withFeatures(r.features())
                    .withMembers(r.members()).train(all, progress, listener);
            bundle.save(r.model(), progress);
            return bundle;
        }
    }

    /**
     * Training on one open image, Fiji's annotate-train-review loop.
     *
     * @param image the image with the regions drawn on it
     * @param others a folder of other annotated studies, or null; its study of the image's id is replaced by the image
     * @param roiGroupNames names of ROI groups in the others' {@code RoiSet.zip}s
     */
    public record ImageTraining(TrainSettings settings, FeatureChoice features, LoadedStudy image, Path others,
            IntFunction<String> roiGroupNames) {}

    /**
     * What training on an image gave: the model, not yet saved, and what it finds on the image it
     * was trained on (its map there shows what it learnt, not how well it does on new images).
     *
     * @param validation what was held out to choose the threshold (the log line)
     */
    public record ImageTrainingResult(ModelBundle bundle, Detections detections, String validation) {}

    /** Trains on the image as {@link ImageTrainingPlan} splits it, then detects on the whole image. */
    public static ImageTrainingResult trainOnImage(ImageTraining r, Progress progress, TrainingListener listener)
            throws IOException {
        List<LoadedStudy> others = new ArrayList<>();
        if (r.others() != null) {
            others.addAll(TrainingData.load(StudySet.open(r.others()), new DicomStudies(DicomReader.standard(),
                    r.settings().seriesDescription(), progress), AnnotationReader.standard(r.roiGroupNames()), progress));
            if (others.removeIf(s -> s.id().equals(r.image().id()))) {
                progress.log("study " + r.image().id() + ": the folder's copy replaced by the open image");
            }
        }
        ImageTrainingPlan plan = ImageTrainingPlan.of(r.image(), others, r.settings());
        // One round reads each slice's filter bank in five passes; computed once, kept for the round only.
        try (BankCache.Scope banks = BankCache.open(BankCache.defaultBudget());
                Backbone backbone = Backbones.openDefault()) {
            ModelBundle bundle = new DetectorTraining(backbone, r.settings()).withFeatures(r.features()).withOneStage()
                    .train(plan.studies(), plan.split(), plan.describe(), progress, listener)
                    .withTrainingRecord(ImageTrainingPlan.KEY, plan.record());
            TrainedDetector detector = new TrainedDetector(backbone, bundle);
            Volume volume = r.image().volume();
            Detections d = detector.detect(volume, r.image().id(), detector.defaultParams(volume), progress);
            progress.log("filter banks: " + banks.cache());
            return new ImageTrainingResult(bundle, d, plan.describe());
        }
    }

    /**
     * A model run over a folder of studies.
     *
     * @param series SeriesDescription pattern; null or blank for the one the model was trained on
     * @param deidentifySalt pseudonymous outputs (PS3.15 basic profile) with this salt; null or blank for off
     * @param candidates also write {@code candidates.csv}, every finding down to the candidate floor
     * @param skipExisting leave studies whose outputs are complete (resume a batch)
     * @param dicomExports DICOM objects to write per study beside the CSV ({@code seg.dcm}, {@code rtstruct.dcm});
     *     empty for none
     * @param shard the part of the folder's studies to detect in ({@link StudyShard#ALL}: every one)
     */
    public record FolderDetection(Path model, Path input, Path output, String series, boolean includePatientId,
            String deidentifySalt, boolean allowOtherSeries, boolean candidates, boolean skipExisting,
            Set<DicomExport> dicomExports, StudyShard shard) {

        public FolderDetection {
            dicomExports = dicomExports == null ? Set.of() : Set.copyOf(dicomExports);
            shard = shard == null ? StudyShard.ALL : shard;
        }

        /** The whole folder, without DICOM exports. */
        public FolderDetection(Path model, Path input, Path output, String series, boolean includePatientId,
                String deidentifySalt, boolean allowOtherSeries, boolean candidates, boolean skipExisting) {
            this(model, input, output, series, includePatientId, deidentifySalt, allowOtherSeries, candidates,
                    skipExisting, Set.of(), StudyShard.ALL);
        }
    }

    /** Detects in every study of a folder and writes each study's files; one study's failure does not stop the rest. */
    public static BatchDetection.Summary detectFolder(FolderDetection r, Progress progress) throws IOException {
        try (OpenedModel opened = openModel(r.model())) {
            return batch(opened, r, progress).inShard(r.shard()).run(r.input(), r.output(), r.skipExisting(), progress);
        }
    }

    /**
     * A model bundle opened with its network, for many detections: a batch engine (a Spark
     * executor) opens it once per process and detects study after study with it. Close it to free
     * the network's native memory.
     */
    public static final class OpenedModel implements AutoCloseable {
        private final Bundles.Opened opened;
        /** How DICOM exports name the model: read once here, where reading may fail. */
        private final Algorithm algorithm;

        private OpenedModel(Bundles.Opened opened, Algorithm algorithm) {
            this.opened = opened;
            this.algorithm = algorithm;
        }

        @Override
        public void close() {
            opened.close();
        }
    }

    /**
     * Checks, without loading the network or TensorFlow, that {@code model} is a readable model
     * bundle (its manifest and checksums): a batch engine's driver calls it before any worker
     * starts, so a wrong path fails in a second with the folder's name.
     */
    public static void checkModel(Path model) throws IOException {
        if (!java.nio.file.Files.isDirectory(model)) {
            throw new IOException(model + ": no model bundle here (expected a folder written by ./tumorj train or"
                    + " Train Tumor Detector)");
        }
        ModelBundle.read(model);
    }

    /** Opens a model bundle and the network it runs on; fails with the folder's name when there is none. */
    public static OpenedModel openModel(Path model) throws IOException {
        Bundles.Opened opened = Bundles.open(model);
        try {
            return new OpenedModel(opened, Bundles.algorithm(model, opened.detector().bundle()));
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /**
     * Detects in one study of a batch, with a model already open, and writes its folder
     * {@code r.output()/<study>} exactly as {@link #detectFolder} does for that study (the same
     * files, byte for byte); {@code r.model()}, {@code r.input()} and {@code r.shard()} are not
     * read. A study that cannot be detected comes back as a failed result, not an exception.
     *
     * @param study one study: a study folder, a series folder or a radiograph file, as
     *     {@link #studies} lists them
     * @param position how the log names the study's place in its batch, e.g. {@code 3/40}
     */
    public static BatchDetection.StudyResult detectStudy(OpenedModel model, FolderDetection r, Path study,
            String position, Progress progress) {
        return batch(model, r, progress).detectStudy(study, r.output(), r.skipExisting(), position, progress);
    }

    /**
     * The name {@link #detectStudy} gives a study's output folder under {@code r.output()}: the
     * study folder's name, or its pseudonym when {@code r} de-identifies.
     */
    public static String studyLabel(OpenedModel model, FolderDetection r, Path study) {
        return batch(model, r, Progress.none()).studyLabel(study);
    }

    /**
     * The files a complete study's output folder holds for {@code r}'s options ({@code detections.csv}
     * first): a study whose folder holds them all is skipped when {@code r.skipExisting()}.
     */
    public static List<String> studyFiles(OpenedModel model, FolderDetection r) {
        return batch(model, r, Progress.none()).outputFiles();
    }

    /** The studies of a folder, in the order a batch detects them (see {@link BatchDetection#studies}). */
    public static List<Path> studies(Path input) throws IOException {
        return BatchDetection.studies(input);
    }

    /** As {@link #studies(Path)}, naming in {@code progress} each folder that is not taken for a study, and why. */
    public static List<Path> studies(Path input, Progress progress) throws IOException {
        return BatchDetection.studies(input, progress);
    }

    private static BatchDetection batch(OpenedModel model, FolderDetection r, Progress progress) {
        Bundles.Opened opened = model.opened;
        StudyOutputs outputs = StudyOutputs.standard(r.includePatientId());
        if (r.candidates()) {
            outputs = outputs.andThen(StudyOutputs.candidates(opened.detector(), r.includePatientId()));
        }
        if (!r.dicomExports().isEmpty()) {
            outputs = outputs.andThen(StudyOutputs.dicomObjects(r.dicomExports(), model.algorithm));
        }
        // annotated studies (a held-out set) get the reference standard drawn in their previews
        return new BatchDetection(opened.detector(), studies(opened, r.series(), progress), outputs,
                deidentifier(r.deidentifySalt())).allowingOtherSeries(r.allowOtherSeries())
                .showingAnnotations(AnnotationReader.standard(RoiSetZip.NO_GROUP_NAMES), AnnotationClasses.defaults());
    }

    /**
     * A model run on one volume already in memory (Fiji's open image).
     *
     * @param threshold a probability in (0, 1), or 0 for the model's own
     * @param output a folder to write the study's files into (a subfolder named by the study), or null
     */
    public record VolumeDetection(Path model, Volume volume, String studyId, double threshold, String deidentifySalt,
            boolean allowOtherSeries, Path output) {}

    /**
     * What one volume's detection gave.
     *
     * @param folder where its files went, or null
     * @param algorithm how DICOM objects of these findings name the model ({@link #exportVolume})
     */
    public record VolumeResult(Detections detections, Path folder, Algorithm algorithm) {}

    /**
     * Detects in one volume (de-identified first when asked); warns, in the progress log and in
     * the written folder, when the series is not of the kind the model was trained on.
     */
    public static VolumeResult detectVolume(VolumeDetection r, Progress progress) throws IOException {
        if (r.threshold() < 0 || r.threshold() >= 1) {
            throw new IllegalArgumentException("threshold=" + r.threshold() + ": give a probability in (0, 1), or 0 for"
                    + " the model's own threshold");
        }
        Deidentifier deidentifier = deidentifier(r.deidentifySalt());
        Volume volume = deidentifier == null ? r.volume() : deidentifier.apply(r.volume());
        String study = deidentifier == null ? r.studyId() : deidentifier.studyLabel(r.studyId());
        Detections d;
        List<String> warnings;
        Algorithm algorithm;
        try (Bundles.Opened opened = Bundles.open(r.model())) {
            algorithm = Bundles.algorithm(r.model(), opened.detector().bundle());
            warnings = opened.detector().trainedOn().check(r.volume().info(), r.allowOtherSeries());
            warnings.forEach(w -> progress.log(study + ": " + w));
            DetectionParams params = opened.detector().defaultParams(volume);
            d = opened.detector().detect(volume, study, r.threshold() > 0 ? params.withThreshold(r.threshold()) : params,
                    progress);
        }
        Path folder = r.output() == null ? null : r.output().resolve(study);
        if (folder != null) {
            Detections found = d;
            AtomicFiles.writeDirectory(folder, dir -> {
                StudyOutputs.standard(false).write(dir, volume, found);
                BatchDetection.writeWarnings(dir, warnings);
            });
        }
        return new VolumeResult(d, folder, algorithm);
    }

    /**
     * One volume's findings written as DICOM objects (Fiji's Export Findings as DICOM).
     *
     * @param volume the series as detected on, with the source header read from its files
     *     ({@link org.tumorj.volume.SourceHeader}); not de-identified
     * @param deidentifySalt the salt the findings were made with (their UIDs are pseudonyms), null
     *     or blank for none: the objects then get the same pseudonyms
     * @param output the objects go into {@code output/<study>}, beside what detection wrote there
     */
    public record VolumeExport(Volume volume, Detections detections, Algorithm algorithm, String deidentifySalt,
            Set<DicomExport> exports, Path output) {}

    /**
     * Writes the objects asked for, each atomically, as {@code ./tumorj detect --export} writes them
     * (a SEG or RTSTRUCT only when there are findings; without findings, one left in the folder by
     * an earlier export is removed: it showed other findings).
     *
     * @return the files written, in {@link DicomExport} order
     * @throws IllegalArgumentException nothing asked for, findings of another series, or a volume
     *     the objects cannot reference
     */
    public static List<Path> exportVolume(VolumeExport r) throws IOException {
        if (r.exports().isEmpty()) {
            throw new IllegalArgumentException("no DICOM object asked for: choose seg, rtstruct or seg-fractional");
        }
        Deidentifier deidentifier = deidentifier(r.deidentifySalt());
        Volume volume = deidentifier == null ? r.volume() : deidentifier.apply(r.volume());
        Detections d = r.detections();
        if (!volume.info().sopInstanceUids().equals(d.info().sopInstanceUids())) {
            throw new IllegalArgumentException(d.study() + ": the findings were made on another series (or with"
                    + " another de-identification salt) than " + volume.info().seriesInstanceUid()
                    + "; run Detect Tumors on this image again");
        }
        Path folder = java.nio.file.Files.createDirectories(r.output().resolve(d.study()));
        StudyOutputs.dicomObjects(r.exports(), r.algorithm()).write(folder, volume, d);
        List<Path> written = new ArrayList<>();
        for (DicomExport e : r.exports().stream().sorted().toList()) {
            if (e.needsFindings() && d.findings().isEmpty()) {
                // an object of earlier findings left there would pass for this image's
                java.nio.file.Files.deleteIfExists(folder.resolve(e.fileName()));
            } else {
                written.add(folder.resolve(e.fileName()));
            }
        }
        return written;
    }

    /**
     * A model scored on annotated held-out studies.
     *
     * @param report where the JSON report goes
     * @param threshold a probability overriding the model's, or 0 for the model's own
     */
    public record Evaluation(Path model, Path studies, Path report, String series, boolean allowOtherSeries,
            double threshold, String deidentifySalt, IntFunction<String> roiGroupNames) {}

    /** Detects in each study, scores the findings against its annotations, writes the report. */
    public static EvaluationReport evaluate(Evaluation r, Progress progress) throws IOException {
        EvaluationReport report;
        try (Bundles.Opened opened = Bundles.open(r.model())) {
            report = StudyEvaluation.evaluate(opened.detector(), r.studies(), opened.detector().trainedOn().guard(
                    new NiftiStudies(pattern(opened, r.series()), studies(opened, r.series(), progress), progress),
                    r.allowOtherSeries(), progress), AnnotationReader.standard(r.roiGroupNames()),
                    AnnotationClasses.defaults(), r.threshold(), deidentifier(r.deidentifySalt()), progress).report();
        }
        report.writeJson(r.report());
        return report;
    }

    /** The annotated studies of a folder, in the order {@link #evaluate} scores them. */
    public static List<Path> evaluationStudies(Path studies) throws IOException {
        return StudySet.open(studies).studies().stream().map(Study::dir).toList();
    }

    /**
     * One annotated study (a folder, or an MSD NIfTI image) scored as {@link #evaluate} scores
     * each study of its folder, with {@code model} already open ({@code r.model()},
     * {@code r.studies()} and {@code r.report()} are not read): studies scored apart, one Spark task
     * each, pool ({@link #pooledEvaluation}) into the report {@code evaluate} writes for them.
     */
    public static DetectionEvaluation.StudyScores evaluateStudy(OpenedModel model, Evaluation r, Path study,
            Progress progress) throws IOException {
        Bundles.Opened opened = model.opened;
        VolumeLoader volumes = opened.detector().trainedOn().guard(new NiftiStudies(pattern(opened, r.series()),
                studies(opened, r.series(), progress), progress), r.allowOtherSeries(), progress);
        Study s = java.nio.file.Files.isDirectory(study) ? Study.of(study) : new Study(StudySet.id(study), study, "");
        LoadedStudy loaded = LoadedStudy.load(s, volumes, AnnotationReader.standard(r.roiGroupNames()));
        Deidentifier d = deidentifier(r.deidentifySalt());
        if (d != null) {
            loaded = StudyEvaluation.deidentified(loaded, d);
        }
        return DetectionEvaluation.score(StudyEvaluation.evaluationCase(opened.detector(), loaded,
                AnnotationClasses.defaults(), r.threshold(), progress));
    }

    /** Studies scored apart ({@link #evaluateStudy}) pooled, in their order, into {@code evaluate}'s report. */
    public static EvaluationReport pooledEvaluation(List<DetectionEvaluation.StudyScores> studies) {
        return DetectionEvaluation.pool(studies);
    }

    /**
     * The contours of an RT Structure Set or the segments of a DICOM Segmentation (any file name)
     * as regions on a series' slices, labelled by ROI or segment name.
     */
    public static List<Annotation> readDicomAnnotations(Path file, VolumeInfo series) throws IOException {
        return DicomAnnotations.read(file, series);
    }

    /**
     * A NIfTI label map ({@code .nii}, {@code .nii.gz}) of a series as annotations: it must lie on
     * the series' voxel grid (same size, first and last voxel within 0.1 voxel); values are named
     * by its {@code labels.json} or a {@code dataset.json} beside it or one folder up, else every
     * nonzero value is {@code tumor}.
     *
     * @throws IOException naming the file when it is not NIfTI or its grid is not the series'
     */
    public static List<Annotation> readLabelMapAnnotations(Path file, VolumeInfo series) throws IOException {
        return org.tumorj.annotation.LabelMapAnnotations.read(file, "the series " + series.seriesInstanceUid(), series,
                org.tumorj.nifti.NiftiStudy.labelNamesOf(file));
    }

    /** One line: sensitivity, false positives per study, Dice, as the commands print it. */
    public static String summary(EvaluationReport report) {
        return StudyEvaluation.summary(report);
    }

    /** Study folders read as the model expects: this series pattern, else the one it was trained on. */
    private static DicomStudies studies(Bundles.Opened opened, String series, Progress progress) {
        return new DicomStudies(DicomReader.standard(), pattern(opened, series), progress);
    }

    private static String pattern(Bundles.Opened opened, String series) {
        return series == null || series.isBlank() ? opened.detector().trainedOn().pattern() : series;
    }

    private static Deidentifier deidentifier(String salt) {
        return salt == null || salt.isBlank() ? null : new Deidentifier(salt);
    }
}
