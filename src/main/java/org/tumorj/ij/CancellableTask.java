package org.tumorj.ij;

import ij.IJ;
import ij.macro.Interpreter;
import java.awt.Button;
import java.awt.Dialog;
import java.awt.EventQueue;
import java.awt.FlowLayout;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Label;
import java.awt.Panel;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import org.tumorj.backbone.TensorFlowRuntime;
import org.tumorj.util.CancelledException;
import org.tumorj.util.Progress;

/**
 * How a long command runs its core work: with an {@link IjProgress}, and, when a user sits at
 * the screen (not in a batch macro, not headless), a small non-modal window showing the current
 * step with a Cancel button. Escape cancels in every mode. The work runs on the caller's thread,
 * which for a menu command is ImageJ's command thread, never the AWT event thread.
 *
 * <pre>{@code
 * Detections d = CancellableTask.run(COMMAND, progress -> detector.detect(volume, progress));
 * }</pre>
 */
public final class CancellableTask {

    /** The work of a long command; it calls {@code progress.checkCancelled()} between steps. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws IOException;
    }

    private CancellableTask() {}

    /**
     * Runs the work and returns its result.
     *
     * @throws CancelledException the user pressed Escape or Cancel
     * @throws IOException from the work, unchanged
     */
    public static <T> T run(String command, Work<T> work) throws IOException {
        IjProgress progress = IjProgress.start(command);
        TensorFlowRuntime.reportUnpackingTo(progress); // a first run may unpack the natives from their jar
        CancelWindow window = userPresent() ? CancelWindow.open(progress) : null;
        String outcome = "failed";
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // ImageJ runs commands with the system class loader as context loader, which cannot see
        // plugins/jars; DJL finds its TensorFlow engine through ServiceLoader on the context loader.
        thread.setContextClassLoader(CancellableTask.class.getClassLoader());
        try {
            T result = work.run(progress);
            outcome = "done";
            return result;
        } catch (CancelledException e) {
            outcome = "cancelled";
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
            if (window != null) {
                window.close();
            }
            progress.finish(outcome);
        }
    }

    /** True when someone can click a Cancel button: an ImageJ window, no batch macro, a display. */
    public static boolean userPresent() {
        return !GraphicsEnvironment.isHeadless() && IJ.getInstance() != null && !Interpreter.isBatchMode();
    }

    /** The non-modal window with the current step and a Cancel button. */
    private static final class CancelWindow {
        private final Dialog dialog;

        private CancelWindow(Dialog dialog) {
            this.dialog = dialog;
        }

        static CancelWindow open(IjProgress progress) {
            Frame owner = IJ.getInstance();
            Dialog dialog = new Dialog(owner, "TumorJ: " + progress.command().replace("...", ""), false);
            Label status = new Label("Starting " + progress.command().replace("...", "") + "...                 ");
            Button cancel = new Button("Cancel");
            cancel.addActionListener(e -> {
                progress.cancel();
                status.setText("Cancelling after the current step...");
            });
            dialog.addWindowListener(new WindowAdapter() {
                @Override
                public void windowClosing(WindowEvent e) {
                    progress.cancel();
                }
            });
            progress.onStatus(s -> EventQueue.invokeLater(() -> status.setText(s)));
            Panel buttons = new Panel(new FlowLayout(FlowLayout.RIGHT));
            buttons.add(cancel);
            dialog.add(status, "Center");
            dialog.add(buttons, "South");
            dialog.pack();
            dialog.setLocationRelativeTo(owner);
            dialog.setVisible(true);
            return new CancelWindow(dialog);
        }

        void close() {
            EventQueue.invokeLater(dialog::dispose);
        }
    }
}
