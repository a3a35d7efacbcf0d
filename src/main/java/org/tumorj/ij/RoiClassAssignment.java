package org.tumorj.ij;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Set ROI Class's work: gives the ROIs a user points at an annotation class, under both of
 * {@link RoiClasses}' conventions, and keeps the names {@code "<class> <n>"} unique within the
 * ROI Manager, so that a RoiSet.zip saved from it reads back one region per name.
 */
public final class RoiClassAssignment {
    private RoiClassAssignment() {}

    /**
     * Classes the ROIs selected in the ROI Manager or, when none is selected there, the current
     * image's selection, which is then added to the ROI Manager.
     *
     * @param cls a class name already checked with {@link RoiClasses#checkClassName}
     * @return how many ROIs were classed
     * @throws IllegalArgumentException nothing selected, neither in the ROI Manager nor on the image
     */
    public static int assignToSelection(String command, String cls) {
        RoiManager rm = RoiManager.getInstance();
        int[] selected = rm == null ? new int[0] : rm.getSelectedIndexes();
        return selected.length > 0 ? classifySelected(rm, selected, cls) : classifyImageSelection(command, cls);
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

    private static int classifyImageSelection(String command, String cls) {
        ImagePlus imp = WindowManager.getCurrentImage();
        Roi roi = imp == null ? null : imp.getRoi();
        if (roi == null) {
            throw new IllegalArgumentException(command + ": no ROI to classify; select ROIs in the ROI"
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
