package org.tumorj.ij;

import java.awt.Button;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.EventQueue;
import java.awt.Label;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.tumorj.util.CancelledException;

/**
 * Runs inside the ImageJ of {@code GuiScreenshotIT}: starts a long {@link CancellableTask} the way
 * a command does, plays a user who presses the Cancel button of its window once a step has been
 * shown, and reports how the task ended. Called with
 * {@code call("org.tumorj.ij.CancelProbe.cancelLongTask")}.
 */
public final class CancelProbe {
    private static final long WAIT_MILLIS = 20_000;

    private CancelProbe() {}

    public static String cancelLongTask() throws IOException {
        AtomicReference<String> statusSeen = new AtomicReference<>("");
        Thread user = new Thread(() -> pressCancel(statusSeen), "cancel-probe-user");
        user.start();
        try {
            CancellableTask.run("Probe Task...", progress -> {
                long end = System.currentTimeMillis() + WAIT_MILLIS;
                for (long step = 1; System.currentTimeMillis() < end; step++) {
                    progress.update("steps", step, 1_000_000);
                    progress.checkCancelled();
                    sleep(20);
                }
                return "never cancelled";
            });
            return "finished without cancel";
        } catch (CancelledException e) {
            return "cancelled; window showed: " + statusSeen.get();
        }
    }

    private static void pressCancel(AtomicReference<String> statusSeen) {
        long end = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < end) {
            for (Window w : Window.getWindows()) {
                if (w instanceof Dialog d && d.isShowing() && "TumorJ: Probe Task".equals(d.getTitle())) {
                    Label label = find(d, Label.class);
                    Button cancel = find(d, Button.class);
                    if (label != null && label.getText().contains("steps") && cancel != null) {
                        statusSeen.set(label.getText().replaceAll("\\d+/", "N/"));
                        EventQueue.invokeLater(() -> cancel.dispatchEvent(
                                new ActionEvent(cancel, ActionEvent.ACTION_PERFORMED, cancel.getLabel())));
                        return;
                    }
                }
            }
            sleep(50);
        }
    }

    private static <T extends Component> T find(Container c, Class<T> type) {
        for (Component child : c.getComponents()) {
            if (type.isInstance(child)) {
                return type.cast(child);
            }
            if (child instanceof Container inner) {
                T found = find(inner, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
