package org.tumorj.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.AnnotationSidecar;
import org.tumorj.annotation.LabelMapAnnotations;
import org.tumorj.annotation.RoiSetZip;
import org.tumorj.annotation.RtStructAnnotations;
import org.tumorj.annotation.SegAnnotations;
import org.tumorj.annotation.SliceAttachment;
import org.tumorj.nifti.NiftiStudy;
import org.tumorj.volume.Volume;

/**
 * Reads a study's annotations and attaches them to its loaded volume's slices: TumorJ's
 * {@code annotations.json} and the ROI Manager's {@code RoiSet.zip}, both without ImageJ, an RT
 * Structure Set, a DICOM Segmentation and a NIfTI label map. A study's location is its folder, or
 * for the MSD layout its image file (where the folder files resolve to nothing).
 */
@FunctionalInterface
public interface AnnotationReader {

    /** The regions, attached to the volume's slices; empty when the study has none in this format. */
    List<Annotation> read(Path studyDir, Volume volume) throws IOException;

    /** {@code annotations.json}, re-attached by SOPInstanceUID; empty when the file is absent. */
    static AnnotationReader sidecar() {
        return (dir, volume) -> {
            Path file = dir.resolve(AnnotationSidecar.FILE_NAME);
            if (!Files.exists(file)) {
                return List.of();
            }
            return SliceAttachment.reattach(file, AnnotationSidecar.read(file), null, volume.info().sopInstanceUids());
        };
    }

    /**
     * {@code RoiSet.zip}, re-attached by SOPInstanceUID, else by position; empty when absent.
     *
     * @param groupNames ROI group names (Fiji knows them; {@link RoiSetZip#NO_GROUP_NAMES} elsewhere)
     */
    static AnnotationReader roiSetZip(IntFunction<String> groupNames) {
        return (dir, volume) -> {
            Path zip = dir.resolve(RoiSetZip.FILE_NAME);
            return Files.exists(zip) ? RoiSetZip.read(zip, volume.info().sopInstanceUids(), groupNames) : List.of();
        };
    }

    /**
     * An RT Structure Set beside the images, named {@value #RTSTRUCT_FILE} (from 3D Slicer, a
     * planning system or {@code ./tumorj detect --export rtstruct}), its contours matched to slices
     * by SOP Instance UID, else by position; empty when absent.
     */
    static AnnotationReader rtStruct() {
        return (dir, volume) -> {
            Path file = dir.resolve(RTSTRUCT_FILE);
            return Files.exists(file) ? RtStructAnnotations.read(file, volume.info()) : List.of();
        };
    }

    /** The name an RT Structure Set of a study's annotations has in its folder. */
    String RTSTRUCT_FILE = "rtstruct.dcm";

    /**
     * A DICOM Segmentation beside the images, named {@value #SEG_FILE} (from 3D Slicer, OHIF, MONAI
     * Label or {@code ./tumorj detect --export seg}), binary or fractional (at half its maximum
     * value), its frames matched to slices by source image UID, else by position; empty when absent.
     */
    static AnnotationReader seg() {
        return (dir, volume) -> {
            Path file = dir.resolve(SEG_FILE);
            return Files.exists(file) ? SegAnnotations.read(file, volume.info()) : List.of();
        };
    }

    /**
     * A NIfTI study's label map ({@link NiftiStudy}: {@code labelsTr/X.nii.gz} of the MSD layout, or
     * {@code *_seg} / {@code *label*} beside the image), values named by {@code labels.json} or
     * {@code dataset.json}, else nonzero = tumor; empty when the study is not NIfTI or has no label map.
     */
    static AnnotationReader niftiLabels() {
        return (location, volume) -> {
            if (!NiftiStudy.isNiftiStudy(location)) {
                return List.of();
            }
            String image = volume.info().seriesDescription(); // NiftiVolumes names the series after its file
            NiftiStudy study = NiftiStudy.find(location, Pattern.compile("^" + Pattern.quote(image) + "$"));
            return study.labels() == null ? List.of()
                    : LabelMapAnnotations.read(study.labels(), study.image(), volume.info(), study.labelNames());
        };
    }

    /** The name a DICOM Segmentation of a study's annotations has in its folder (as TumorJ exports it). */
    String SEG_FILE = "seg.dcm";

    /**
     * The formats of a study folder, in the order of {@link StudySet#ANNOTATION_FILES}: the sidecar
     * first, then {@code RoiSet.zip}, then an RT Structure Set, then a Segmentation, then a NIfTI label map.
     *
     * @param roiGroupNames ROI group names (Fiji knows them; {@link RoiSetZip#NO_GROUP_NAMES} elsewhere)
     */
    static AnnotationReader standard(IntFunction<String> roiGroupNames) {
        return sidecar().orElse(roiSetZip(roiGroupNames)).orElse(rtStruct()).orElse(seg()).orElse(niftiLabels());
    }

    /** This reader's regions, or the other's when this one finds none. */
    default AnnotationReader orElse(AnnotationReader other) {
        return (dir, volume) -> {
            List<Annotation> mine = read(dir, volume);
            return mine.isEmpty() ? other.read(dir, volume) : mine;
        };
    }
}
