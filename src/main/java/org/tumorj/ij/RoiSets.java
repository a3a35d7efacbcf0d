package org.tumorj.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.macro.Interpreter;
import ij.plugin.frame.RoiManager;
import ij.process.FloatPolygon;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.AnnotationFileException;
import org.tumorj.annotation.RoiSetZip;
import org.tumorj.api.TumorJ;
import org.tumorj.volume.VolumeInfo;

/**
 * ImageJ ROIs to and from {@link Annotation}s, under the conventions of {@link RoiSetZip} (which
 * reads and writes the zip itself, without ImageJ): a polygon positioned on its 1-based slice,
 * the slice's SOPInstanceUID in the property {@value RoiSetZip#SOP_PROPERTY}, named
 * {@code <label> <n>}; the label from the ROI's group name when set, else from its name.
 */
public final class RoiSets {
    private RoiSets() {}

    /** ROIs for the ROI Manager, named as {@link RoiSetZip#names} names them. */
    public static List<Roi> toRois(List<Annotation> regions) {
        List<String> names = RoiSetZip.names(regions);
        List<Roi> out = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            out.add(toRoi(regions.get(i), names.get(i)));
        }
        return out;
    }

    public static PolygonRoi toRoi(Annotation a, String name) {
        PolygonRoi roi = new PolygonRoi(a.xs(), a.ys(), Roi.POLYGON);
        roi.setName(name);
        roi.setPosition(a.sliceIndex() + 1);
        if (a.sopInstanceUid() != null && !a.sopInstanceUid().isEmpty()) {
            roi.setProperty(RoiSetZip.SOP_PROPERTY, a.sopInstanceUid());
        }
        return roi;
    }

    /**
     * The region an area ROI outlines. Label: the ROI's group name when set, else its name.
     *
     * @throws AnnotationFileException for a line or point ROI, or a ROI with no slice
     */
    public static Annotation fromRoi(Path source, String name, Roi roi) throws AnnotationFileException {
        int slice = roi.getPosition() > 0 ? roi.getPosition() : roi.hasHyperStackPosition() ? roi.getZPosition() : 0;
        FloatPolygon p = roi.getFloatPolygon();
        return RoiSetZip.region(source, name, label(roi, name), slice, roi.isArea() ? null : roi.getTypeAsString(),
                roi.getProperty(RoiSetZip.SOP_PROPERTY), Arrays.copyOf(p.xpoints, p.npoints),
                Arrays.copyOf(p.ypoints, p.npoints));
    }

    private static String label(Roi roi, String name) {
        return RoiSetZip.label(name, roi.getGroup() > 0 ? Roi.getGroupName(roi.getGroup()) : null);
    }

    /**
     * The contours of an RT Structure Set, the segments of a DICOM Segmentation or the labels of a
     * NIfTI label map ({@code .nii}, {@code .nii.gz}, on the series' voxel grid) as ROIs on an image
     * opened with Open DICOM Series, on the slices they belong to, named {@code <structure, segment
     * or label name> <n>}: training reads the class from the name by the usual rules, and Set ROI
     * Class relabels what a planning system named otherwise (GTV, Liver).
     */
    public static List<Roi> imported(Path file, ImagePlus imp) throws IOException {
        VolumeInfo info = VolumeImages.toVolume(imp).info();
        return toRois(org.tumorj.nifti.NiftiImage.isNiftiName(file) ? TumorJ.readLabelMapAnnotations(file, info)
                : TumorJ.readDicomAnnotations(file, info));
    }

    /** The ROI Manager in use: the window's, else the hidden one of a batch macro; null when there is none. */
    public static RoiManager currentManager() {
        RoiManager rm = RoiManager.getInstance();
        if (rm == null && IJ.isMacro() && Interpreter.isBatchMode()) {
            rm = Interpreter.getBatchModeRoiManager();
        }
        return rm;
    }

    /** The ROI Manager to add ROIs to: the one in use, else the window, opened. */
    public static RoiManager managerForAdding() {
        RoiManager rm = currentManager();
        return rm != null ? rm : RoiManager.getRoiManager();
    }
}
