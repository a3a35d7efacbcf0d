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
import org.tumorj.annotation.AnnotationSidecar;

/** The shipped phantoms are what the documented command makes, and every folder is complete. */
class ShippedPhantomsTest {
    static final Path ROOT = Path.of("test-images/phantoms");

    @Test
    void everyShippedStudyIsComplete() throws Exception {
        for (String set : List.of("ct", "mr")) {
            List<Path> studies;
            try (Stream<Path> s = Files.list(ROOT.resolve(set))) {
                studies = s.filter(Files::isDirectory).sorted().toList();
            }
            assertEquals(set.equals("ct") ? 6 : 8, studies.size(), set);
            for (Path study : studies) {
                try (Stream<Path> files = Files.list(study)) {
                    // MR: the annotated T2 series and T1 post (--mr-series T2,T1_POST), 24 slices each
                    assertEquals(set.equals("ct") ? 24 : 48, files.filter(p -> p.toString().endsWith(".dcm")).count(),
                            study.toString());
                }
                assertTrue(Files.exists(study.resolve("RoiSet.zip")), study + " RoiSet.zip");
                assertTrue(!AnnotationSidecar.read(study.resolve("annotations.json")).isEmpty());
                assertTrue(!AnswerKey.read(study.resolve("ground-truth.json")).lesions().isEmpty());
            }
        }
    }

    @Test
    void theDocumentedCommandRegeneratesThem() throws Exception {
        PhantomStudy s = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.CT, 2026, 1).withSize(192).withSlices(24));
        Path study = ROOT.resolve("ct/ct-0001");
        List<Annotation> shipped = AnnotationSidecar.read(study.resolve("annotations.json"));
        assertEquals(s.annotations().size(), shipped.size());
        for (int i = 0; i < shipped.size(); i++) {
            Annotation a = s.annotations().get(i), b = shipped.get(i);
            assertEquals(a.label(), b.label());
            assertEquals(a.sliceIndex(), b.sliceIndex());
            assertEquals(a.sopInstanceUid(), b.sopInstanceUid());
            assertArrayEquals(a.xs(), b.xs(), 0.01f);
        }
        AnswerKey truth = AnswerKey.read(study.resolve("ground-truth.json"));
        for (int i = 0; i < truth.lesions().size(); i++) {
            assertEquals(s.groundTruth().lesions().get(i).slices(), truth.lesions().get(i).slices());
        }
    }

    /** The shared product writer writes the shipped phantom files byte for byte as the phantom's own writer did. */
    @Test
    void theSharedWriterWritesTheShippedFilesByteForByte() throws Exception {
        PhantomStudy s = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.CT, 2026, 1).withSize(192).withSlices(24));
        for (int k : new int[] {0, 11, 23}) {
            byte[] shipped = Files.readAllBytes(ROOT.resolve("ct/ct-0001").resolve(String.format("IM-%04d.dcm", k + 1)));
            assertArrayEquals(shipped, PhantomStudyWriter.sliceFile(s, k).toBytes(), "slice " + (k + 1));
        }
    }
}
