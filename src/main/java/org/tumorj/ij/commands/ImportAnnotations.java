package org.tumorj.ij.commands;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;
import java.io.IOException;
import java.util.List;
import org.tumorj.ij.CommandLog;
import org.tumorj.ij.CurrentImages;
import org.tumorj.ij.MacroKey;
import org.tumorj.ij.MacroKeys;
import org.tumorj.ij.MacroValues;
import org.tumorj.ij.RoiSets;
import org.tumorj.ij.TumorJCommand;

/**
 * Plugins > TumorJ > Import Annotations...: the contours of an RT Structure Set, the segments of
 * a DICOM Segmentation (from a planning system, 3D Slicer, OHIF, or TumorJ's own export) or the
 * labels of a NIfTI label map (ITK-SNAP, 3D Slicer, MONAI Label) into the ROI Manager on the open
 * series, one ROI per region and slice, to review, relabel with Set ROI Class, and train on.
 */
public final class ImportAnnotations extends TumorJCommand {
    public static final String COMMAND = "Import Annotations...";
    private static final MacroKeys KEYS = MacroKeys.of(COMMAND,
            MacroKey.file("file", "", "An RT Structure Set or DICOM Segmentation of the open series (any file name),"
                    + " matched to slices by SOP Instance UID, else by position; or a NIfTI label map (.nii, .nii.gz)"
                    + " on the series' voxel grid"));

    public ImportAnnotations() {
        super(KEYS, "file=/data/study-12/rtstruct.dcm");
    }

    @Override
    protected void execute(MacroValues v) throws IOException {
        ImagePlus imp = CurrentImages.required(COMMAND, "no image open; open the series the annotations belong to with"
                + " Plugins > TumorJ > Open DICOM Series... first");
        List<Roi> rois = RoiSets.imported(v.existingFile("file"), imp);
        RoiManager rm = RoiSets.managerForAdding();
        for (Roi roi : rois) {
            rm.add(imp, roi, -1);
        }
        CommandLog.log(COMMAND, rois.size() + " region(s) added to the ROI Manager on '" + imp.getTitle() + "'");
    }
}
