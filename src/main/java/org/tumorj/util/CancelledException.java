package org.tumorj.util;

/** Thrown when the user cancelled; whatever was being written has been discarded. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled by the user");
    }
}
