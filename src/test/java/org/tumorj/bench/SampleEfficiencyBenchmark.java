package org.tumorj.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.Backbones;
import org.tumorj.backbone.ChannelMode;
import org.tumorj.backbone.FloatTensor;
import org.tumorj.backbone.Preprocessing;
import org.tumorj.backbone.InputWindow;
import org.tumorj.dataset.Augmentation;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Patch;
import org.tumorj.dataset.PatchSampler;
import org.tumorj.dataset.SamplingConfig;
import org.tumorj.dataset.Study;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomGenerator;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.phantom.PhantomStudy;
import org.tumorj.phantom.VesselTruth;
import org.tumorj.pipeline.ModelInput;
import org.tumorj.pipeline.WorkingResolution;
import org.tumorj.train.EpochRecord;
import org.tumorj.train.FeatureSet;
import org.tumorj.train.FineTuner;
import org.tumorj.train.HeadTrainer;
import org.tumorj.train.PatchImages;
import org.tumorj.train.TrainingListener;
import org.tumorj.train.TrainingMode;
import org.tumorj.train.TrainingOptions;
import org.tumorj.train.TrainingResult;
import org.tumorj.util.Progress;

/**
 * Sample efficiency of transfer learning on seeded CT phantoms: validation AUC (patch level) with
 * 10, 20, 50 and 100 annotated regions per class for (a) the pretrained backbone + head on cached
 * features (HEAD_ONLY), (b) pretrained + top blocks unfrozen, (c) the same network from random
 * initialisation. Positive regions are lesion outlines; negative regions alternate between vessel
 * cross-sections (the look-alikes) and normal-tissue discs. The validation studies and their
 * patches are fixed: every lesion outline, every vessel cross-section (at most 12 per study),
 * every normal region and one patch of unannotated tissue per annotated slice. Also times "train
 * the head on 200 annotated patches, features included" at 224 pixels.
 *
 * <p>With {@code --modality xr} the same table on chest-radiograph phantoms, prepared as the
 * product prepares radiographs: 16 training + 6 validation studies (seed 2026, study numbers from
 * {@value #XR_FIRST_STUDY}, so none is a shipped one), each brought to the working resolution
 * ({@link WorkingResolution#defaults()}), patches encoded through the study's own presentation
 * curve ({@link ModelInput#forVolume}, 2D). Positives are the nodule outlines; negatives alternate
 * between end-on vessel dots (the ground truth's vessels, the look-alikes) and the phantom's
 * {@code normal-lung} discs. A radiograph has one region per nodule, so counts above what the
 * training studies hold are replaced by all of them. The 224-pixel timing is CT only.
 * <pre>scripts/bench SampleEfficiencyBenchmark [--modality ct|xr] [patchSize=96] [repeats=2] [maxEpochs=12] [unfrozenBlocks=2] [counts=10,20,50,100] [trainStudies] [validationStudies]</pre>
 */
public final class SampleEfficiencyBenchmark {
    private static final long DATA_SEED = 2026;
    private static final int CT_TRAIN_STUDIES = 12;
    private static final int CT_VALIDATION_STUDIES = 4;
    private static final int XR_TRAIN_STUDIES = 16;
    private static final int XR_VALIDATION_STUDIES = 6;
    /** XR studies are numbered from here: the shipped ones are 1..n of the same seed. */
    private static final int XR_FIRST_STUDY = 1001;
    private static final int PATCHES_PER_REGION = 2;
    private static final int VESSELS_PER_VALIDATION_STUDY = 12;
    private static final AnnotationClasses CLASSES = AnnotationClasses.defaults();

    private final int patchSize;
    private final int repeats;
    private final int maxEpochs;
    private final int unfrozenBlocks;
    private final int[] counts;
    private final PhantomModality modality;
    private final int trainCount;
    private final int validationCount;
    private final List<Source> trainStudies = new ArrayList<>();
    private final List<Source> validationStudies = new ArrayList<>();
    /** XR: each study's input encoding, its presentation curve resolved (by study id). */
    private final Map<String, ModelInput> inputs = new LinkedHashMap<>();

    private SampleEfficiencyBenchmark(String[] all) {
        List<String> rest = new ArrayList<>(List.of(all));
        int m = rest.indexOf("--modality");
        modality = m < 0 ? PhantomModality.CT : PhantomModality.parse(rest.get(m + 1));
        if (m >= 0) {
            rest.subList(m, m + 2).clear();
        }
        if (modality != PhantomModality.CT && modality != PhantomModality.XR) {
            throw new IllegalArgumentException("--modality must be ct or xr, got " + modality);
        }
        String[] args = rest.toArray(String[]::new);
        boolean xr = modality == PhantomModality.XR;
        patchSize = args.length > 0 ? Integer.parseInt(args[0]) : 96;
        repeats = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        maxEpochs = args.length > 2 ? Integer.parseInt(args[2]) : 12;
        unfrozenBlocks = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        counts = args.length > 4 ? java.util.Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {10, 20, 50, 100};
        trainCount = args.length > 5 ? Integer.parseInt(args[5]) : xr ? XR_TRAIN_STUDIES : CT_TRAIN_STUDIES;
        validationCount = args.length > 6 ? Integer.parseInt(args[6]) : xr ? XR_VALIDATION_STUDIES : CT_VALIDATION_STUDIES;
    }

    public static void main(String[] args) throws IOException {
        new SampleEfficiencyBenchmark(args).run();
    }

    private void run() throws IOException {
        long t0 = System.nanoTime();
        boolean xr = modality == PhantomModality.XR;
        for (int i = 1; i <= trainCount + validationCount; i++) {
            int number = xr ? XR_FIRST_STUDY + i - 1 : i;
            PhantomStudy s = PhantomGenerator.generate(PhantomConfig.of(modality, DATA_SEED, number));
            (i <= trainCount ? trainStudies : validationStudies).add(xr ? radiograph(s) : Source.ct(s));
        }
        if (xr) {
            LoadedStudy first = trainStudies.get(0).study();
            System.out.printf(Locale.ROOT, "phantoms: %d train + %d validation XR studies (768x768, studies %d-%d) in %.1f s;"
                            + " working resolution %.1f mm (%d x %d px), presentation window per study, 2D%n",
                    trainCount, validationCount, XR_FIRST_STUDY, XR_FIRST_STUDY + trainCount + validationCount - 1,
                    seconds(t0), WorkingResolution.DEFAULT_SPACING_MM, first.volume().width(), first.volume().height());
            System.out.printf(Locale.ROOT, "training regions available: %d nodules, %d vessel dots, %d normal-lung discs%n",
                    count(trainStudies, Source::positives), count(trainStudies, Source::vessels),
                    count(trainStudies, Source::normals));
        } else {
            System.out.printf(Locale.ROOT, "phantoms: %d train + %d validation CT studies (256x256x32) in %.1f s%n",
                    trainCount, validationCount, seconds(t0));
        }
        System.out.printf(Locale.ROOT, "setup: patch %d px, %d patches per region (augmented), %d repeat(s), fine-tuning"
                        + " up to %d epochs (patience 4), %d top blocks unfrozen, TF threads %s, cores %d, load %.1f%n",
                patchSize, PATCHES_PER_REGION, repeats, maxEpochs, unfrozenBlocks,
                System.getProperty(FineTuner.THREADS_PROPERTY, "1"), Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (Backbone backbone = Backbones.openDefault()) {
            if (!xr) {
                headOn200Patches(backbone);
            }
            sampleEfficiency(backbone);
        }
        System.out.printf(Locale.ROOT, "total %.1f s%n", seconds(t0));
    }

    // ---- the timing: 200 annotated patches at 224, features included ----

    private void headOn200Patches(Backbone backbone) {
        Preprocessing pre = preprocessing(224);
        long start = System.nanoTime();
        List<Patch> train = trainingPatches(50, 0, 224);
        List<Patch> validation = validationPatches(224);
        double sampling = seconds(start);
        long f0 = System.nanoTime();
        FeatureSet trainFeatures = features(backbone, images(train, pre));
        double trainFeatureSeconds = seconds(f0);
        long f1 = System.nanoTime();
        FeatureSet validationFeatures = features(backbone, images(validation, pre));
        double validationFeatureSeconds = seconds(f1);
        long h0 = System.nanoTime();
        TrainingResult r = new HeadTrainer(TrainingOptions.defaults()).train(trainFeatures, validationFeatures,
                Progress.none(), TrainingListener.none());
        double headSeconds = seconds(h0);
        System.out.printf(Locale.ROOT, "%nHEAD ON 200 ANNOTATED PATCHES (224 px, 50 regions per class x 2 patches)%n");
        System.out.printf(Locale.ROOT, "  sample + augment %d train and %d validation patches   %6.2f s%n", train.size(),
                validation.size(), sampling);
        System.out.printf(Locale.ROOT, "  features of the 200 training patches (DjlBackbone)      %6.2f s%n", trainFeatureSeconds);
        System.out.printf(Locale.ROOT, "  features of the %d validation patches                  %6.2f s%n", validation.size(),
                validationFeatureSeconds);
        System.out.printf(Locale.ROOT, "  train head (defaults, %d epochs, best %d)              %6.2f s%n", r.log().size(),
                r.bestEpoch(), headSeconds);
        System.out.printf(Locale.ROOT, "  total, features included                               %6.2f s  (validation AUC %.3f)%n",
                sampling + trainFeatureSeconds + validationFeatureSeconds + headSeconds, bestAuc(r.log()));
    }

    // ---- the table ----

    private void sampleEfficiency(Backbone backbone) throws IOException {
        Preprocessing pre = preprocessing(patchSize);
        PatchImages validation = images(validationPatches(patchSize), pre);
        FeatureSet validationFeatures = features(backbone, validation);
        System.out.printf(Locale.ROOT, "%nvalidation: %d patches (%d lesion, %d negative) from %d studies%n",
                validation.count(), validation.positives(), validation.count() - validation.positives(), validationCount);
        int[] counts = feasibleCounts();
        Map<String, double[][]> auc = new LinkedHashMap<>();
        Map<String, double[][]> time = new LinkedHashMap<>();
        for (String mode : List.of("a", "b", "c")) {
            auc.put(mode, new double[counts.length][repeats]);
            time.put(mode, new double[counts.length][repeats]);
        }
        for (int rep = 0; rep < repeats; rep++) {
            for (int k = 0; k < counts.length; k++) {
                int n = counts[k];
                PatchImages train = images(trainingPatches(n, rep, patchSize), pre);
                long seed = 100 + rep;
                long s0 = System.nanoTime();
                TrainingResult a = new HeadTrainer(TrainingOptions.defaults().withSeed(seed))
                        .train(features(backbone, train), validationFeatures, Progress.none(), TrainingListener.none());
                record(auc, time, "a", k, rep, bestAuc(a.log()), seconds(s0));
                for (String mode : List.of("b", "c")) {
                    long t = System.nanoTime();
                    TrainingResult r = new FineTuner(fineTuning(mode, seed)).train(train, validation, Progress.none(),
                            TrainingListener.none()).head();
                    record(auc, time, mode, k, rep, bestAuc(r.log()), seconds(t));
                    System.out.printf(Locale.ROOT, "  rep %d, %3d regions/class (%3d patches), (%s): AUC %.3f, %d epochs, %.0f s%n",
                            rep, n, train.count(), mode, bestAuc(r.log()), r.log().size(), seconds(t));
                }
                System.out.printf(Locale.ROOT, "  rep %d, %3d regions/class, (a): AUC %.3f (%.1f s incl. features)%n", rep, n,
                        auc.get("a")[k][rep], time.get("a")[k][rep]);
            }
        }
        printTable(auc, time, counts);
    }

    /** The requested counts; on radiographs those above the regions available become "all of them". */
    private int[] feasibleCounts() {
        int positives = count(trainStudies, Source::positives);
        int negatives = 2 * Math.min(count(trainStudies, Source::vessels), count(trainStudies, Source::normals));
        int max = Math.min(positives, negatives);
        TreeSet<Integer> feasible = new TreeSet<>();
        for (int n : counts) {
            feasible.add(Math.min(n, max));
        }
        if (feasible.last() < counts[counts.length - 1]) {
            System.out.printf(Locale.ROOT, "counts above %d capped: the training studies hold %d nodules, %d negatives%n",
                    max, positives, negatives);
        }
        return feasible.stream().mapToInt(Integer::intValue).toArray();
    }

    private TrainingOptions fineTuning(String mode, long seed) {
        TrainingOptions base = TrainingOptions.defaults().withSeed(seed).withEpochs(maxEpochs, 4).withOptimizer(1e-3, 1e-3, 16);
        return mode.equals("b") ? base.withMode(TrainingMode.TOP_BLOCKS_UNFROZEN, unfrozenBlocks)
                : base.withMode(TrainingMode.FROM_SCRATCH, 0);
    }

    private void printTable(Map<String, double[][]> auc, Map<String, double[][]> time, int[] counts) {
        System.out.printf(Locale.ROOT, "%nSAMPLE EFFICIENCY: validation AUC, mean (min-max) over %d repeat(s); %d px patches%n",
                repeats, patchSize);
        System.out.print("| regions per class | training patches | (a) pretrained + head | (b) top " + unfrozenBlocks
                + " blocks unfrozen | (c) from scratch |\n|---|---|---|---|---|\n");
        for (int k = 0; k < counts.length; k++) {
            System.out.printf(Locale.ROOT, "| %d | %d | %s | %s | %s |%n", counts[k], counts[k] * 2 * PATCHES_PER_REGION,
                    cell(auc.get("a")[k]), cell(auc.get("b")[k]), cell(auc.get("c")[k]));
        }
        System.out.printf(Locale.ROOT, "%nmean training time per run (s; (a) includes feature extraction)%n");
        for (int k = 0; k < counts.length; k++) {
            System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f | %.1f |%n", counts[k], mean(time.get("a")[k]),
                    mean(time.get("b")[k]), mean(time.get("c")[k]));
        }
    }

    private static void record(Map<String, double[][]> auc, Map<String, double[][]> time, String mode, int k, int rep,
                               double value, double secs) {
        auc.get(mode)[k][rep] = value;
        time.get(mode)[k][rep] = secs;
    }

    // ---- data ----

    private Preprocessing preprocessing(int size) {
        InputWindow window = modality == PhantomModality.XR ? InputWindow.PRESENTATION : InputWindow.SOFT_TISSUE;
        return new Preprocessing(List.of(window), ChannelMode.REPLICATE, size);
    }

    /**
     * CT: the patches through the fixed window. XR: each patch through its study's resolved input,
     * as training does ({@link ModelInput#writePatch}); a presentation window cannot be resolved on
     * a patch, it needs the study's header.
     */
    private PatchImages images(List<Patch> patches, Preprocessing pre) {
        if (modality != PhantomModality.XR) {
            return PatchImages.of(patches, pre);
        }
        int size = patches.get(0).size();
        float[][] images = new float[patches.size()][];
        int[] labels = new int[patches.size()];
        String[] groups = new String[patches.size()];
        for (int i = 0; i < images.length; i++) {
            Patch p = patches.get(i);
            FloatTensor one = FloatTensor.zeros(1, size, size, 3);
            inputs.get(p.studyId()).writePatch(one, 0, p);
            images[i] = one.data();
            labels[i] = p.label();
            groups[i] = p.studyId();
        }
        return new PatchImages(images, size, labels, groups);
    }

    /**
     * A radiograph phantom as the product sees it: nodule outlines, normal-lung discs and end-on
     * vessel dots (from the ground truth) on the original image, then the whole study on its
     * working grid, and its presentation curve resolved once.
     */
    private Source radiograph(PhantomStudy s) {
        List<Annotation> all = new ArrayList<>(s.annotations());
        all.addAll(vesselRegions(s, Integer.MAX_VALUE));
        Study study = new Study(s.studyId(), Path.of(s.studyId()), s.patientId());
        LoadedStudy working = WorkingResolution.defaults().resample(new LoadedStudy(study, s.volume(), all));
        inputs.put(s.studyId(), ModelInput.forVolume(preprocessing(patchSize), false, working.volume()));
        return Source.split(working);
    }

    /**
     * {@code n} lesion outlines and {@code n} negative regions (vessel cross-sections and normal
     * discs alternating) drawn from the training studies; prefixes of one shuffled list per
     * repeat, so a larger set contains the smaller ones.
     */
    private List<Patch> trainingPatches(int n, int repeat, int size) {
        List<Region> positives = new ArrayList<>();
        List<Region> vessels = new ArrayList<>();
        List<Region> normals = new ArrayList<>();
        for (Source s : trainStudies) {
            s.positives().forEach(a -> positives.add(new Region(s, a)));
            s.normals().forEach(a -> normals.add(new Region(s, a)));
            s.vessels().forEach(a -> vessels.add(new Region(s, a)));
        }
        SplittableRandom r = new SplittableRandom(DATA_SEED * 31 + repeat);
        shuffle(positives, r);
        shuffle(vessels, r);
        shuffle(normals, r);
        List<Region> chosen = new ArrayList<>(positives.subList(0, n));
        for (int i = 0; i < n; i++) {
            chosen.add(i % 2 == 0 ? vessels.get(i / 2) : normals.get(i / 2));
        }
        SamplingConfig config = new SamplingConfig(size, PATCHES_PER_REGION, PATCHES_PER_REGION, 0, 0.5, 20, false,
                Augmentation.defaults(), DATA_SEED + repeat);
        return sample(chosen, trainStudies, config, true);
    }

    private List<Patch> validationPatches(int size) {
        List<Region> regions = new ArrayList<>();
        for (Source s : validationStudies) {
            s.annotated().forEach(a -> regions.add(new Region(s, a)));
            spread(s.vessels(), VESSELS_PER_VALIDATION_STUDY).forEach(a -> regions.add(new Region(s, a)));
        }
        SamplingConfig config = new SamplingConfig(size, 1, 1, 1, 0, 20, false, Augmentation.none(), DATA_SEED);
        return sample(regions, validationStudies, config, false);
    }

    private static List<Patch> sample(List<Region> regions, List<Source> studies, SamplingConfig config,
                                      boolean augment) {
        PatchSampler sampler = new PatchSampler(config, CLASSES);
        List<Patch> out = new ArrayList<>();
        for (Source s : studies) {
            List<Annotation> mine = regions.stream().filter(g -> g.study == s).map(g -> g.annotation).toList();
            if (!mine.isEmpty()) {
                out.addAll(sampler.sample(new LoadedStudy(s.study().study(), s.study().volume(), mine), augment));
            }
        }
        return out;
    }

    /** Vessel cross-sections as negative outlines ({@code normal-vessel}), spread over the vessels' slices. */
    private static List<Annotation> vesselRegions(PhantomStudy s, int max) {
        List<Annotation> all = new ArrayList<>();
        double spacing = s.groundTruth().pixelSpacingMm();
        for (VesselTruth v : s.groundTruth().vessels()) {
            for (int i = 0; i < v.slices().size(); i += 3) { // every third slice: neighbours look alike
                double[] c = v.centrePixels().get(i);
                int k = v.slices().get(i);
                all.add(disc(c[0], c[1], Math.max(1.5, v.radiusMm() / spacing), k, s.volume().info().sopInstanceUids().get(k)));
            }
        }
        return spread(all, max);
    }

    /** At most {@code max} of the regions, evenly spread over the list. */
    private static List<Annotation> spread(List<Annotation> all, int max) {
        if (all.size() <= max) {
            return all;
        }
        List<Annotation> spread = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            spread.add(all.get(i * all.size() / max));
        }
        return spread;
    }

    private static Annotation disc(double cx, double cy, double r, int slice, String sop) {
        float[] xs = new float[16];
        float[] ys = new float[16];
        for (int i = 0; i < 16; i++) {
            xs[i] = (float) (cx + r * Math.cos(2 * Math.PI * i / 16));
            ys[i] = (float) (cy + r * Math.sin(2 * Math.PI * i / 16));
        }
        return new Annotation("normal-vessel", slice, sop, xs, ys);
    }

    private record Region(Source study, Annotation annotation) {}

    /**
     * A study's image (on its working grid for XR) and its regions by kind: lesion outlines,
     * normal-tissue discs, vessel cross-sections or dots; {@code annotated} is what the phantom
     * itself annotates (lesions and normals, in its order).
     */
    private record Source(LoadedStudy study, List<Annotation> annotated, List<Annotation> positives,
                          List<Annotation> normals, List<Annotation> vessels) {
        static Source ct(PhantomStudy s) {
            Study study = new Study(s.studyId(), Path.of(s.studyId()), s.patientId());
            return of(new LoadedStudy(study, s.volume(), s.annotations()), s.annotations(), vesselRegions(s, Integer.MAX_VALUE));
        }

        static Source split(LoadedStudy working) {
            List<Annotation> vessels = working.annotations().stream().filter(a -> a.label().equals("normal-vessel")).toList();
            List<Annotation> annotated = working.annotations().stream().filter(a -> !a.label().equals("normal-vessel")).toList();
            return of(working, annotated, vessels);
        }

        private static Source of(LoadedStudy study, List<Annotation> annotated, List<Annotation> vessels) {
            return new Source(study, annotated, annotated.stream().filter(CLASSES::isPositive).toList(),
                    annotated.stream().filter(a -> !CLASSES.isPositive(a)).toList(), vessels);
        }
    }

    private static int count(List<Source> studies, java.util.function.Function<Source, List<Annotation>> kind) {
        return studies.stream().mapToInt(s -> kind.apply(s).size()).sum();
    }

    // ---- helpers ----

    private static FeatureSet features(Backbone backbone, PatchImages set) {
        int per = set.size() * set.size() * 3;
        float[][] features = new float[set.count()][];
        for (int start = 0; start < set.count(); start += 16) {
            int rows = Math.min(16, set.count() - start);
            float[] batch = new float[rows * per];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(set.images()[start + r], 0, batch, r * per, per);
            }
            float[][] e = backbone.embed(new FloatTensor(batch, rows, set.size(), set.size(), 3));
            System.arraycopy(e, 0, features, start, rows);
        }
        return new FeatureSet(features, set.labels(), set.groupIds());
    }

    /** The validation AUC of the epoch whose weights training kept (lowest validation loss). */
    private static double bestAuc(List<EpochRecord> log) {
        double auc = Double.NaN;
        double best = Double.POSITIVE_INFINITY;
        for (EpochRecord r : log) {
            if (r.validationLoss() < best) {
                best = r.validationLoss();
                auc = r.validationAuc();
            }
        }
        return auc;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom r) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    private static String cell(double[] v) {
        double min = java.util.Arrays.stream(v).min().orElse(Double.NaN);
        double max = java.util.Arrays.stream(v).max().orElse(Double.NaN);
        return v.length == 1 ? String.format(Locale.ROOT, "%.3f", v[0])
                : String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", mean(v), min, max);
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
