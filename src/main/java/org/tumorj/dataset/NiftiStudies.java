package org.tumorj.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.tumorj.nifti.NiftiImage;
import org.tumorj.nifti.NiftiStudy;
import org.tumorj.nifti.NiftiVolumes;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * Loads NIfTI studies ({@link NiftiStudy}: an MSD image file, or a folder with image and label map)
 * and hands every other location to the DICOM loader, so one folder of studies may mix formats.
 * Each NIfTI study logs which files fed it and how its modality was decided (file names only: NIfTI
 * carries no patient attributes).
 */
public final class NiftiStudies implements VolumeLoader {
    private final Pattern imagePattern;
    private final VolumeLoader dicom;
    private final Progress progress;

    /**
     * @param imagePattern chooses the image among several in a folder, by file name (as
     *     {@code --series} chooses a DICOM series by description); null or blank for none
     * @param dicom the loader of every location that is not NIfTI
     */
    public NiftiStudies(String imagePattern, VolumeLoader dicom, Progress progress) {
        this.imagePattern = imagePattern == null || imagePattern.isBlank() ? null
                : Pattern.compile(imagePattern, Pattern.CASE_INSENSITIVE);
        this.dicom = dicom;
        this.progress = progress;
    }

    @Override
    public Volume load(Path location) throws IOException {
        return load(location, progress);
    }

    @Override
    public Volume load(Path location, Progress log) throws IOException {
        if (!NiftiStudy.isNiftiStudy(location)) {
            return dicom.load(location, log);
        }
        NiftiStudy study = NiftiStudy.find(location, imagePattern);
        NiftiImage image = NiftiImage.read(study.image());
        String[] modality = study.modality(image);
        log.log(String.format("study %s: NIfTI image %s, %s (%s), orientation from the %s; label names from %s",
                StudySet.id(location), study.image().getFileName(), modality[0], modality[1], image.geometry().source(),
                study.labelNames().source() == null ? "values (nonzero is tumor)"
                        : study.labelNames().source().getFileName()));
        return NiftiVolumes.volume(image, modality[0]);
    }
}
