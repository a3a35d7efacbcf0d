package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.privacy.Deidentifier;
import org.tumorj.util.Progress;

/**
 * Issue 13: with de-identification on, a failing study's log line carried its real folder name
 * and path ({@code 1/2 ANON-BAF6EFF7: failed: .../ZZBADSTUDY-ROE-JANE}), tying the pseudonym to it.
 */
class DeidentifiedBatchLogTest {

    @Test
    void aFailingStudyIsLoggedUnderItsPseudonymOnly(@TempDir Path in, @TempDir Path out) throws IOException {
        Path study = Files.createDirectories(in.resolve("ZZBADSTUDY-ROE-JANE"));
        Files.writeString(study.resolve("IM-0001.dcm"), "not DICOM");
        List<String> lines = new ArrayList<>();
        Progress log = new Progress() {
            @Override public void update(String step, long done, long total) {}
            @Override public void log(String message) { lines.add(message); }
            @Override public boolean isCancelled() { return false; }
        };
        // the reader's own message names the file, as every DicomException does
        BatchDetection batch = new BatchDetection(null, dir -> {
            throw new IOException(dir.resolve("IM-0001.dcm") + ": not a DICOM file");
        }, StudyOutputs.csv(false), new Deidentifier("salt"));

        BatchDetection.Summary summary = batch.run(in, out, false, log);

        assertEquals(1, summary.failures().size());
        String all = String.join("\n", lines) + "\n" + summary.failures();
        assertFalse(all.contains("ROE") || all.contains("JANE"), all);
        assertTrue(lines.get(0).contains(": failed: <"), lines.get(0));
        assertTrue(lines.get(0).contains("not a DICOM file"), "the reason stays: " + lines.get(0));
    }
}
