package org.tumorj.ij.commands;

import org.tumorj.ij.AboutText;
import org.tumorj.ij.MacroKeys;
import org.tumorj.ij.MacroValues;
import org.tumorj.ij.TumorJCommand;

/**
 * Plugins > TumorJ > About TumorJ: the version, where the docs are, and the licences of what
 * ships with it. Shown in a message window, or written to the Log when a macro runs it.
 */
public final class AboutTumorJ extends TumorJCommand {
    public static final String COMMAND = "About TumorJ";
    private static final MacroKeys KEYS = MacroKeys.of(COMMAND);

    public AboutTumorJ() {
        super(KEYS);
    }

    @Override
    protected void execute(MacroValues values) {
        AboutText.show(COMMAND);
    }
}
