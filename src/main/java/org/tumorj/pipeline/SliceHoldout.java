package org.tumorj.pipeline;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Split;
import org.tumorj.dataset.Study;
import org.tumorj.evaluation.GroundTruth;
import org.tumorj.evaluation.Lesion;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * Training and validation from one annotated stack, for a user who has outlined lesions on the
 * open image only: the stack is cut once between lesions, the slab at one end holding about the
 * validation share of the lesions is held out whole (its images and its annotations), and the
 * training slab stops {@link #GUARD} slices short of it. No lesion is on both sides, and no
 * training slice lies next to a held-out lesion's first or last slice, where its edge may show
 * unoutlined; what validation then measures is how the model finds lesions it never saw, in the
 * same patient. Each slab is a volume of its own, so training sees nothing of the other.
 */
public final class SliceHoldout {
    /** Slices left out of training between its slab and the held-out one. */
    public static final int GUARD = 2;
    /** Fewest slices a training slab may have. */
    static final int MIN_TRAINING_SLICES = 3;

    private SliceHoldout() {}

    /**
     * The split, and what it was, for the bundle's record and the log.
     *
     * @param trainingSlices first and last slice (1-based) of the training slab
     * @param validationSlices first and last slice (1-based) of the held-out slab
     */
    public record Holdout(Split<LoadedStudy> split, int[] trainingSlices, int[] validationSlices, int trainingLesions,
            int validationLesions) {
        public String describe() {
            return String.format("held out slices %d-%d (%d lesion(s)) for validation, trained on slices %d-%d"
                    + " (%d lesion(s))", validationSlices[0], validationSlices[1], validationLesions,
                    trainingSlices[0], trainingSlices[1], trainingLesions);
        }

        public JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("kind", "held-out slices of one stack");
            o.addProperty("trainingSlices", trainingSlices[0] + "-" + trainingSlices[1]);
            o.addProperty("validationSlices", validationSlices[0] + "-" + validationSlices[1]);
            o.addProperty("trainingLesions", trainingLesions);
            o.addProperty("validationLesions", validationLesions);
            return o;
        }
    }

    /**
     * Cuts the study's stack into a training and a held-out slab.
     *
     * @param validationFraction the share of lesions to hold out, in (0, 1); at least one lesion is
     *     held out and at least one kept
     * @throws IllegalArgumentException when the stack cannot be cut that way, saying what would help
     */
    public static Holdout split(LoadedStudy study, AnnotationClasses classes, double validationFraction) {
        Volume v = study.volume();
        if (v.depth() < 2) {
            throw new IllegalArgumentException("study " + study.id() + " is a single image: its lesions cannot be held"
                    + " out by slice; add other annotated studies for validation");
        }
        List<Lesion> lesions = GroundTruth.fromAnnotations(v.info(), study.annotations(),
                label -> classes.role(label) == AnnotationClasses.Role.POSITIVE).lesions();
        Cut best = null;
        for (int c = 1; c < v.depth(); c++) {
            for (boolean heldAbove : new boolean[] {true, false}) {
                Cut cut = cut(c, heldAbove, lesions, v.depth(), validationFraction);
                if (cut != null && (best == null || cut.error() < best.error())) {
                    best = cut;
                }
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("study " + study.id() + ": cannot hold out lesions for validation: "
                    + lesions.size() + " lesion(s) outlined, which must be at least 2 on different slices (none"
                    + " spanning the cut) with " + MIN_TRAINING_SLICES + " slices for training beside them;"
                    + " outline another lesion on other slices, or add other annotated studies");
        }
        return best.holdout(study);
    }

    /** A cut between slices {@code at - 1} and {@code at}; the held-out slab above or below it. */
    private record Cut(int first, int last, int heldFirst, int heldLast, int trainLesions, int heldLesions,
            double error) {
        Holdout holdout(LoadedStudy s) {
            LoadedStudy train = slab(s, first, last, "training");
            LoadedStudy held = slab(s, heldFirst, heldLast, "validation");
            return new Holdout(new Split<>(List.of(train), List.of(held)), new int[] {first + 1, last + 1},
                    new int[] {heldFirst + 1, heldLast + 1}, trainLesions, heldLesions);
        }
    }

    private static Cut cut(int at, boolean heldAbove, List<Lesion> lesions, int depth, double fraction) {
        int held = 0;
        for (Lesion l : lesions) {
            if (l.sliceFirst() < at && l.sliceLast() >= at) {
                return null; // the cut would split a lesion
            }
            held += (l.sliceFirst() >= at) == heldAbove ? 1 : 0;
        }
        int kept = lesions.size() - held;
        if (held == 0 || kept == 0) {
            return null;
        }
        // the training slab ends GUARD slices before the held-out one, and before no kept lesion
        int first = heldAbove ? 0 : at + GUARD, last = heldAbove ? at - 1 - GUARD : depth - 1;
        for (Lesion l : lesions) {
            boolean keptLesion = (l.sliceFirst() >= at) != heldAbove;
            if (keptLesion && (l.sliceFirst() < first || l.sliceLast() > last)) {
                return null;
            }
        }
        if (last - first + 1 < MIN_TRAINING_SLICES) {
            return null;
        }
        int heldFirst = heldAbove ? at : 0, heldLast = heldAbove ? depth - 1 : at - 1;
        return new Cut(first, last, heldFirst, heldLast, kept, held, Math.abs((double) held / lesions.size() - fraction));
    }

    /** Slices first..last (0-based) as a study of their own: geometry, UIDs and annotations renumbered. */
    static LoadedStudy slab(LoadedStudy s, int first, int last, String part) {
        Volume v = s.volume();
        VolumeInfo i = v.info();
        double[] n = i.sliceNormal();
        double[] origin = i.origin().clone();
        for (int k = 0; k < 3; k++) {
            origin[k] += n[k] * first * i.spacingZ();
        }
        VolumeInfo sub = new VolumeInfo(i.modality(), i.studyInstanceUid(), i.seriesInstanceUid(), i.seriesDescription(),
                i.patientId(), i.width(), i.height(), i.spacingX(), i.spacingY(), i.spacingZ(), origin, i.rowDirection(),
                i.columnDirection(), i.windowCenter(), i.windowWidth(), i.invertedForDisplay(),
                i.sopInstanceUids().subList(first, last + 1), i.warnings(), i.voiLut(), i.shutter());
        List<Annotation> kept = new ArrayList<>();
        for (Annotation a : s.annotations()) {
            int z = a.sopInstanceUid() != null && v.sliceIndexOf(a.sopInstanceUid()) >= 0
                    ? v.sliceIndexOf(a.sopInstanceUid()) : a.sliceIndex();
            if (z >= first && z <= last) {
                kept.add(new Annotation(a.label(), z - first, a.sopInstanceUid(), a.xs(), a.ys()));
            }
        }
        Study study = new Study(s.id() + " " + part + " slices " + (first + 1) + "-" + (last + 1), s.study().dir(),
                s.study().patientId());
        return new LoadedStudy(study, new Volume(sub, v.slices().subList(first, last + 1), v.source()), kept);
    }
}
