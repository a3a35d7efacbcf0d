package org.tumorj.ij.commands;

import ij.IJ;
import org.tumorj.ij.CommandLog;
import org.tumorj.ij.CurrentImages;
import org.tumorj.ij.MacroKey;
import org.tumorj.ij.MacroKeys;
import org.tumorj.ij.MacroValues;
import org.tumorj.ij.RoiClassAssignment;
import org.tumorj.ij.RoiClasses;
import org.tumorj.ij.TumorJCommand;

/**
 * Plugins > TumorJ > Set ROI Class: gives the ROIs selected in the ROI Manager (or, when none is
 * selected there, the image's current selection, which is then added to the ROI Manager) an
 * annotation class, as ROI group and as name {@code "<class> <n>"}. The training commands read
 * the class back with {@link RoiClasses#classOf}.
 */
public final class SetRoiClass extends TumorJCommand {
    public static final String COMMAND = "Set ROI Class...";
    private static final MacroKeys KEYS = MacroKeys.of(COMMAND,
            MacroKey.string("class", "tumor", "Annotation class: one word of letters, digits and _"
                    + " (e.g. tumor, normal_liver); sets the ROI group of that name and renames"
                    + " the ROIs after it: tumor 1, tumor 2, ..."));

    public SetRoiClass() {
        super(KEYS);
    }

    @Override
    protected void execute(MacroValues values) {
        String cls = RoiClasses.checkClassName(values.string("class"));
        int count = RoiClassAssignment.assignToSelection(COMMAND, cls);
        IJ.showStatus(CommandLog.name(COMMAND) + ": " + count + " ROI(s) -> " + cls);
        CurrentImages.redraw();
    }
}
