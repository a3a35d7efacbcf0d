package org.tumorj.ij;

import ij.IJ;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.tumorj.util.CancelledException;

/**
 * What every TumorJ menu command shares: its documented macro keys, the way its values are read
 * (dialog, macro options or defaults), and how failures reach the user. A failure the user can fix
 * (bad value, missing file) is shown with {@code IJ.error}, which in a macro also stops the macro,
 * so later steps never run on missing output; in {@code -batch} mode the message goes to the Log
 * (stdout) instead of a dialog.
 * Subclasses need a public no-argument constructor that passes their keys up and does no work:
 * ImageJ and the docs test create them to read {@link #keys()}.
 */
public abstract class TumorJCommand implements PlugIn {
    private final MacroKeys keys;
    private final String documentedOptions;

    /** A command whose documented macro line uses its keys' defaults. */
    protected TumorJCommand(MacroKeys keys) {
        this(keys, null);
    }

    /**
     * @param documentedOptions the options of the macro line the docs show for this command, run as
     *     written by the macro tests (commands with required paths give example paths)
     */
    protected TumorJCommand(MacroKeys keys, String documentedOptions) {
        this.keys = keys;
        this.documentedOptions = documentedOptions;
    }

    /** The command's macro keys; their command name is the menu label in plugins.config. */
    public final MacroKeys keys() {
        return keys;
    }

    /** The options of the macro line the docs show for this command. */
    public final String documentedOptions() {
        return documentedOptions != null ? documentedOptions : keys.defaults().options();
    }

    /** Does the work with values already checked against the keys. */
    protected abstract void execute(MacroValues values) throws IOException;

    @Override
    public final void run(String arg) {
        String command = keys().command();
        try {
            Optional<MacroValues> values = keys().read();
            if (values.isPresent()) {
                execute(values.get());
            }
        } catch (CancelledException e) {
            IJ.log(command + ": cancelled");
            IJ.showStatus(command + ": cancelled");
        } catch (IllegalArgumentException | IllegalStateException | IOException | UncheckedIOException e) {
            fail(command, e.getMessage());
        }
    }

    /**
     * Shows a failure and stops the macro that ran the command. With no ImageJ window (a
     * {@code -batch} run), ImageJ's own error path would open a dialog that nobody can close and
     * the batch would hang, so the message goes to the Log (stdout there) and the macro is aborted;
     * started from the command line ({@code ImageJ -batch}), ImageJ then exits with status 1.
     */
    static void fail(String command, String message) {
        String text = message != null && message.startsWith(command) ? message : command + ": " + message;
        if (IJ.getInstance() == null && IJ.isMacro()) {
            IJ.log("TumorJ error: " + text);
            if (startedWithBatchFlag()) {
                // ImageJ -batch ends with exit status 0 whatever the macro did: a lab's shell
                // script or cluster job must see the failure, and ImageJ would exit next anyway.
                System.out.flush();
                System.exit(1);
            }
            Interpreter.abort();
        } else {
            IJ.log("TumorJ error: " + text); // kept in the Log after the dialog is closed
            System.err.println("TumorJ error: " + text); // and seen by whoever started Fiji from a terminal
            IJ.error("TumorJ", text);
        }
    }

    /** ImageJ (or Fiji's launcher) was started as {@code ... -batch macro.ijm}: no one but a script is waiting. */
    private static boolean startedWithBatchFlag() {
        return java.util.Arrays.asList(System.getProperty("sun.java.command", "").split(" ")).contains("-batch");
    }
}
