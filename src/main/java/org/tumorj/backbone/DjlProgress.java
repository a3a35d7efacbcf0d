package org.tumorj.backbone;

import org.tumorj.util.Progress;

/** DJL's download progress forwarded to TumorJ's {@link Progress} (console bar or Fiji status bar). */
final class DjlProgress implements ai.djl.util.Progress {
    private final Progress target;
    private String step = "download";
    private long total;
    private long done;

    DjlProgress(Progress target) {
        this.target = target;
    }

    @Override
    public void reset(String message, long max, String trailingMessage) {
        step = message;
        total = max;
        done = 0;
        target.log(message + (trailingMessage == null ? "" : " " + trailingMessage));
    }

    @Override
    public void start(long initialProgress) {
        update(initialProgress, null);
    }

    @Override
    public void end() {
        update(total, null);
    }

    @Override
    public void increment(long increment) {
        update(done + increment, null);
    }

    @Override
    public void update(long progress, String message) {
        done = progress;
        target.update(step, done, total);
        target.checkCancelled();
    }
}
