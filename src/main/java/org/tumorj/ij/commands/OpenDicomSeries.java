package org.tumorj.ij.commands;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import org.tumorj.dicom.DicomException;
import org.tumorj.dicom.DicomReader;
import org.tumorj.dicom.DicomScan;
import org.tumorj.dicom.DicomSeries;
import org.tumorj.ij.DicomImages;
import org.tumorj.ij.StatusBarProgress;
import org.tumorj.util.CancelledException;

/**
 * Plugins > TumorJ > Open DICOM Series...: a DICOM file or folder as a calibrated stack.
 * Macro keys: {@code path} (file or folder) and {@code series} (SeriesInstanceUID, or 1-based index
 * in the largest-first order of {@code ./tumorj info}; default the largest series), e.g.
 * {@code run("Open DICOM Series...", "path=/data/ct series=1");}.
 */
public class OpenDicomSeries implements PlugIn {
    static final String TITLE = "Open DICOM Series";

    @Override
    public void run(String arg) {
        String[] keys = askOrParse();
        if (keys == null) {
            return;
        }
        try {
            ImagePlus imp = open(Path.of(keys[0]), keys[1]);
            if (imp != null) {
                display(imp);
            }
        } catch (DicomException e) {
            IJ.error(TITLE, e.getMessage());
        } catch (CancelledException e) {
            IJ.showStatus(TITLE + ": cancelled");
        }
    }

    /** {path, series}, from the macro options or the dialog; null when cancelled. */
    private static String[] askOrParse() {
        String options = Macro.getOptions();
        if (options != null || GraphicsEnvironment.isHeadless()) {
            String opts = options == null ? "" : options;
            return new String[] {Macro.getValue(opts, "path", ""), Macro.getValue(opts, "series", "")};
        }
        GenericDialog gd = new GenericDialog(TITLE);
        gd.addDirectoryField("path", IJ.getDirectory("current") == null ? "" : IJ.getDirectory("current"), 40);
        gd.addMessage("path: a DICOM folder (searched recursively) or one file");
        gd.addStringField("series", "", 30);
        gd.addMessage("series: SeriesInstanceUID or number (1 = largest); empty = largest");
        gd.showDialog();
        if (gd.wasCanceled()) {
            return null;
        }
        return new String[] {gd.getNextString(), gd.getNextString()};
    }

    private static ImagePlus open(Path path, String wanted) {
        if (path.toString().isBlank()) {
            IJ.error(TITLE, "no path given (macro key path=...)");
            return null;
        }
        DicomReader reader = DicomReader.standard();
        StatusBarProgress progress = new StatusBarProgress();
        DicomScan scan = reader.scan(path, progress);
        scan.problems().forEach(p -> IJ.log(TITLE + ": skipped " + p.getMessage()));
        if (scan.series().isEmpty()) {
            throw new DicomException(path, "no readable DICOM images"
                    + (scan.problems().isEmpty() ? "" : " (" + scan.problems().size() + " file(s) skipped, see Log)"));
        }
        DicomSeries series = wanted == null || wanted.isBlank() ? scan.largest().orElseThrow()
                : scan.find(wanted).orElseThrow(() -> new DicomException(path, "no series '" + wanted
                        + "': give a SeriesInstanceUID or a number 1.." + scan.series().size()));
        series.summary().warnings().forEach(w -> IJ.log(TITLE + ": " + w));
        return DicomImages.open(reader, series, progress);
    }

    private static void display(ImagePlus imp) {
        if (GraphicsEnvironment.isHeadless()) {
            // no window to show: make it the current image so the rest of the macro can use it
            if (Interpreter.isBatchMode()) {
                Interpreter.addBatchModeImage(imp);
            }
            WindowManager.setTempCurrentImage(imp);
        } else {
            imp.show();
        }
    }
}
