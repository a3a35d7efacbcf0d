package org.tumorj.annotation;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An annotation file that cannot be used as it is: corrupt, missing a field, or pointing at a
 * slice the series does not have. The message starts with the file, then says what to fix.
 */
public class AnnotationFileException extends IOException {
    private final Path file;

    public AnnotationFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public AnnotationFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
