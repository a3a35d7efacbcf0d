package org.tumorj.dicom;

import java.nio.file.Path;

/**
 * A file the reader cannot use: not DICOM, truncated, malformed or in a transfer syntax without
 * a decoder. The message is {@code <file>: <what is wrong>}, ready for the user.
 * Unchecked, so that per-file work can run in parallel streams; callers that load folders catch
 * it per file and go on with the others.
 */
public class DicomException extends RuntimeException {
    private final transient Path file;
    private final String problem;

    public DicomException(Path file, String problem) {
        this(file, problem, null);
    }

    public DicomException(Path file, String problem, Throwable cause) {
        super((file == null ? "" : file + ": ") + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file at fault, or null when the problem is not tied to one file. */
    public Path file() { return file; }

    /** What is wrong, without the file name. */
    public String problem() { return problem; }
}
