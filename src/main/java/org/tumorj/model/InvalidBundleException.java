package org.tumorj.model;

import java.io.IOException;

/**
 * A model bundle that cannot be used: missing or damaged files, an unknown format, or a backbone
 * other than the one it was trained with. The message names the bundle (and file) and says what to do.
 */
public final class InvalidBundleException extends IOException {
    public InvalidBundleException(String message) {
        super(message);
    }

    public InvalidBundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
