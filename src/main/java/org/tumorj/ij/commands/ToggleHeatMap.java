package org.tumorj.ij.commands;

import org.tumorj.ij.CurrentImages;
import org.tumorj.ij.DetectionDisplay;
import org.tumorj.ij.MacroKey;
import org.tumorj.ij.MacroKeys;
import org.tumorj.ij.MacroValues;
import org.tumorj.ij.TumorJCommand;

/**
 * Plugins > TumorJ > Toggle Heat Map...: shows or hides the probability heat map that Detect
 * Tumors or Train on This Image drew on the current image, leaving the findings' outlines and
 * the user's own overlay as they are.
 */
public final class ToggleHeatMap extends TumorJCommand {
    public static final String COMMAND = "Toggle Heat Map...";
    private static final MacroKeys KEYS = MacroKeys.of(COMMAND,
            MacroKey.choice("heat_map", "toggle", "toggle = hide it when shown, show it when hidden; show; hide",
                    "toggle", "show", "hide"));

    public ToggleHeatMap() {
        super(KEYS);
    }

    @Override
    protected void execute(MacroValues v) {
        DetectionDisplay.setHeatMap(COMMAND, CurrentImages.required(COMMAND, "no image open; run Detect Tumors or"
                + " Train on This Image on a series first"), v.string("heat_map"));
    }
}
