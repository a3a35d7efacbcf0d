package org.tumorj.ij;

import ij.ImagePlus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.tumorj.api.TumorJ;
import org.tumorj.detect.Detections;
import org.tumorj.dicom.DicomReader;
import org.tumorj.dicom.DicomScan;
import org.tumorj.interop.Algorithm;
import org.tumorj.interop.DicomExport;
import org.tumorj.util.Progress;
import org.tumorj.volume.SourceHeader;
import org.tumorj.volume.Volume;

/**
 * The findings Detect Tumors made on an open image, kept with the image for this Fiji session (an
 * object property: never saved with the image), and their export as DICOM objects. The objects
 * need the source's header (patient, study, Frame of Reference), which the image does not keep: it
 * is read again from the files Open DICOM Series read the image from
 * ({@link VolumeImages#SOURCE_PROPERTY}).
 */
public final class ImageFindings {
    /** Object property of the image holding its {@link Held} findings. */
    static final String PROPERTY = "TumorJ.Findings";

    private ImageFindings() {}

    /**
     * What an export needs of a detection.
     *
     * @param deidentifySalt the salt the findings were made with, blank for none (kept in memory only)
     */
    record Held(Detections detections, Algorithm algorithm, String deidentifySalt) {}

    /** Keeps a detection's findings with the image, replacing earlier ones. */
    public static void remember(ImagePlus imp, TumorJ.VolumeResult result, String deidentifySalt) {
        imp.setProperty(PROPERTY, new Held(result.detections(), result.algorithm(),
                deidentifySalt == null ? "" : deidentifySalt));
    }

    /**
     * Writes the image's findings as the DICOM objects asked for into {@code output/<study>}.
     *
     * @return the files written
     * @throws IllegalArgumentException no findings held for the image, or it has no DICOM source:
     *     the message says what to do
     */
    public static List<Path> export(ImagePlus imp, Set<DicomExport> exports, Path output, Progress progress)
            throws IOException {
        Held held = held(imp);
        Volume volume = sourceVolume(imp, progress);
        return TumorJ.exportVolume(new TumorJ.VolumeExport(volume, held.detections(), held.algorithm(),
                held.deidentifySalt(), exports, output));
    }

    /** How many findings the image holds, for the Log. */
    public static int count(ImagePlus imp) {
        return held(imp).detections().findings().size();
    }

    private static Held held(ImagePlus imp) {
        if (imp.getProperty(PROPERTY) instanceof Held held) {
            return held;
        }
        throw new IllegalArgumentException("no findings of Detect Tumors on '" + imp.getTitle() + "' in this Fiji"
                + " session: run Plugins > TumorJ > Detect Tumors... on it first (a model from Train on This Image:"
                + " save it with Save Model... and detect with it)");
    }

    /**
     * The image's volume with the header of the files it was read from.
     *
     * @throws IllegalArgumentException the image has no DICOM source, or its files are gone
     */
    static Volume sourceVolume(ImagePlus imp, Progress progress) {
        Volume volume = VolumeImages.toVolume(imp);
        String source = imp.getProp(VolumeImages.SOURCE_PROPERTY);
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("image '" + imp.getTitle() + "' does not say which DICOM files it was"
                    + " read from, and a SEG or RTSTRUCT must repeat their patient, study and Frame of Reference;"
                    + " open the series with Plugins > TumorJ > Open DICOM Series..., run Detect Tumors, then export");
        }
        Path path = Path.of(source);
        String series = volume.info().seriesInstanceUid();
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("image '" + imp.getTitle() + "' was read from " + path + ", which is"
                    + " gone; the objects need its DICOM header: open the series again from where it is now");
        }
        DicomScan scan = DicomReader.standard().scan(path, progress);
        SourceHeader header = scan.find(series).orElseThrow(() -> new IllegalArgumentException("image '"
                + imp.getTitle() + "': series " + series + " is no longer in " + path
                + "; open the series again from where it is now")).sourceHeader();
        return new Volume(volume.info(), volume.slices(), header);
    }
}
