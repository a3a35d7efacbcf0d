package org.tumorj.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.phantom.PhantomStudy;
import org.tumorj.phantom.PhantomStudyWriter;
import org.tumorj.util.Progress;

class StudySetTest {
    @TempDir Path root;

    @Test
    void aFolderOfAnnotatedStudiesIsATrainingSet() throws Exception {
        for (PhantomStudy s : Phantoms.ct()) {
            PhantomStudyWriter.write(s, root.resolve(s.studyId()));
        }
        Files.createDirectories(root.resolve("notes"));
        StudySet set = StudySet.open(root);
        assertEquals(List.of("ct-0001", "ct-0002", "ct-0003", "ct-0004"), set.studies().stream().map(Study::id).toList());

        Map<String, PhantomStudy> byId = Phantoms.ct().stream().collect(Collectors.toMap(PhantomStudy::studyId, s -> s));
        VolumeLoader inMemory = dir -> byId.get(dir.getFileName().toString()).volume();
        List<LoadedStudy> loaded = TrainingData.load(set, inMemory, AnnotationReader.sidecar(), Progress.none());
        assertEquals("PHANTOM-0002", loaded.get(1).study().patientId(), "patient id taken from the volume");
        assertEquals(byId.get("ct-0002").annotations().size(), loaded.get(1).annotations().size());

        TrainingData data = TrainingData.build(loaded, SamplingConfig.defaults(3).withPatchSize(32),
                AnnotationClasses.defaults(), 0.25, Progress.none());
        Set<String> trainStudies = new HashSet<>(), validationStudies = new HashSet<>();
        data.train().forEach(p -> trainStudies.add(p.studyId()));
        data.validation().forEach(p -> validationStudies.add(p.studyId()));
        assertEquals(3, trainStudies.size());
        assertEquals(1, validationStudies.size());
        trainStudies.retainAll(validationStudies);
        assertTrue(trainStudies.isEmpty(), "no study gives patches to both sides");
        assertTrue(data.unknownLabels().isEmpty(), data.unknownLabels().toString());
    }

    @Test
    void aFolderWithoutStudiesIsRefusedWithItsName() throws Exception {
        IOException none = assertThrows(IOException.class, () -> StudySet.open(root));
        assertTrue(none.getMessage().startsWith(root.toString()), none.getMessage());
        assertThrows(IOException.class, () -> StudySet.open(root.resolve("missing")));
    }
}
