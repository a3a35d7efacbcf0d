package org.tumorj.ij.commands;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tumorj.ij.MacroKey;
import org.tumorj.ij.MacroKeys;
import org.tumorj.ij.MacroValues;
import org.tumorj.ij.RoiClasses;
import org.tumorj.ij.RoiSets;
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
        RoiManager rm = RoiManager.getInstance();
        int[] selected = rm == null ? new int[0] : rm.getSelectedIndexes();
        int count = selected.length > 0 ? classifySelected(rm, selected, cls) : classifyImageSelection(cls);
        IJ.showStatus(COMMAND.replace("...", "") + ": " + count + " ROI(s) -> " + cls);
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp != null) {
            imp.draw();
        }
    }

    private static int classifySelected(RoiManager rm, int[] selected, String cls) {
        Set<Integer> chosen = new HashSet<>();
        for (int i : selected) {
            chosen.add(i);
        }
        Set<Integer> taken = new HashSet<>();
        for (int i = 0; i < rm.getCount(); i++) {
            if (!chosen.contains(i)) {
                taken.add(RoiClasses.numberIn(rm.getRoi(i).getName(), cls));
            }
        }
        for (int i : selected) {
            Roi roi = rm.getRoi(i);
            int n = keepOrNext(RoiClasses.numberIn(roi.getName(), cls), taken);
            RoiClasses.assign(roi, cls, n);
            rm.rename(i, roi.getName());
        }
        return selected.length;
    }

    private static int classifyImageSelection(String cls) {
        ImagePlus imp = WindowManager.getCurrentImage();
        Roi roi = imp == null ? null : imp.getRoi();
        if (roi == null) {
            throw new IllegalArgumentException(COMMAND + ": no ROI to classify; select ROIs in the ROI"
                    + " Manager, or draw a selection on the image");
        }
        RoiManager rm = RoiSets.managerForAdding();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < rm.getCount(); i++) {
            names.add(rm.getRoi(i).getName());
        }
        if (imp.getStackSize() > 1 && roi.getPosition() == 0 && !roi.hasHyperStackPosition()) {
            roi.setPosition(imp); // an annotation belongs to the slice it was drawn on
        }
        RoiClasses.assign(roi, cls, RoiClasses.nextNumber(names, cls));
        rm.add(imp, roi, -1);
        imp.setRoi(roi);
        return 1;
    }

    /** Keeps a ROI's own number when no other ROI of the class has it, else the next free one. */
    private static int keepOrNext(int own, Set<Integer> taken) {
        int n = own;
        if (n <= 0 || taken.contains(n)) {
            n = taken.stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        }
        taken.add(n);
        return n;
    }
}
