package org.tumorj.ij;

import ij.IJ;

/**
 * How the commands name themselves in the Log and on the status bar: the menu label without its
 * trailing "...", which in a menu says "a dialog follows" and in a Log line is noise.
 */
public final class CommandLog {
    private CommandLog() {}

    /** {@code "Detect Tumors..."} gives {@code "Detect Tumors"}. */
    public static String name(String command) {
        return command.replace("...", "");
    }

    /** One Log line, {@code "<name>: <message>"}. */
    public static void log(String command, String message) {
        IJ.log(name(command) + ": " + message);
    }
}
