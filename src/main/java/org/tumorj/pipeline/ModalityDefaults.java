package org.tumorj.pipeline;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tumorj.backbone.ChannelMode;
import org.tumorj.backbone.InputWindow;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.features.FeatureSpec;

/**
 * The input encoding a modality calls for, applied when the training window is {@code modality}
 * (the default): CT the soft-tissue window; MR {@link #MR_WINDOW}, resolved per series since MR
 * has no absolute scale; radiographs their own display curve, as 2D (a radiograph is one image,
 * it has no neighbouring slices). Also refuses training folders that mix kinds of image.
 */
public final class ModalityDefaults {
    /**
     * MR default: z-score inside the body (mean +- 2 SD to [0, 1]). On the shipped MR phantoms it
     * gave a higher validation AUC than the body's 1st-99th percentiles on each of three splits
     * (docs/mr.md); both ignore the air around the patient.
     */
    public static final InputWindow MR_WINDOW = InputWindow.ZSCORE;

    private ModalityDefaults() {}

    /** The window a modality kind gets by default. */
    public static InputWindow window(ModalityKind kind) {
        return switch (kind) {
            case CT -> InputWindow.SOFT_TISSUE;
            case MR -> MR_WINDOW;
            case RADIOGRAPH -> InputWindow.PRESENTATION;
            case OTHER -> InputWindow.AUTO;
        };
    }

    /**
     * The per-pixel features a modality kind trains on by default: the filter bank at 1-8 px (to
     * 16 px on CT and radiographs), every 2 pixels, and on sliced modalities the slices 2.5, 5 and
     * 10 mm above and below, where a nodule has ended and a vessel runs on, read at the point and
     * within {@link #CONTEXT_DRIFT} of the distance around it. CT's filter bank sees two windows at
     * once ({@link #CT_PLANES_HU}). CT and MR detectors have two stages ({@link FeatureSpec#mapContext()}):
     * on the benchmark's CT and MR sets the second stage raised the CPM of the ranked list on three
     * of five sets and left it within a point on the others; on radiographs it lowered both sets
     * (docs/detection-quality.md).
     */
    public static FeatureSpec features(ModalityKind kind) {
        return switch (kind) {
            case RADIOGRAPH -> FeatureSpec.filters(new double[] {1, 2, 4, 8, 16}, new double[0])
                    .withConvergence(RADIOGRAPH_CONVERGENCE_PX).withLocalContrast(RADIOGRAPH_LOCAL_CONTRAST_PX);
            case CT -> FeatureSpec.filters(CT_SIGMAS, CONTEXT_MM).withPlaneWindows(CT_PLANES_HU)
                    .withContextDrift(CONTEXT_DRIFT).withMapContext(true);
            case MR -> FeatureSpec.filters(SIGMAS, CONTEXT_MM).withContextDrift(CONTEXT_DRIFT).withMapContext(true);
            case OTHER -> FeatureSpec.filters(SIGMAS, CONTEXT_MM).withContextDrift(CONTEXT_DRIFT);
        };
    }

    /**
     * Ensemble members a modality kind trains by default ({@link DetectorTraining#withMembers}),
     * measured on 2026-12-08 against one detector (docs/detection-quality.md). Radiographs, three:
     * 125 instead of 112 of 310 nodules at 1 FP/study on eight sets and 33 instead of 26 of 114 on
     * three fresh ones, trained in 51-70 s. MR, three: clear lesions 15/15, 17/17 and 16/17 instead
     * of 14, 15 and 13 on three sets, trained in 153-177 s. CT, three since 2026-12-08 (fifteenth
     * session), when the later members' first stage came to look only where the first member's
     * responds ({@link FirstStageScreen}): 5 more of 149 lesions at 1 FP/study on four sets,
     * trained in 171 s, detected at about 225 ms per 512² slice (the targets: 3 minutes, 300 ms).
     * Other modalities, unmeasured, one.
     */
    public static int members(ModalityKind kind) {
        return kind == ModalityKind.OTHER ? 1 : 3;
    }

    private static final double[] SIGMAS = {1, 2, 4, 8};
    /**
     * The scale, in working pixels (0.8 mm: about 3 mm), at which a radiograph's filter bank reads
     * local contrast ({@link org.tumorj.features.LocalContrast}) instead of display values. Over
     * the benchmark's eight radiograph sets (seeds 7001-7901) 2, 4, 8 and 16 px found 86, 106, 98
     * and 82 of 310 nodules at 1 FP/study (mean CPM 0.30, 0.35, 0.33, 0.28), display values 43
     * (0.15); 32 and 64 px, and local contrast as a second plane beside the display values, found
     * fewer on the sets they were tried on (docs/detection-quality.md).
     */
    private static final double RADIOGRAPH_LOCAL_CONTRAST_PX = 4;
    /** Iris-filter bands on radiographs, working pixels (0.8 mm): nodules of 5-40 mm. */
    private static final double[] RADIOGRAPH_CONVERGENCE_PX = {6, 12, 24};
    /**
     * CT adds 16 px (13 mm at 0.8 mm): the middle of a 2 cm liver lesion is flat at 8 px and runs
     * on through the slices like a vessel, so the map lit only its ends; on CT 7001/7002 the 16 px
     * scale found every liver lesion over 13 mm at <= 0.12 FP/study (CPM 0.58 -> 0.66). On MR
     * 7001/7002 the same scale cost 0.33 sensitivity at 1 FP/study: MR keeps 1-8 px.
     */
    private static final double[] CT_SIGMAS = {1, 2, 4, 8, 16};
    private static final double[] CONTEXT_MM = {2.5, 5, 10};
    /**
     * How far sideways, per mm along the slice axis, the context slices are searched for a vessel
     * that has moved on: 0.5 (a vessel up to about 27 degrees from the slice normal). The liver of
     * the MR phantoms is full of end-on vessels as bright as a 4 mm lesion; read only at the point,
     * an oblique vessel looks like one that ended. On MR 7001/7002 these channels raised
     * sensitivity at 1 FP/study from 0.62 to 0.76 and clear lesions found from 9/18 to 15/18.
     */
    private static final double CONTEXT_DRIFT = 0.5;
    /**
     * The CT filter bank's planes, HU: the soft-tissue window (-160 to 240, liver lesions of 30 HU)
     * and a lung window (-1000 to 200). The soft-tissue window alone clips lung at -160 HU and hid
     * every lung nodule fainter than about 600 HU above lung; a wide window alone loses the liver.
     */
    static final double[] CT_PLANES_HU = {-160, 240, -1000, 200};

    /**
     * The one modality kind of the training studies.
     *
     * @throws IllegalArgumentException when they mix kinds, naming the studies of each kind
     */
    public static ModalityKind commonKind(List<LoadedStudy> studies) {
        Map<ModalityKind, List<String>> byKind = new TreeMap<>();
        for (LoadedStudy s : studies) {
            byKind.computeIfAbsent(ModalityKind.of(s.volume().info().modality()), k -> new java.util.ArrayList<>()).add(s.id());
        }
        if (byKind.size() > 1) {
            throw new IllegalArgumentException("the training studies mix kinds of image ("
                    + byKind.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().size() + " studies, e.g. "
                            + e.getValue().get(0)).collect(Collectors.joining("; "))
                    + "); a model learns one kind: put each kind in its own training folder and train one model per kind");
        }
        return byKind.isEmpty() ? ModalityKind.OTHER : byKind.keySet().iterator().next();
    }

    /** The settings with a {@code modality} window replaced by this kind's default (radiographs also 2D). */
    public static TrainSettings apply(TrainSettings settings, ModalityKind kind) {
        List<InputWindow> windows = settings.preprocessing().windows();
        if (windows.stream().noneMatch(w -> w.scheme() == InputWindow.Scheme.BY_MODALITY)) {
            return settings;
        }
        boolean adjacent = settings.adjacentSlices() && kind != ModalityKind.RADIOGRAPH;
        return settings.withInput(settings.preprocessing().withWindows(List.of(window(kind)), ChannelMode.REPLICATE), adjacent);
    }

    /** The series kind shared by all studies, else {@link SeriesKind#OTHER}; always OTHER outside MR. */
    public static SeriesKind commonSeriesKind(List<LoadedStudy> studies) {
        List<SeriesKind> kinds = studies.stream().map(s -> ModalityKind.of(s.volume().info().modality()) == ModalityKind.MR
                ? SeriesKind.classify(s.volume().info().seriesDescription()) : SeriesKind.OTHER).distinct().toList();
        return kinds.size() == 1 ? kinds.get(0) : SeriesKind.OTHER;
    }
}
