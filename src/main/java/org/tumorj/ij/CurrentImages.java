package org.tumorj.ij;

import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.Interpreter;
import java.awt.GraphicsEnvironment;

/**
 * The image a command works on: ImageJ's current image, and how an image a command opens
 * becomes it whether or not a window can show it.
 */
public final class CurrentImages {
    private CurrentImages() {}

    /**
     * The current image, or an error that tells the user what to open.
     *
     * @param whenNone the message after the command's name, e.g. {@code "no image open; open ..."}
     */
    public static ImagePlus required(String command, String whenNone) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            throw new IllegalArgumentException(command + ": " + whenNone);
        }
        return imp;
    }

    /**
     * Shows the image; in a batch macro (or headless) makes it the current image instead, so the
     * macro's next command finds it though no window opens.
     */
    public static void show(ImagePlus imp) {
        if (GraphicsEnvironment.isHeadless() || Interpreter.isBatchMode()) {
            if (Interpreter.isBatchMode()) {
                Interpreter.addBatchModeImage(imp);
            }
            WindowManager.setTempCurrentImage(imp);
        } else {
            imp.show();
        }
    }

    /** Redraws the current image, if any, so that changed ROIs show on it. */
    public static void redraw() {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp != null) {
            imp.draw();
        }
    }
}
