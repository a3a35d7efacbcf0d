package org.tumorj.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.util.Progress;

/**
 * Patches ready for training: studies split by patient first, then sampled, training patches
 * augmented and validation patches not. {@code unknownLabels} lists labels that were neither
 * positive nor negative (and were skipped), for the caller to show.
 */
public record TrainingData(Split<LoadedStudy> split, List<Patch> train, List<Patch> validation,
        Set<String> unknownLabels) {

    public TrainingData {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        unknownLabels = Set.copyOf(unknownLabels);
    }

    /** Loads every study of the set (checking cancel between studies). */
    public static List<LoadedStudy> load(StudySet set, VolumeLoader volumes, AnnotationReader annotations,
            Progress progress) throws IOException {
        List<LoadedStudy> out = new ArrayList<>();
        for (int i = 0; i < set.studies().size(); i++) {
            progress.checkCancelled();
            LoadedStudy s = LoadedStudy.load(set.studies().get(i), volumes, annotations);
            Path source = StudySet.annotationSource(s.study().dir());
            // which file fed which study, by file name only (folder names and files carry no patient attributes)
            progress.detail("study " + s.id() + ": " + s.annotations().size() + " regions from "
                    + (source == null ? "none" : source.getFileName()));
            out.add(s);
            progress.update("loading studies", i + 1, set.studies().size());
        }
        return out;
    }

    public static TrainingData build(List<LoadedStudy> studies, SamplingConfig sampling, AnnotationClasses classes,
            double validationFraction, Progress progress) {
        Split<LoadedStudy> split = StudySplitter.split(studies, classes, validationFraction, sampling.seed());
        PatchSampler sampler = new PatchSampler(sampling, classes);
        List<Patch> train = sampler.sample(split.train(), true, progress);
        List<Patch> validation = sampler.sample(split.validation(), false, progress);
        Set<String> unknown = new TreeSet<>();
        studies.forEach(s -> unknown.addAll(classes.unknownLabels(s.annotations())));
        return new TrainingData(split, train, validation, unknown);
    }
}
