package org.tumorj.interop;

/**
 * A finding's display colour from its score in [0, 1]: yellow for the faintest, through orange,
 * to red for the surest, so a viewer shows at a glance which findings the model is sure of.
 * Written as ROI Display Color (RGB) in RTSTRUCT and as Recommended Display CIELab Value in SEG.
 */
final class ScoreColor {
    /** sRGB (linear) to CIE XYZ under D50, the illuminant DICOM's CIELab values use (PS3.3 C.10.7.1.1). */
    private static final double[][] SRGB_TO_XYZ_D50 = {
            {0.4360747, 0.3850649, 0.1430804},
            {0.2225045, 0.7168786, 0.0606169},
            {0.0139322, 0.0971045, 0.7141733}};
    private static final double[] WHITE_D50 = {0.9642, 1.0, 0.8249};

    private ScoreColor() {}

    /** Red, green, blue in 0..255. */
    static int[] rgb(double score) {
        double s = Double.isNaN(score) ? 0 : Math.max(0, Math.min(1, score));
        return new int[] {255, (int) Math.round(255 * (1 - s)), 0};
    }

    /** The colour as DICOM scales CIELab: L* 0..100 and a*, b* -128..127 each mapped onto 0..65535. */
    static int[] dicomLab(double score) {
        double[] lab = lab(rgb(score));
        return new int[] {scale(lab[0] / 100), scale((lab[1] + 128) / 255), scale((lab[2] + 128) / 255)};
    }

    static double[] lab(int[] rgb) {
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = rgb[i] / 255.0;
            linear[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        double[] f = new double[3];
        for (int i = 0; i < 3; i++) {
            double xyz = 0;
            for (int j = 0; j < 3; j++) {
                xyz += SRGB_TO_XYZ_D50[i][j] * linear[j];
            }
            double t = xyz / WHITE_D50[i];
            f[i] = t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
        }
        return new double[] {116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])};
    }

    private static int scale(double unit) {
        return (int) Math.round(Math.max(0, Math.min(1, unit)) * 65535);
    }
}
