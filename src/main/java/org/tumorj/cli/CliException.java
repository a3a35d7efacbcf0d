package org.tumorj.cli;

import java.nio.file.Path;

/** A problem the user can fix. The message is printed after {@code error: } on one line. */
public class CliException extends Exception {
    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code <file>: <what is wrong>}, the format every entry point uses. */
    public static CliException forFile(Path file, String problem) {
        return new CliException(file + ": " + problem);
    }
}
