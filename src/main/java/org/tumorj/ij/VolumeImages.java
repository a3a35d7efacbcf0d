package org.tumorj.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tumorj.dicom.ColorVolume;
import org.tumorj.util.AtomicFiles;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * Volumes as ImageJ images: a 32-bit stack of modality values (HU for CT) calibrated in mm, the
 * display range from the DICOM window, MONOCHROME1 shown with an inverted LUT (values unchanged),
 * the header text as the "Info" property and each slice labelled with its SOPInstanceUID so that
 * ROIs can be tied back to DICOM instances.
 */
public final class VolumeImages {
    /** Image property holding the SeriesInstanceUID. */
    public static final String SERIES_UID_PROPERTY = "DICOM.SeriesInstanceUID";

    private VolumeImages() {}

    /** The stack shares the volume's slice arrays (no copy). */
    public static ImagePlus toImagePlus(Volume volume, String headerText) {
        VolumeInfo info = volume.info();
        ImageStack stack = new ImageStack(volume.width(), volume.height());
        for (int z = 0; z < volume.depth(); z++) {
            stack.addSlice(info.sopInstanceUids().get(z), new FloatProcessor(volume.width(), volume.height(), volume.slice(z)));
        }
        ImagePlus imp = new ImagePlus(title(info), stack);
        calibrate(imp, info);
        if ("CT".equals(info.modality())) {
            imp.getCalibration().setValueUnit("HU");
        }
        imp.setDisplayRange(info.windowCenter() - info.windowWidth() / 2, info.windowCenter() + info.windowWidth() / 2);
        if (info.invertedForDisplay()) {
            imp.getProcessor().invertLut();
            stack.setColorModel(imp.getProcessor().getColorModel());
        }
        describe(imp, info, headerText);
        return imp;
    }

    /** An RGB stack of a colour series. */
    public static ImagePlus toImagePlus(ColorVolume volume, String headerText) {
        ImageStack stack = new ImageStack(volume.width(), volume.height());
        for (int z = 0; z < volume.depth(); z++) {
            stack.addSlice(volume.info().sopInstanceUids().get(z), new ColorProcessor(volume.width(), volume.height(), volume.slices().get(z)));
        }
        ImagePlus imp = new ImagePlus(title(volume.info()), stack);
        calibrate(imp, volume.info());
        describe(imp, volume.info(), headerText);
        return imp;
    }

    /** Writes a TIFF (stack) that ImageJ reads back with its values and calibration, atomically. */
    public static void saveTiff(ImagePlus imp, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".tumorj-", ".tif");
        try {
            if (!new FileSaver(imp).saveAsTiff(tmp.toString())) {
                throw new IOException("ImageJ could not write " + tmp);
            }
            AtomicFiles.write(target, out -> Files.copy(tmp, out));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void calibrate(ImagePlus imp, VolumeInfo info) {
        Calibration cal = imp.getCalibration();
        cal.pixelWidth = info.spacingX();
        cal.pixelHeight = info.spacingY();
        cal.pixelDepth = info.spacingZ();
        cal.setUnit("mm");
    }

    private static void describe(ImagePlus imp, VolumeInfo info, String headerText) {
        if (headerText != null) {
            imp.setProperty("Info", headerText);
        }
        imp.setProp(SERIES_UID_PROPERTY, info.seriesInstanceUid());
    }

    private static String title(VolumeInfo info) {
        String uid = info.seriesInstanceUid();
        String tail = uid.length() > 12 ? uid.substring(uid.length() - 12) : uid;
        return info.modality() + (info.seriesDescription().isEmpty() ? "" : " " + info.seriesDescription()) + " [" + tail + "]";
    }
}
