package org.tumorj.ij;

import ij.IJ;
import ij.ImagePlus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tumorj.dicom.DicomException;
import org.tumorj.dicom.DicomReader;
import org.tumorj.dicom.DicomScan;
import org.tumorj.dicom.DicomSeries;
import org.tumorj.pipeline.DicomStudies;
import org.tumorj.util.Progress;

/**
 * Open DICOM Series' work: one series of a DICOM file or folder as a calibrated stack that
 * remembers its study, so that Detect Tumors names the study as {@code ./tumorj detect} would.
 * Files that are not usable DICOM and the series' warnings go to the Log, led by the command.
 */
public final class DicomSeriesOpener {
    private DicomSeriesOpener() {}

    /**
     * The series as a stack, its study id stored in {@link VolumeImages#STUDY_PROPERTY} and the
     * path it was read from in {@link VolumeImages#SOURCE_PROPERTY}.
     *
     * @param wanted a SeriesInstanceUID or a number in largest-first order; blank for the largest
     * @throws IllegalArgumentException no readable DICOM image there, or no such series
     */
    public static ImagePlus open(String command, Path path, String wanted) throws IOException {
        try {
            ImagePlus imp = CancellableTask.run(command, progress -> read(command, path, wanted, progress));
            imp.setProp(VolumeImages.STUDY_PROPERTY, studyId(path));
            imp.setProp(VolumeImages.SOURCE_PROPERTY, path.toAbsolutePath().normalize().toString());
            return imp;
        } catch (DicomException e) {
            // a problem with the user's files, not a fault: shown as the commands show bad input
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The id {@code ./tumorj detect} gives this study: its folder's name (a file's folder for a file). */
    public static String studyId(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path folder = Files.isDirectory(abs) ? abs : abs.getParent();
        return folder == null || folder.getFileName() == null ? "study" : folder.getFileName().toString();
    }

    private static ImagePlus read(String command, Path path, String wanted, Progress progress) {
        DicomReader reader = DicomReader.standard();
        DicomScan scan = reader.scan(path, progress);
        scan.problems().stream().filter(p -> !DicomStudies.isSidecar(p.file()))
                .forEach(p -> IJ.log(command + ": skipped " + p.getMessage()));
        if (scan.series().isEmpty()) {
            throw new DicomException(path, "no readable DICOM images"
                    + (scan.problems().isEmpty() ? "" : " (" + scan.problems().size() + " file(s) skipped, see Log)"));
        }
        DicomSeries series = chosen(scan, path, wanted);
        series.summary().warnings().forEach(w -> IJ.log(command + ": " + w));
        return DicomImages.open(reader, series, progress);
    }

    private static DicomSeries chosen(DicomScan scan, Path path, String wanted) {
        return wanted == null || wanted.isBlank() ? scan.largest().orElseThrow()
                : scan.find(wanted).orElseThrow(() -> new DicomException(path, "no series '" + wanted
                        + "': give a SeriesInstanceUID or a number 1.." + scan.series().size()));
    }
}
