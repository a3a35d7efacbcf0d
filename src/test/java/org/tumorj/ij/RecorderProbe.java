package org.tumorj.ij;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;
import java.awt.EventQueue;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.lang.reflect.InvocationTargetException;

/**
 * Runs inside the ImageJ of {@code GuiScreenshotIT} (installed with the test classes): plays a
 * user who opens a command from the menu with the Macro Recorder on, types into the dialog's first
 * text field and presses OK, then returns what the Recorder wrote. Called from the macro with
 * {@code call("org.tumorj.ij.RecorderProbe.record", "Set ROI Class...", "cyst")}.
 */
public final class RecorderProbe {
    private static final long WAIT_MILLIS = 20_000;

    private RecorderProbe() {}

    public static String record(String command, String firstFieldText) throws InterruptedException,
            InvocationTargetException {
        Recorder recorder = Recorder.getInstance() != null ? Recorder.getInstance() : new Recorder(true);
        IJ.doCommand(command); // like a menu click: the command's own thread, which the Recorder records
        GenericDialog dialog = awaitDialog("TumorJ: " + command.replace("...", ""));
        if (dialog == null) {
            return "(no dialog appeared)";
        }
        // A user cannot press OK before the dialog has been laid out and painted; pressing it in the
        // same instant it became visible raced with the dialog's own setup on a fast idle machine.
        long settle = System.currentTimeMillis() + WAIT_MILLIS;
        while (!dialog.getButtons()[0].isShowing() && System.currentTimeMillis() < settle) {
            Thread.sleep(50);
        }
        EventQueue.invokeAndWait(() -> { }); // let pending layout and paint events run first
        Thread.sleep(500);
        EventQueue.invokeAndWait(() -> {
            ((TextField) dialog.getStringFields().get(0)).setText(firstFieldText);
            dialog.actionPerformed(new ActionEvent(dialog.getButtons()[0], ActionEvent.ACTION_PERFORMED, "OK"));
        });
        long end = System.currentTimeMillis() + WAIT_MILLIS;
        while (!recorder.getText().contains(command) && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        String text = recorder.getText().trim();
        return !text.isEmpty() ? text : "(nothing recorded; dialog still showing: " + dialog.isShowing()
                + ", OK pressed: " + dialog.wasOKed() + ")";
    }

    private static GenericDialog awaitDialog(String title) throws InterruptedException {
        long end = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < end) {
            for (Window w : Window.getWindows()) {
                if (w instanceof GenericDialog gd && w.isShowing() && title.equals(gd.getTitle())) {
                    return gd;
                }
            }
            Thread.sleep(50);
        }
        return null;
    }
}
