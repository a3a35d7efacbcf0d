package org.tumorj.dicom;

import java.nio.file.Path;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * Reads DICOM files and folders into series and volumes. {@link #standard()} is TumorJ's own
 * reader; an implementation backed by another library (e.g. dcm4che) can stand in for it.
 *
 * <pre>{@code
 * DicomReader reader = DicomReader.standard();
 * DicomScan scan = reader.scan(folder, Progress.none());      // headers only, never throws per file
 * DicomSeries series = scan.largest().orElseThrow();
 * Volume volume = reader.readVolume(series, Progress.none()); // modality values, sorted slices
 * }</pre>
 */
public interface DicomReader {

    /** TumorJ's own reader (no dependencies beyond the ImageIO codecs). */
    static DicomReader standard() {
        return new TumorJDicomReader();
    }

    /**
     * Reads the headers of a file, or of every file under a folder (recursively, any names,
     * DICOMDIR ignored), and groups them into series; each projection radiograph (CR, DX, MG, ...)
     * is a series of its own, even where several share a SeriesInstanceUID. Files that are not
     * usable DICOM images are listed in {@link DicomScan#problems()}; the rest still load.
     *
     * @throws DicomException only when {@code path} does not exist or cannot be listed
     */
    DicomScan scan(Path path, Progress progress);

    /**
     * Decodes a grey series into modality values (slope and intercept applied; MONOCHROME1 and
     * Presentation LUT Shape INVERSE kept, flagged in {@code VolumeInfo.invertedForDisplay}). For
     * radiographs the first VOI LUT and the collimator shutters are recorded in the info
     * ({@code voiLut}, {@code shutter}); pixel values are never passed through them.
     *
     * @throws DicomException when a file's pixel data cannot be decoded, or the series is colour
     */
    Volume readVolume(DicomSeries series, Progress progress);

    /**
     * Reads a grey series as it is consumed, with the values {@link #readVolume} gives: slices in
     * order, the next few decoded in parallel meanwhile, each let go once handed out, so memory is
     * that of a few slices whatever the series' length. Only where the header gives the window
     * (the info carries it before any value is seen); else empty: read the series with
     * {@link #readVolume}, which estimates the window from the values.
     *
     * @throws DicomException when the series is colour; a file that cannot be decoded throws when
     *     its slice is asked for
     */
    java.util.Optional<VolumeStream> streamVolume(DicomSeries series, Progress progress);

    /** Decodes a colour series (RGB, YBR, PALETTE COLOR) into packed RGB slices. */
    ColorVolume readColor(DicomSeries series, Progress progress);

    /**
     * The header as text lines ({@code (gggg,eeee) VR Keyword: value}) for ImageJ's image info.
     * Patient-identifying attributes are left out unless {@code includePatientIdentity}.
     */
    String headerText(Path file, boolean includePatientIdentity);
}
