package org.tumorj.util;

/**
 * Progress and cancellation, injected into long core operations. The console and Fiji's status
 * bar each have an adapter; the core never knows which.
 */
public interface Progress {

    /** Reports that {@code done} of {@code total} units of the named step are finished. */
    void update(String step, long done, long total);

    /** A line for the user's log. Must not contain patient names or IDs. */
    void log(String message);

    /** True once the user asked to stop; loops check it each step. */
    boolean isCancelled();

    /**
     * A line of detail (each epoch's losses): Fiji's Log shows it like any line, the console only
     * with {@code --verbose}. Must not contain patient names or IDs.
     */
    default void detail(String message) {
        log(message);
    }

    /**
     * This progress with each step named after what it works on ({@code ct-0004: Reading DICOM
     * headers}), so that a log of several studies says which one each step was; lines, details
     * and cancellation go through unchanged.
     */
    default Progress about(String subject) {
        Progress outer = this;
        return new Progress() {
            @Override public void update(String step, long done, long total) { outer.update(subject + ": " + step, done, total); }
            @Override public void log(String message) { outer.log(message); }
            @Override public void detail(String message) { outer.detail(message); }
            @Override public boolean isCancelled() { return outer.isCancelled(); }
        };
    }

    /** Throws {@link CancelledException} when cancelled; call between steps. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** A progress that reports nothing and is never cancelled. */
    static Progress none() {
        return new Progress() {
            @Override public void update(String step, long done, long total) {}
            @Override public void log(String message) {}
            @Override public boolean isCancelled() { return false; }
        };
    }
}
