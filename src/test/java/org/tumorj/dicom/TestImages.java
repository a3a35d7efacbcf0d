package org.tumorj.dicom;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shipped DICOM test files are (test-images/dicom at the repository root). */
final class TestImages {
    private TestImages() {}

    static Path dicom() {
        Path p = Path.of("test-images", "dicom");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("test-images/dicom not found from " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    static Path file(String relative) {
        return dicom().resolve(relative);
    }
}
