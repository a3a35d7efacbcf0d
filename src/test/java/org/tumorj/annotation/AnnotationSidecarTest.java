package org.tumorj.annotation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationSidecarTest {
    @TempDir Path dir;

    static Annotation region(String label, int slice, String sop) {
        return new Annotation(label, slice, sop, new float[] {10.5f, 20.25f, 15f}, new float[] {5f, 6.125f, 18.75f});
    }

    @Test
    void roundTripsLabelsSlicesAndPolygons() throws Exception {
        List<Annotation> regions = List.of(region("tumor", 3, "2.25.11"), region("normal-liver", 0, ""));
        Path file = dir.resolve(AnnotationSidecar.FILE_NAME);
        AnnotationSidecar.write(file, regions);
        List<Annotation> back = AnnotationSidecar.read(file);
        assertEquals(2, back.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(regions.get(i).label(), back.get(i).label());
            assertEquals(regions.get(i).sliceIndex(), back.get(i).sliceIndex());
            assertEquals(regions.get(i).sopInstanceUid(), back.get(i).sopInstanceUid());
            assertArrayEquals(regions.get(i).xs(), back.get(i).xs());
            assertArrayEquals(regions.get(i).ys(), back.get(i).ys());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void documentedExampleReads() throws Exception {
        Path file = dir.resolve("annotations.json");
        Files.writeString(file, """
                {"format": "tumorj-annotations", "version": 1, "regions": [
                  {"label": "tumor", "slice": {"sopInstanceUid": "2.25.1234", "index": 12},
                   "polygon": [[101.5, 88.0], [110.25, 90.5], [104.0, 97.75]]}]}
                """);
        Annotation a = AnnotationSidecar.read(file).get(0);
        assertEquals(12, a.sliceIndex());
        assertEquals("2.25.1234", a.sopInstanceUid());
        assertEquals(110.25f, a.xs()[1]);
    }

    @Test
    void corruptJsonNamesTheFile() throws Exception {
        Path file = dir.resolve("annotations.json");
        Files.writeString(file, "{\"regions\": [ {\"label\": \"tumor\", ");
        AnnotationFileException e = assertThrows(AnnotationFileException.class, () -> AnnotationSidecar.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("corrupt JSON"), e.getMessage());
    }

    @Test
    void missingFieldNamesFileRegionAndField() throws Exception {
        Path file = dir.resolve("annotations.json");
        Files.writeString(file, "{\"version\": 1, \"regions\": [{\"label\": \"tumor\", \"slice\": {\"index\": 2}}]}");
        AnnotationFileException e = assertThrows(AnnotationFileException.class, () -> AnnotationSidecar.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("region 1")
                && e.getMessage().contains("\"polygon\""), e.getMessage());
    }

    @Test
    void badPointsAndNewerVersionsAreRefused() throws Exception {
        Path file = dir.resolve("annotations.json");
        Files.writeString(file, "{\"regions\": [{\"label\": \"tumor\", \"slice\": {\"index\": 2}, \"polygon\": [[1,2],[3],[4,5]]}]}");
        assertTrue(assertThrows(AnnotationFileException.class, () -> AnnotationSidecar.read(file))
                .getMessage().contains("point 2"));
        Files.writeString(file, "{\"version\": 9, \"regions\": []}");
        assertTrue(assertThrows(AnnotationFileException.class, () -> AnnotationSidecar.read(file))
                .getMessage().contains("version 9"));
        Files.writeString(file, "[1, 2]");
        assertTrue(assertThrows(AnnotationFileException.class, () -> AnnotationSidecar.read(file))
                .getMessage().contains("expected a JSON object"));
    }

    @Test
    void reattachFollowsSopInstanceUidsWhenSlicesWereReordered() throws Exception {
        List<String> original = List.of("2.25.1", "2.25.2", "2.25.3");
        List<String> reversed = List.of("2.25.3", "2.25.2", "2.25.1");
        List<Annotation> regions = List.of(region("tumor", 0, "2.25.1"), region("tumor", 2, ""));
        List<Annotation> back = SliceAttachment.reattach(dir.resolve("a.json"), regions, null, reversed);
        assertEquals(2, back.get(0).sliceIndex(), "follows its SOPInstanceUID");
        assertEquals(2, back.get(1).sliceIndex(), "no UID: index kept");
        assertEquals("2.25.1", back.get(1).sopInstanceUid(), "and the UID of that slice filled in");
        assertEquals(original.size(), reversed.size());
    }

    @Test
    void reattachRefusesSlicesTheSeriesDoesNotHave() {
        Path file = dir.resolve("annotations.json");
        List<String> sops = List.of("2.25.1", "2.25.2");
        AnnotationFileException unknownSop = assertThrows(AnnotationFileException.class,
                () -> SliceAttachment.reattach(file, List.of(region("tumor", 0, "2.25.9")), List.of("tumor 4"), sops));
        assertTrue(unknownSop.getMessage().contains(file.toString()) && unknownSop.getMessage().contains("tumor 4")
                && unknownSop.getMessage().contains("2.25.9"), unknownSop.getMessage());
        AnnotationFileException outside = assertThrows(AnnotationFileException.class,
                () -> SliceAttachment.reattach(file, List.of(region("tumor", 5, "")), null, sops));
        assertTrue(outside.getMessage().contains("slice 6") && outside.getMessage().contains("2 slices"), outside.getMessage());
    }
}
