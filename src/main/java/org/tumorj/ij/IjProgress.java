package org.tumorj.ij;

import ij.IJ;
import java.util.function.Consumer;
import org.tumorj.util.Progress;

/**
 * Progress of a core operation on ImageJ's status bar and progress bar, its messages in the Log
 * window, and cancellation by Escape (ImageJ's usual key) or by {@link #cancel()} (a dialog's
 * Cancel button). Thread-safe: the core may report from worker threads.
 */
public final class IjProgress implements Progress {
    /** Status bar updates at most this often; the core may report thousands of steps a second. */
    private static final long MIN_UPDATE_NANOS = 100_000_000L;

    private final String command;
    private volatile boolean cancelled;
    private volatile Consumer<String> statusListener = s -> {};
    private long lastUpdate;

    private IjProgress(String command) {
        this.command = command;
    }

    /**
     * A progress for one run of a command. Forgets an Escape pressed before the run started, so
     * only an Escape during this run cancels it.
     */
    public static IjProgress start(String command) {
        IJ.resetEscape();
        return new IjProgress(command);
    }

    @Override
    public void update(String step, long done, long total) {
        boolean last = done >= total;
        synchronized (this) {
            long now = System.nanoTime();
            if (!last && now - lastUpdate < MIN_UPDATE_NANOS) {
                return;
            }
            lastUpdate = now;
        }
        String status = statusText(step, done, total);
        IJ.showStatus(status);
        IJ.showProgress(total > 0 ? Math.min(1.0, (double) done / total) : 0.0);
        statusListener.accept(status);
    }

    @Override
    public void log(String message) {
        IJ.log(message);
    }

    @Override
    public boolean isCancelled() {
        if (!cancelled && IJ.escapePressed()) {
            cancelled = true;
        }
        return cancelled;
    }

    /** Asks the running operation to stop at its next check. */
    public void cancel() {
        cancelled = true;
    }

    /** Clears the progress bar and says how the run ended on the status bar. */
    public void finish(String outcome) {
        IJ.showProgress(1.0);
        IJ.showStatus(command + ": " + outcome);
    }

    /** Receives each status line too (the cancel dialog shows it). */
    public void onStatus(Consumer<String> listener) {
        statusListener = listener;
    }

    public String command() {
        return command;
    }

    /** {@code "Detect Tumors: slices 3/120"}: what the status bar shows. */
    String statusText(String step, long done, long total) {
        String name = command.replace("...", "");
        return total > 0 ? name + ": " + step + " " + done + "/" + total : name + ": " + step;
    }
}
