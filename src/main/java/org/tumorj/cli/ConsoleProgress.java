package org.tumorj.cli;

import java.io.PrintStream;
import org.tumorj.util.Progress;

/**
 * Progress on the console: log lines as they come, and a step's progress every 10 %, so a
 * headless batch's log shows where it is without flooding.
 */
final class ConsoleProgress implements Progress {
    private final PrintStream out;
    private String lastStep = "";
    private long lastTenth = -1;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void update(String step, long done, long total) {
        long tenth = total <= 0 ? 10 : done * 10 / total;
        if (!step.equals(lastStep) || tenth != lastTenth) {
            if (tenth == 10 || !step.equals(lastStep) || tenth > lastTenth) {
                out.printf("  %s: %d/%d%n", step, done, total);
            }
            lastStep = step;
            lastTenth = tenth;
        }
    }

    @Override
    public void log(String message) {
        out.println(message);
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
