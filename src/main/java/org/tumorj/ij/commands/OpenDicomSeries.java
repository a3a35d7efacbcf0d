package org.tumorj.ij.commands;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.Interpreter;
import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tumorj.dicom.DicomException;
import org.tumorj.dicom.DicomReader;
import org.tumorj.dicom.DicomScan;
import org.tumorj.dicom.DicomSeries;
import org.tumorj.ij.CancellableTask;
import org.tumorj.ij.DicomImages;
import org.tumorj.ij.MacroKey;
import org.tumorj.ij.MacroKeys;
import org.tumorj.ij.MacroValues;
import org.tumorj.ij.TumorJCommand;
import org.tumorj.ij.VolumeImages;
import org.tumorj.pipeline.DicomStudies;
import org.tumorj.util.Progress;

/**
 * Plugins > TumorJ > Open DICOM Series...: a DICOM file or folder as a calibrated 32-bit stack
 * (HU for CT), each slice labelled with its SOPInstanceUID, with what Detect Tumors needs to
 * rebuild the volume. Files that are not usable DICOM and the series' warnings go to the Log.
 */
public final class OpenDicomSeries extends TumorJCommand {
    public static final String COMMAND = "Open DICOM Series...";
    private static final MacroKeys KEYS = MacroKeys.of(COMMAND,
            MacroKey.folder("path", "", "A DICOM folder (searched recursively, e.g. one study) or one DICOM file"),
            MacroKey.string("series", "", "SeriesInstanceUID, or number in the largest-first order of ./tumorj info"
                    + " (1 = largest); empty = the largest series"));

    public OpenDicomSeries() {
        super(KEYS, "path=/data/studies/patient-01 series=1");
    }

    @Override
    protected void execute(MacroValues values) throws java.io.IOException {
        String given = values.string("path");
        if (given.isBlank()) {
            throw new IllegalArgumentException(COMMAND + ": no path given; write path=/folder/of/dicom/files");
        }
        Path path = Path.of(given);
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(COMMAND + ": path=" + path + ": no such file or folder");
        }
        String series = values.string("series");
        try {
            ImagePlus imp = CancellableTask.run(COMMAND, progress -> open(path, series, progress));
            imp.setProp(VolumeImages.STUDY_PROPERTY, studyId(path));
            display(imp);
        } catch (DicomException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static ImagePlus open(Path path, String wanted, Progress progress) {
        DicomReader reader = DicomReader.standard();
        DicomScan scan = reader.scan(path, progress);
        scan.problems().stream().filter(p -> !DicomStudies.isSidecar(p.file()))
                .forEach(p -> IJ.log(COMMAND + ": skipped " + p.getMessage()));
        if (scan.series().isEmpty()) {
            throw new DicomException(path, "no readable DICOM images"
                    + (scan.problems().isEmpty() ? "" : " (" + scan.problems().size() + " file(s) skipped, see Log)"));
        }
        DicomSeries series = wanted == null || wanted.isBlank() ? scan.largest().orElseThrow()
                : scan.find(wanted).orElseThrow(() -> new DicomException(path, "no series '" + wanted
                        + "': give a SeriesInstanceUID or a number 1.." + scan.series().size()));
        series.summary().warnings().forEach(w -> IJ.log(COMMAND + ": " + w));
        return DicomImages.open(reader, series, progress);
    }

    /** The id {@code ./tumorj detect} gives this study: its folder's name (a file's folder for a file). */
    static String studyId(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path folder = Files.isDirectory(abs) ? abs : abs.getParent();
        return folder == null || folder.getFileName() == null ? "study" : folder.getFileName().toString();
    }

    /** Shows the stack; in a batch macro (or headless) makes it the current image instead. */
    private static void display(ImagePlus imp) {
        if (GraphicsEnvironment.isHeadless() || Interpreter.isBatchMode()) {
            if (Interpreter.isBatchMode()) {
                Interpreter.addBatchModeImage(imp);
            }
            WindowManager.setTempCurrentImage(imp);
        } else {
            imp.show();
        }
    }
}
