package org.tumorj.dicom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which pixel spacing a measurement on an image uses (PS3.3 10.7.1.3, C.8.11.4):
 * <ol>
 * <li>PixelSpacing (0028,0030), when present, is the spacing in the patient (or in the plane
 *     named by PixelSpacingCalibrationType (0028,0A02), e.g. GEOMETRY or FIDUCIAL).</li>
 * <li>Otherwise ImagerPixelSpacing (0018,1164), measured at the detector's front plane, divided
 *     by EstimatedRadiographicMagnificationFactor (0018,1114) when present, to approximate the
 *     spacing at the patient (the isocentre).</li>
 * <li>ImagerPixelSpacing without a magnification factor gives sizes at the detector: objects
 *     appear larger than they are (by 10-20 % on a chest film), which the warning says.</li>
 * </ol>
 *
 * @param spacing row spacing, column spacing in mm, or null when the header has none
 * @param source the attribute(s) it came from, for warnings and docs
 * @param warnings what a user measuring on the image must know
 */
record ProjectionSpacing(double[] spacing, String source, List<String> warnings) {

    static ProjectionSpacing of(DicomDataset ds) {
        double[] pixel = pair(ds, Tags.PIXEL_SPACING);
        double[] imager = pair(ds, Tags.IMAGER_PIXEL_SPACING);
        List<String> warnings = new ArrayList<>();
        if (pixel != null) {
            calibrationNote(ds, pixel, imager, warnings);
            return new ProjectionSpacing(pixel, "PixelSpacing", List.copyOf(warnings));
        }
        if (imager == null) {
            return new ProjectionSpacing(null, "none", List.of());
        }
        double magnification = ds.decimal(Tags.ESTIMATED_RADIOGRAPHIC_MAGNIFICATION_FACTOR, Double.NaN);
        if (magnification > 0) {
            double[] atPatient = {imager[0] / magnification, imager[1] / magnification};
            return new ProjectionSpacing(atPatient, "ImagerPixelSpacing / EstimatedRadiographicMagnificationFactor", List.of());
        }
        warnings.add(String.format(Locale.ROOT, "pixel spacing %s mm is ImagerPixelSpacing (0018,1164) at the detector"
                + " plane, with no EstimatedRadiographicMagnificationFactor: lengths and areas are magnified"
                + " (typically 5-20 %% larger than in the patient)", format(imager)));
        return new ProjectionSpacing(imager, "ImagerPixelSpacing", List.copyOf(warnings));
    }

    /** Names a calibration; flags a PixelSpacing that merely copies the detector's spacing. */
    private static void calibrationNote(DicomDataset ds, double[] pixel, double[] imager, List<String> warnings) {
        String type = ds.string(Tags.PIXEL_SPACING_CALIBRATION_TYPE);
        if (type != null) {
            String description = ds.string(Tags.PIXEL_SPACING_CALIBRATION_DESCRIPTION, "");
            warnings.add("PixelSpacing is calibrated (PixelSpacingCalibrationType " + type
                    + (description.isEmpty() ? "" : ": " + description) + "); measurements hold in that plane");
        } else if (imager != null && Arrays.equals(pixel, imager)) {
            warnings.add("PixelSpacing equals ImagerPixelSpacing and names no calibration: it is probably the detector"
                    + " spacing, so lengths and areas may be magnified");
        }
    }

    private static double[] pair(DicomDataset ds, int tag) {
        double[] d = ds.doubles(tag);
        return d != null && d.length >= 2 && d[0] > 0 && d[1] > 0 ? new double[] {d[0], d[1]} : null;
    }

    private static String format(double[] s) {
        return String.format(Locale.ROOT, "%s x %s", s[0], s[1]);
    }
}
