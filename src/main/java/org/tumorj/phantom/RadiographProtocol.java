package org.tumorj.phantom;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The simulated X-ray room and detector of one radiograph study, and how its file is encoded.
 * Drawn from the config alone (its own random stream), so the writer can recover it from a study.
 * The header variant comes from the study number: any eight consecutive studies cover every
 * combination of DX/CR, MONOCHROME1/2 and VOI LUT/window; shutters, magnification-only spacing
 * and undefined-length sequences are drawn.
 *
 * @param dicomModality {@code DX} or {@code CR}
 * @param monochrome1 stored values inverted (bone low), PresentationLUTShape INVERSE
 * @param voiLut a sigmoid VOI LUT Sequence instead of WindowCenter/Width
 * @param shutter a rectangular collimator shutter
 * @param pixelSpacingWritten PixelSpacing (calibrated to the patient) written; otherwise only
 *     ImagerPixelSpacing and EstimatedRadiographicMagnificationFactor
 * @param undefinedLengthSequences sequences written with undefined length and delimiters
 * @param imagerSpacing mm between detector pixels
 * @param magnification source-to-detector over source-to-patient distance
 * @param bitsStored 12, 13 or 14
 * @param kvp tube voltage, for the header
 * @param mAs tube current-time product, for the header; the photon count scales with it
 * @param photonsPerMm2 quanta reaching the detector per mm² without a patient
 * @param blurMm detector blur (Gaussian sigma at the detector, mm)
 * @param heel fractional drop of the beam intensity from the image's top to its bottom (anode
 *     heel effect); negative: brighter at the bottom
 * @param scatterFraction scatter reaching the detector, as a fraction of the smoothed primary
 * @param electronicNoise detector read noise, in quanta
 * @param name the room's name (ManufacturerModelName)
 */
record RadiographProtocol(String dicomModality, boolean monochrome1, boolean voiLut, boolean shutter,
        boolean pixelSpacingWritten, boolean undefinedLengthSequences, double imagerSpacing, double magnification,
        int bitsStored, double kvp, int mAs, double photonsPerMm2, double blurMm, double heel, double scatterFraction,
        double electronicNoise, String name) {

    /** Highest line integral the stored range is scaled for: the abdomen under the diaphragm, with the spine. */
    private static final double MAX_LINE_INTEGRAL = 6.0;

    static RadiographProtocol draw(PhantomConfig c) {
        SplittableRandom r = new SplittableRandom(c.seed() * 0x9E3779B97F4A7C15L ^ (c.studyNumber() * 0xC2B2AE3D27D4EB4FL + 0x5852));
        int variant = (c.studyNumber() - 1) % 8;
        // Keep a field of about 384 mm at the detector whatever the size (0.5 mm at 768 pixels).
        double imager = Math.round(r.nextDouble(0.48, 0.52) * PhantomConfig.DEFAULT_XR_SIZE / c.size() * 10000) / 10000.0;
        double magnification = Math.round(r.nextDouble(1.08, 1.15) * 1000) / 1000.0;
        int mAs = r.nextInt(1, 9);
        double photons = mAs * r.nextDouble(4.0e4, 6.0e4) + 1.0e5;
        return new RadiographProtocol((variant & 1) == 0 ? "DX" : "CR", (variant & 2) != 0, (variant & 4) != 0,
                r.nextDouble() < 0.6, r.nextBoolean(), r.nextBoolean(), imager, magnification, 12 + r.nextInt(3),
                Math.round(r.nextDouble(110, 125)), mAs, photons, r.nextDouble(0.12, 0.3),
                r.nextDouble(0.05, 0.14) * (r.nextBoolean() ? 1 : -1), r.nextDouble(0.15, 0.45), r.nextDouble(5, 20),
                "Room-" + (char) ('A' + r.nextInt(4)));
    }

    /** mm between pixel centres at the patient: the imager spacing over the magnification. */
    double pixelSpacing() {
        return imagerSpacing / magnification;
    }

    int maxStored() {
        return (1 << bitsStored) - 1;
    }

    /** Stored value (before MONOCHROME1 inversion) of a measured line integral of 0: direct exposure. */
    double offset() {
        return maxStored() * 0.05;
    }

    /** Stored units per unit of line integral (the detector's log response). */
    double gain() {
        return (maxStored() * 0.96 - offset()) / MAX_LINE_INTEGRAL;
    }

    String describe() {
        return String.format(Locale.ROOT, "%s %s %s kVp %d mAs (%.0f quanta/mm²), blur %.2f mm, heel %+.0f%%, scatter %.0f%%, %d bits%s%s%s",
                name, dicomModality, fmt(kvp), mAs, photonsPerMm2, blurMm, heel * 100, scatterFraction * 100, bitsStored,
                monochrome1 ? ", MONOCHROME1" : ", MONOCHROME2", voiLut ? ", VOI LUT" : ", window", shutter ? ", shutter" : "");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
