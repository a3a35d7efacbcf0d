package org.tumorj.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3072 x 3072 radiograph (for the memory benchmarks others run) is generated and written
 * without a 3D volume: the chest is integrated analytically and on a coarse grid. Not timed;
 * {@code scripts/bench XrayPhantomBenchmark} measures time and peak heap.
 */
@Tag("slow")
class LargeRadiographTest {
    @TempDir Path dir;

    @Test
    void a3072PixelRadiographIsGeneratedAndWritten() throws Exception {
        PhantomStudy s = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.XR, 2026, 5).withSize(3072));
        assertEquals(3072, s.volume().width());
        assertEquals(384, 3072 * RadiographProtocol.draw(s.config()).imagerSpacing(), 16, "the same field, finer pixels");
        assertFalse(s.groundTruth().lesions().isEmpty());
        Path study = PhantomStudyWriter.write(s, dir.resolve(s.studyId()));
        assertTrue(Files.size(study.resolve("IM-0001.dcm")) > 2L * 3072 * 3072);
    }
}
