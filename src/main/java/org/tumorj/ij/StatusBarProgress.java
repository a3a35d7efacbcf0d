package org.tumorj.ij;

import ij.IJ;
import org.tumorj.util.Progress;

/** Progress on ImageJ's status bar; Esc cancels. */
public final class StatusBarProgress implements Progress {
    @Override
    public void update(String step, long done, long total) {
        IJ.showStatus(step + " " + done + "/" + total);
        IJ.showProgress((double) done / Math.max(1, total));
    }

    @Override
    public void log(String message) {
        IJ.log(message);
    }

    @Override
    public boolean isCancelled() {
        return IJ.escapePressed();
    }
}
