package org.tumorj.annotation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.tumorj.dicom.DicomException;
import org.tumorj.dicom.DicomWriter;
import org.tumorj.dicom.RtStructFile;
import org.tumorj.volume.VolumeInfo;

/**
 * A DICOM annotation object of any name, taken for what its SOP class says it is: an RT
 * Structure Set (a planning system's contours) or a Segmentation (3D Slicer, OHIF, MONAI Label),
 * as regions on a series' slices. What a lab brings from elsewhere rarely carries the file names a
 * study folder uses ({@code rtstruct.dcm}, {@code seg.dcm}).
 */
public final class DicomAnnotations {
    private DicomAnnotations() {}

    /**
     * The regions of {@code file} on {@code info}'s slices.
     *
     * @throws IOException naming the file when it is neither kind, cannot be read, or belongs to
     *     another series
     */
    public static List<Annotation> read(Path file, VolumeInfo info) throws IOException {
        String sopClass;
        try {
            sopClass = RtStructFile.sopClassUid(file);
        } catch (DicomException e) {
            throw new IOException(e.getMessage(), e);
        }
        return switch (sopClass) {
            case DicomWriter.RT_STRUCTURE_SET_STORAGE -> RtStructAnnotations.read(file, info);
            case DicomWriter.SEGMENTATION_STORAGE -> SegAnnotations.read(file, info);
            default -> throw new IOException(file + ": neither an RT Structure Set nor a DICOM Segmentation (SOP Class UID '"
                    + sopClass + "'); import the contours or segments of the series, not an image");
        };
    }
}
