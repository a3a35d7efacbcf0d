package org.tumorj.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.DjlBackbone;
import org.tumorj.backbone.FloatTensor;
import org.tumorj.backbone.SavedModelSpec;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Patch;
import org.tumorj.dataset.PatchSampler;
import org.tumorj.model.BundledBackbone;
import org.tumorj.train.FineTunedBackbone;
import org.tumorj.train.FineTuner;
import org.tumorj.train.FineTuningResult;
import org.tumorj.train.PatchImages;
import org.tumorj.train.TrainingListener;
import org.tumorj.train.TrainingOptions;
import org.tumorj.util.AtomicFiles;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * Top-block fine-tuning for the pixel detector ({@code ./tumorj train --fine-tune N}): the top
 * {@code N} blocks of MobileNetV2, with a patch head, learn to tell patches centred in lesions
 * from the rest; the pixel head is then trained on the hypercolumns of the fine-tuned network,
 * and the bundle carries that network. The patch head only steers the blocks and is dropped.
 *
 * <p>Patches are cut from each slice encoded exactly as detection feeds the network (the series'
 * resolved windows, 2.5D planes) and enlarged by the input scale, so the blocks learn on the
 * pixels they will later see. Few patches and epochs, because every step runs the network on a
 * laptop CPU: {@value #MAX_TRAINING_PATCHES} training patches (half lesion) take minutes.
 */
final class BackboneFineTuning {
    /** Patch edge at the network's input (a multiple of its stride 32). */
    static final int NETWORK_PATCH = 96;
    static final int MAX_TRAINING_PATCHES = 480;
    static final int MAX_VALIDATION_PATCHES = 160;
    static final int EPOCHS = 8;
    static final int PATIENCE = 3;
    /** Head rate; the unfrozen blocks train at a tenth of it (TrainingOptions' backbone factor). */
    static final double LEARNING_RATE = 1e-3;
    static final int BATCH = 16;

    private BackboneFineTuning() {}

    /** A fine-tuned network, open for reading hypercolumns; closing deletes its exported copy. */
    record Tuned(FineTunedBackbone network, Backbone backbone, Path exported) implements AutoCloseable {
        @Override
        public void close() {
            backbone.close();
            deleteQuietly(exported);
        }
    }

    /**
     * Fine-tunes {@code settings.training().unfrozenBlocks()} top blocks on patches of the
     * (already resampled) training and validation studies.
     */
    static Tuned run(TrainSettings settings, ModelInput input, List<LoadedStudy> train, List<LoadedStudy> validation,
            Progress progress, TrainingListener listener) {
        TrainingOptions options = settings.training().withOptimizer(LEARNING_RATE, settings.training().weightDecay(), BATCH)
                .withEpochs(Math.min(EPOCHS, settings.training().maxEpochs()), PATIENCE);
        int crop = NETWORK_PATCH / settings.inputScale();
        PatchSampler sampler = new PatchSampler(settings.sampling().withPatchSize(crop), settings.classes());
        Random random = new Random(options.seed());
        PatchImages trainPatches = images(balanced(sampler.sample(train, false, progress), MAX_TRAINING_PATCHES, random),
                train, input, settings.inputScale(), random, true);
        PatchImages validationPatches = images(balanced(sampler.sample(validation, false, progress),
                MAX_VALIDATION_PATCHES, random), validation, input, settings.inputScale(), random, false);
        progress.log(String.format("fine-tuning %d top blocks on %d patches (%d lesion), %d validation (%d lesion),"
                        + " %d px at the network", options.unfrozenBlocks(), trainPatches.count(), trainPatches.positives(),
                validationPatches.count(), validationPatches.positives(), NETWORK_PATCH));
        FineTuningResult result;
        try {
            result = new FineTuner(options).train(trainPatches, validationPatches, progress, listener);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the embedded MobileNetV2 to fine-tune it", e);
        }
        progress.log(String.format("fine-tuning: best epoch %d of %d", result.head().bestEpoch(),
                result.head().log().size()));
        return open(result.backbone());
    }

    /** Exports the network to a temporary SavedModel and opens it as detection will. */
    private static Tuned open(FineTunedBackbone network) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tumorj-finetuned-");
            Path model = dir.resolve("saved_model");
            network.exportSavedModel(model);
            SavedModelSpec spec = new SavedModelSpec(BundledBackbone.SIGNATURE, BundledBackbone.INPUT,
                    BundledBackbone.FEATURES, BundledBackbone.EMBEDDING, network.info().inputSize());
            return new Tuned(network, DjlBackbone.load(model, spec, network.info().id(), network.info().sha256(), 0, 1),
                    dir);
        } catch (IOException e) {
            deleteQuietly(dir);
            throw new UncheckedIOException("could not export the fine-tuned network to a temporary folder", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            if (dir != null) {
                AtomicFiles.deleteRecursively(dir);
            }
        } catch (IOException e) {
            // a temporary copy of weights the bundle also holds: nothing is lost if it stays
        }
    }

    /** Lesion patches up to half of {@code max}, the others filling the rest, drawn at random. */
    static List<Patch> balanced(List<Patch> patches, int max, Random random) {
        List<Patch> lesion = new ArrayList<>();
        List<Patch> other = new ArrayList<>();
        patches.forEach(p -> (p.label() == 1 ? lesion : other).add(p));
        Collections.shuffle(lesion, random);
        Collections.shuffle(other, random);
        int n = Math.min(max / 2, lesion.size());
        List<Patch> out = new ArrayList<>(lesion.subList(0, n));
        out.addAll(other.subList(0, Math.min(other.size(), max - n)));
        Collections.shuffle(out, random);
        return out;
    }

    /**
     * The patches cut from their slices as the network sees them: the encoded slice, the crop
     * around the patch centre (edge pixels repeated beyond the slice), enlarged by {@code scale}
     * (nearest neighbour, as ScaledBackbone does). Training patches are also turned and flipped
     * at random (a lesion has no preferred orientation). Patches are cut slice by slice, so each
     * slice is encoded once however many patches it gives; they keep their order.
     */
    static PatchImages images(List<Patch> patches, List<LoadedStudy> studies, ModelInput input, int scale, Random random,
            boolean augment) {
        Map<String, Volume> volumes = new LinkedHashMap<>();
        studies.forEach(s -> volumes.put(s.id(), s.volume()));
        Map<String, ModelInput> inputs = new LinkedHashMap<>();
        float[][] images = new float[patches.size()][];
        int[] labels = new int[patches.size()];
        String[] groups = new String[patches.size()];
        Integer[] bySlice = new Integer[patches.size()];
        java.util.Arrays.setAll(bySlice, i -> i);
        java.util.Arrays.sort(bySlice, java.util.Comparator.comparing((Integer i) -> patches.get(i).studyId())
                .thenComparingInt(i -> patches.get(i).slice()));
        String encodedKey = null;
        FloatTensor encoded = null;
        for (int i : bySlice) {
            Patch p = patches.get(i);
            Volume v = volumes.get(p.studyId());
            String key = p.studyId() + "#" + p.slice();
            if (!key.equals(encodedKey)) {
                encoded = inputs.computeIfAbsent(p.studyId(), id -> input.forVolume(v)).encode(v, p.slice());
                encodedKey = key;
            }
            images[i] = crop(encoded, v.width(), v.height(), p.centreX(), p.centreY(), scale,
                    augment ? random.nextInt(8) : 0);
            labels[i] = p.label();
            groups[i] = p.studyId();
        }
        return new PatchImages(images, NETWORK_PATCH, labels, groups);
    }

    /**
     * A {@link #NETWORK_PATCH}-pixel RGB image of {@code encoded} around {@code (cx, cy)}, each
     * source pixel repeated {@code scale} times; {@code turn} 0-7 picks one of the 8 rotations
     * and reflections of the square.
     */
    static float[] crop(FloatTensor encoded, int width, int height, int cx, int cy, int scale, int turn) {
        int n = NETWORK_PATCH;
        int half = n / scale / 2;
        float[] out = new float[n * n * 3];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int u = (turn & 4) != 0 ? y : x;
                int w = (turn & 4) != 0 ? x : y;
                u = (turn & 1) != 0 ? n - 1 - u : u;
                w = (turn & 2) != 0 ? n - 1 - w : w;
                int sx = Math.max(0, Math.min(width - 1, cx - half + u / scale));
                int sy = Math.max(0, Math.min(height - 1, cy - half + w / scale));
                System.arraycopy(encoded.data(), encoded.index(0, sy, sx, 0), out, (y * n + x) * 3, 3);
            }
        }
        return out;
    }
}
