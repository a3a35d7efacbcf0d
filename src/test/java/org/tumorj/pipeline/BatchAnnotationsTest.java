package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.annotation.AnnotationSidecar;
import org.tumorj.annotation.RoiSetZip;
import org.tumorj.dataset.AnnotationReader;
import org.tumorj.detect.Detections;
import org.tumorj.evaluation.LesionMatching;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * A batch over studies with and without annotations: an annotated study's outputs get its lesions
 * matched to its findings (what the preview draws), one without gets none, and one whose
 * annotations cannot be read is still detected, the reason in its warnings.txt.
 */
class BatchAnnotationsTest {
    private static final Path PHANTOM = Path.of("test-images/phantoms/ct/ct-0001");

    @Test
    void annotatedStudiesGetTheirLesionsMatchedOthersNoneAndBadAnnotationsOnlyAWarning(@TempDir Path in,
            @TempDir Path out) throws IOException {
        copy(PHANTOM, in.resolve("A-annotated"), true);
        copy(PHANTOM, in.resolve("B-plain"), false);
        Path broken = copy(PHANTOM, in.resolve("C-broken"), false);
        Files.writeString(broken.resolve(AnnotationSidecar.FILE_NAME), "{ not json");
        Map<String, LesionMatching> seen = new TreeMap<>();
        StudyOutputs recording = new StudyOutputs() {
            @Override
            public void write(Path folder, Volume volume, Detections d) {
                throw new AssertionError("the batch passes the matching");
            }

            @Override
            public void write(Path folder, Volume volume, Detections d, LesionMatching m) {
                seen.put(d.study(), m);
            }
        };
        BatchDetection.Summary summary = new BatchDetection(DiscAlignmentTest.smallDetector(), DicomStudies.standard(Progress.none()),
                StudyOutputs.csv(false).andThen(recording)).allowingOtherSeries(true)
                .showingAnnotations(AnnotationReader.standard(RoiSetZip.NO_GROUP_NAMES), AnnotationClasses.defaults())
                .run(in, out, false, Progress.none());

        assertEquals(3, summary.done(), summary.toString());
        assertEquals(3, seen.get("A-annotated").truth().lesions().size(), "ct-0001's three lesions");
        assertNull(seen.get("B-plain"));
        assertTrue(seen.containsKey("C-broken"));
        assertNull(seen.get("C-broken"));
        String warnings = Files.readString(out.resolve("C-broken").resolve(BatchDetection.WARNINGS));
        assertTrue(warnings.contains("annotations not drawn in the preview"), warnings);
    }

    private static Path copy(Path from, Path to, boolean withAnnotations) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                if (withAnnotations || f.getFileName().toString().endsWith(".dcm")) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
        return to;
    }
}
