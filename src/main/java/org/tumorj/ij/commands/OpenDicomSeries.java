package org.tumorj.ij.commands;

import java.io.IOException;
import java.nio.file.Path;
import org.tumorj.ij.CurrentImages;
import org.tumorj.ij.DicomSeriesOpener;
import org.tumorj.ij.MacroKey;
import org.tumorj.ij.MacroKeys;
import org.tumorj.ij.MacroValues;
import org.tumorj.ij.TumorJCommand;

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
    protected void execute(MacroValues v) throws IOException {
        Path path = v.existingFileOrFolder("path", "no path given; write path=/folder/of/dicom/files");
        CurrentImages.show(DicomSeriesOpener.open(COMMAND, path, v.string("series")));
    }
}
