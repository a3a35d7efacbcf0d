package org.tumorj.cli;

import java.io.PrintStream;
import org.tumorj.util.Progress;

/**
 * Progress on the console, quiet by default. On a terminal, a long step is one line redrawn in
 * place ({@code Dense detection [#####.....] 12/24}) and kept when the step ends; in a log file
 * (a cluster job, CI) only the step's end is written, one line. Log lines always go out, each on
 * a line of its own; details ({@link #detail}) only when verbose ({@code --verbose}).
 */
final class ConsoleProgress implements Progress {
    private static final int BAR = 20;
    private final PrintStream out;
    private final boolean terminal;
    private final boolean verbose;
    private boolean lineOpen;

    ConsoleProgress(PrintStream out, boolean terminal) {
        this(out, terminal, false);
    }

    ConsoleProgress(PrintStream out, boolean terminal, boolean verbose) {
        this.out = out;
        this.terminal = terminal;
        this.verbose = verbose;
    }

    @Override
    public synchronized void update(String step, long done, long total) {
        boolean finished = total <= 0 || done >= total;
        if (terminal) {
            int filled = total <= 0 ? BAR : (int) (BAR * Math.min(done, total) / total);
            out.print("\r  " + step + " [" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + done + "/" + total);
            lineOpen = !finished;
            if (finished) {
                out.println();
            }
        } else if (finished) {
            out.printf("  %s: %d/%d%n", step, done, total);
        }
        out.flush();
    }

    @Override
    public synchronized void log(String message) {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
        out.println(message);
    }

    @Override
    public void detail(String message) {
        if (verbose) {
            log(message);
        }
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
