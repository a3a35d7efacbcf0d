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
