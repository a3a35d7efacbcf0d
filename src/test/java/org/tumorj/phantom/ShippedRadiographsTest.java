package org.tumorj.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.annotation.AnnotationSidecar;
import org.tumorj.dataset.AnnotationReader;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Patch;
import org.tumorj.dataset.PatchSampler;
import org.tumorj.dataset.SamplingConfig;
import org.tumorj.dataset.StudySet;
import org.tumorj.dataset.TrainingData;
import org.tumorj.pipeline.DicomStudies;
import org.tumorj.util.Progress;

/** The shipped radiograph phantoms are what the documented command makes, and training code loads them. */
class ShippedRadiographsTest {
    static final Path ROOT = Path.of("test-images/phantoms/xr");

    @Test
    void everyShippedStudyIsComplete() throws Exception {
        List<Path> studies;
        try (Stream<Path> s = Files.list(ROOT)) {
            studies = s.filter(Files::isDirectory).sorted().toList();
        }
        assertEquals(14, studies.size());
        for (Path study : studies) {
            for (String f : List.of("IM-0001.dcm", "RoiSet.zip", "annotations.json", "ground-truth.json")) {
                assertTrue(Files.isRegularFile(study.resolve(f)), study + "/" + f);
            }
            assertTrue(!AnswerKey.read(study.resolve("ground-truth.json")).lesions().isEmpty(), study.toString());
        }
    }

    @Test
    void theDocumentedCommandRegeneratesThem() throws Exception {
        PhantomStudy s = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.XR, 2026, 4));
        Path study = ROOT.resolve("xr-0004");
        assertArrayEquals(PhantomStudyWriter.sliceFile(s, 0).toBytes(), Files.readAllBytes(study.resolve("IM-0001.dcm")));
        List<Annotation> shipped = AnnotationSidecar.read(study.resolve("annotations.json"));
        assertEquals(s.annotations().size(), shipped.size());
        for (int i = 0; i < shipped.size(); i++) {
            assertEquals(s.annotations().get(i).label(), shipped.get(i).label());
            assertArrayEquals(s.annotations().get(i).xs(), shipped.get(i).xs(), 0.01f);
        }
    }

    @Test
    void trainingCodeLoadsThemAndSamplesTumourPatches() throws Exception {
        List<LoadedStudy> loaded = TrainingData.load(StudySet.open(ROOT), DicomStudies.standard(Progress.none()),
                AnnotationReader.sidecar(), Progress.none());
        assertEquals(14, loaded.size());
        LoadedStudy first = loaded.get(0);
        assertEquals(1, first.volume().depth());
        assertTrue(first.volume().info().isProjection());
        List<Patch> patches = new PatchSampler(SamplingConfig.defaults(1), AnnotationClasses.defaults())
                .sample(loaded.subList(0, 2), false, Progress.none());
        assertTrue(patches.stream().anyMatch(p -> p.source() == Patch.Source.POSITIVE_REGION), "tumour patches");
        assertTrue(patches.stream().anyMatch(p -> p.source() != Patch.Source.POSITIVE_REGION), "other patches");
    }
}
