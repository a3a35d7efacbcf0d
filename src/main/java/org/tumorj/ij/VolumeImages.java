package org.tumorj.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.LUT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tumorj.dicom.ColorVolume;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * Volumes as ImageJ images: a 32-bit stack of modality values (HU for CT) calibrated in mm, the
 * display range from the DICOM window, MONOCHROME1 shown with an inverted LUT (values unchanged),
 * a radiograph's VOI LUT shown as an ImageJ LUT over its input range,
 * the header text as the "Info" property and each slice labelled with its position and instance
 * number ({@code z = -123.5 mm, #12}) over a second line holding its SOPInstanceUID, so that ROIs
 * can be tied back to DICOM instances.
 */
public final class VolumeImages {
    /** Image property holding the SeriesInstanceUID. */
    public static final String SERIES_UID_PROPERTY = "DICOM.SeriesInstanceUID";
    /**
     * Image property holding the rest of the volume's geometry and description, one
     * {@code key=value} per line (see {@link VolumeProperties}), so that {@link #toVolume} gives
     * the detector the same volume the command line reads from the files.
     */
    public static final String VOLUME_PROPERTY = "TumorJ.Volume";
    /**
     * Image property holding the study id: the name of the folder the series was opened from, the
     * id {@code ./tumorj detect} gives the same study (detections.csv's first column).
     */
    public static final String STUDY_PROPERTY = "TumorJ.Study";
    /**
     * Image property holding the absolute path Open DICOM Series read the series from (a folder or
     * a file), so that Export Findings as DICOM can read the header its objects must repeat
     * (patient, study, Frame of Reference), which the image itself does not keep.
     */
    public static final String SOURCE_PROPERTY = "TumorJ.Source";

    private VolumeImages() {}

    /** The stack shares the volume's slice arrays (no copy); slice labels without instance numbers. */
    public static ImagePlus toImagePlus(Volume volume, String headerText) {
        return toImagePlus(volume, headerText, Map.of());
    }

    /**
     * The stack shares the volume's slice arrays (no copy).
     *
     * @param instanceNumbers InstanceNumber by SOPInstanceUID, for the slice labels; slices
     *     missing from it are labelled by position alone
     */
    public static ImagePlus toImagePlus(Volume volume, String headerText, Map<String, Integer> instanceNumbers) {
        VolumeInfo info = volume.info();
        ImageStack stack = new ImageStack(volume.width(), volume.height());
        for (int z = 0; z < volume.depth(); z++) {
            stack.addSlice(sliceLabel(info, z, instanceNumbers), new FloatProcessor(volume.width(), volume.height(), volume.slice(z)));
        }
        ImagePlus imp = new ImagePlus(title(info), stack);
        calibrate(imp, info);
        if ("CT".equals(info.modality())) {
            imp.getCalibration().setValueUnit("HU");
        }
        imp.setDisplayRange(info.windowCenter() - info.windowWidth() / 2, info.windowCenter() + info.windowWidth() / 2);
        if (info.voiLut() != null) {
            showThroughVoiLut(imp, stack, info);
        } else if (info.invertedForDisplay()) {
            imp.getProcessor().invertLut();
            stack.setColorModel(imp.getProcessor().getColorModel());
        }
        describe(imp, info, headerText);
        return imp;
    }

    /**
     * A radiograph's VOI LUT as ImageJ shows it: the display range is the LUT's input range and a
     * 256-entry grey LUT samples the curve (inverted for MONOCHROME1 / INVERSE) across it, so the
     * screen follows the LUT while the pixels keep their modality values.
     */
    private static void showThroughVoiLut(ImagePlus imp, ImageStack stack, VolumeInfo info) {
        double lo = info.voiLut().firstInput();
        double hi = lo + Math.max(1, info.voiLut().table().length - 1);
        byte[] grey = new byte[256];
        for (int i = 0; i < 256; i++) {
            grey[i] = (byte) Math.round(255 * info.presentation(lo + i * (hi - lo) / 255));
        }
        LUT lut = new LUT(grey, grey, grey);
        imp.getProcessor().setLut(lut);
        stack.setColorModel(lut);
        imp.setDisplayRange(lo, hi);
    }

    /** An RGB stack of a colour series, its slices labelled as the grey ones are. */
    public static ImagePlus toImagePlus(ColorVolume volume, String headerText, Map<String, Integer> instanceNumbers) {
        ImageStack stack = new ImageStack(volume.width(), volume.height());
        for (int z = 0; z < volume.depth(); z++) {
            stack.addSlice(sliceLabel(volume.info(), z, instanceNumbers), new ColorProcessor(volume.width(), volume.height(), volume.slices().get(z)));
        }
        ImagePlus imp = new ImagePlus(title(volume.info()), stack);
        calibrate(imp, volume.info());
        describe(imp, volume.info(), headerText);
        return imp;
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
        imp.setProp(VOLUME_PROPERTY, VolumeProperties.format(info));
    }

    /**
     * The volume back from a stack made by {@link #toImagePlus(Volume, String)} (Open DICOM
     * Series): the 32-bit slices as they are (no copy), spacing from the calibration, the
     * SOPInstanceUIDs from the slice labels' second lines, the rest from the stored properties.
     *
     * @throws IllegalArgumentException the image was not opened by TumorJ, or was converted
     *     (not 32-bit any more, slices added or removed): the message says what to do
     */
    public static Volume toVolume(ImagePlus imp) {
        String stored = imp.getProp(VOLUME_PROPERTY);
        String seriesUid = imp.getProp(SERIES_UID_PROPERTY);
        if (stored == null || seriesUid == null) {
            throw new IllegalArgumentException("image '" + imp.getTitle() + "' was not opened with Open DICOM Series"
                    + " (no DICOM geometry stored with it); open the series with Plugins > TumorJ > Open DICOM Series...");
        }
        if (imp.getBitDepth() != 32 || imp.getNChannels() != 1 || imp.getNFrames() != 1) {
            throw new IllegalArgumentException("image '" + imp.getTitle() + "' is not the 32-bit stack Open DICOM Series"
                    + " made (it was converted); open the series again");
        }
        ImageStack stack = imp.getStack();
        List<String> uids = new ArrayList<>();
        List<float[]> slices = new ArrayList<>();
        for (int z = 1; z <= stack.getSize(); z++) {
            uids.add(sopInstanceUid(stack.getSliceLabel(z)));
            slices.add((float[]) stack.getPixels(z));
        }
        Calibration cal = imp.getCalibration();
        VolumeInfo info = VolumeProperties.parse(stored, seriesUid, imp.getWidth(), imp.getHeight(),
                new double[] {cal.pixelWidth, cal.pixelHeight, cal.pixelDepth}, uids);
        return new Volume(info, slices);
    }

    /** How the second line of a slice label starts: the SOPInstanceUID as the Info text writes header elements. */
    static final String UID_LINE = "(0008,0018) UI SOP Instance UID: ";

    /**
     * A slice's label. Its first line is what ImageJ shows above the slice: the position along the
     * patient's axis and the instance number, as a radiologist reads them ({@code z = -123.5 mm,
     * #12}; a radiograph: {@code #1}). The second line, which ImageJ keeps with the slice (in saved
     * TIFFs too) but does not show there, holds the SOPInstanceUID that ties ROIs drawn on the slice
     * back to its DICOM instance ({@link #sopInstanceUid}).
     */
    static String sliceLabel(VolumeInfo info, int z, Map<String, Integer> instanceNumbers) {
        String uid = info.sopInstanceUids().get(z);
        Integer number = instanceNumbers.get(uid);
        String where = info.isProjection() ? (number == null ? "image " + (z + 1) : "#" + number)
                : String.format(java.util.Locale.ROOT, "z = %.1f mm", info.toPatient(0, 0, z)[2])
                        + (number == null ? "" : ", #" + number);
        return where + "\n" + UID_LINE + uid;
    }

    /**
     * The SOPInstanceUID in a slice label of {@link #sliceLabel}'s form, or of the forms older
     * TumorJ stacks (saved as TIFF) carry: {@code z = -123.5 mm, <uid>}, or the UID alone.
     */
    static String sopInstanceUid(String label) {
        String text = label == null ? "" : label;
        for (String line : text.lines().toList()) {
            if (line.startsWith(UID_LINE)) {
                return line.substring(UID_LINE.length()).strip();
            }
        }
        String first = text.lines().findFirst().orElse("");
        return first.startsWith("z = ") && first.contains(" mm, ") ? first.substring(first.indexOf(" mm, ") + 5) : first;
    }

    private static String title(VolumeInfo info) {
        String uid = info.seriesInstanceUid();
        String tail = uid.length() > 12 ? uid.substring(uid.length() - 12) : uid;
        return info.modality() + (info.seriesDescription().isEmpty() ? "" : " " + info.seriesDescription()) + " [" + tail + "]";
    }
}
