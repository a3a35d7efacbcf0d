package org.tumorj.ij;

import ij.ImagePlus;
import java.nio.file.Path;
import org.tumorj.dicom.DicomReader;
import org.tumorj.dicom.DicomSeries;
import org.tumorj.util.Progress;

/** Reads a DICOM series into an ImagePlus (grey or RGB), header text attached. */
public final class DicomImages {
    private DicomImages() {}

    public static ImagePlus open(DicomReader reader, DicomSeries series, Progress progress) {
        Path first = series.files().get(0);
        String header = reader.headerText(first, false);
        return series.isColor()
                ? VolumeImages.toImagePlus(reader.readColor(series, progress), header, series.instanceNumbers())
                : VolumeImages.toImagePlus(reader.readVolume(series, progress), header, series.instanceNumbers());
    }
}
