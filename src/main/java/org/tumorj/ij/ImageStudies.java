package org.tumorj.ij;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.AnnotationFileException;
import org.tumorj.annotation.SliceAttachment;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Study;
import org.tumorj.volume.Volume;

/**
 * An open series and the ROIs drawn on it as one annotated study, the way the study folder's
 * {@code RoiSet.zip} would give it: so that Train Tumor Detector can add the image a user has just
 * annotated to a folder of studies without saving it first.
 */
public final class ImageStudies {
    private ImageStudies() {}

    /**
     * The image's volume (see {@link VolumeImages#toVolume}) with the ROIs as its annotations, each
     * on the slice it is associated with; the study id is the folder the series was opened from.
     * The image does not carry the patient ID (Open DICOM Series leaves it out of the header
     * text), so the split groups this study alone: it may land on the other side of the split
     * from another study of the same patient in the folder.
     *
     * @throws AnnotationFileException a ROI is not an area or not tied to a slice of the image
     * @throws IllegalArgumentException no ROIs, or the image was not opened by Open DICOM Series
     */
    public static LoadedStudy fromImage(ImagePlus imp, List<Roi> rois) throws AnnotationFileException {
        Volume volume = VolumeImages.toVolume(imp);
        if (rois.isEmpty()) {
            throw new IllegalArgumentException("the ROI Manager holds no ROIs for '" + imp.getTitle()
                    + "': outline regions on their slices and class them with Set ROI Class");
        }
        String id = studyId(imp);
        Path source = Path.of("ROI Manager of " + id);
        List<Annotation> regions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Roi roi : rois) {
            String name = roi.getName() == null ? "" : roi.getName();
            regions.add(RoiSets.fromRoi(source, name, roi));
            names.add(name);
        }
        List<Annotation> attached = SliceAttachment.reattach(source, regions, names, volume.info().sopInstanceUids());
        return new LoadedStudy(new Study(id, source, ""), volume, attached);
    }

    /**
     * The image with the ROI Manager's ROIs (the hidden one of a batch macro) as a study, or an
     * error that starts with {@code context} (the command, and the key when one asked for it).
     */
    public static LoadedStudy withRoiManager(String context, ImagePlus imp) throws IOException {
        RoiManager rm = RoiSets.currentManager();
        List<Roi> rois = rm == null ? List.of() : Arrays.asList(rm.getRoisAsArray());
        try {
            return fromImage(imp, rois);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(context + ": " + e.getMessage(), e);
        }
    }

    /** The study id Open DICOM Series stored (the folder's name), else the image title. */
    public static String studyId(ImagePlus imp) {
        String study = imp.getProp(VolumeImages.STUDY_PROPERTY);
        return study == null || study.isBlank() ? imp.getTitle() : study;
    }
}
