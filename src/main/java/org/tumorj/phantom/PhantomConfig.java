package org.tumorj.phantom;

/**
 * What to generate. The study number picks the fake patient ({@code PHANTOM-0003}) and, with the
 * seed, every random choice: the same (seed, study number, sizes) always gives the same study.
 *
 * @param modality CT (Hounsfield units), MR (arbitrary T2-like units) or XR (chest radiograph)
 * @param size columns and rows (CT/MR 64..1024; XR 64..4096, see {@link #maxSize})
 * @param slices number of slices (XR: 1, a radiograph is one image)
 * @param sliceSpacingMm distance between slice centres, also written as SliceThickness
 * @param seed the data set's seed
 * @param studyNumber 1-based number of the study within the data set
 * @param minLesions at least this many lesions are attempted (each must fit in an organ)
 * @param maxLesions at most this many
 * @param vessels vessel tubes: the look-alikes of lesions
 */
public record PhantomConfig(PhantomModality modality, int size, int slices, double sliceSpacingMm,
        long seed, int studyNumber, int minLesions, int maxLesions, int vessels) {

    public static final int DEFAULT_SIZE = 256;
    public static final int DEFAULT_SLICES = 32;
    /** Radiographs: 768 x 768 at about 0.5 mm at the detector. */
    public static final int DEFAULT_XR_SIZE = 768;

    public PhantomConfig {
        if (size < 64 || size > maxSize(modality)) {
            throw new IllegalArgumentException("phantom size must be 64.." + maxSize(modality) + " pixels, got " + size);
        }
        if (modality == PhantomModality.XR ? slices != 1 : slices < 4 || slices > 512) {
            throw new IllegalArgumentException(modality == PhantomModality.XR ? "a radiograph phantom has 1 slice, got " + slices
                    : "phantom slices must be 4..512, got " + slices);
        }
        if (!(sliceSpacingMm > 0)) {
            throw new IllegalArgumentException("slice spacing must be > 0 mm, got " + sliceSpacingMm);
        }
        if (minLesions < 0 || maxLesions < minLesions) {
            throw new IllegalArgumentException("lesion count range " + minLesions + ".." + maxLesions + " is empty");
        }
        if (vessels < 0) {
            throw new IllegalArgumentException("vessel count must be >= 0, got " + vessels);
        }
    }

    /**
     * Defaults: 256 x 256, 32 slices of 2.5 mm, 3 to 6 lesions, 10 vessels. XR: one 768 x 768
     * image, 1 to 4 nodules, 10 vascular trees from the hila (their branches are the look-alikes).
     */
    public static PhantomConfig of(PhantomModality modality, long seed, int studyNumber) {
        if (modality == PhantomModality.XR) {
            return new PhantomConfig(modality, DEFAULT_XR_SIZE, 1, 1, seed, studyNumber, 1, 4, 10);
        }
        return new PhantomConfig(modality, DEFAULT_SIZE, DEFAULT_SLICES, 2.5, seed, studyNumber, 3, 6, 10);
    }

    /** Largest size: a radiograph is one image (the 3D chest is integrated analytically), so it may be large. */
    public static int maxSize(PhantomModality modality) {
        return modality == PhantomModality.XR ? 4096 : 1024;
    }

    public PhantomConfig withSize(int newSize) {
        return new PhantomConfig(modality, newSize, slices, sliceSpacingMm, seed, studyNumber, minLesions, maxLesions, vessels);
    }

    public PhantomConfig withSlices(int newSlices) {
        return new PhantomConfig(modality, size, newSlices, sliceSpacingMm, seed, studyNumber, minLesions, maxLesions, vessels);
    }

    public PhantomConfig withLesions(int min, int max) {
        return new PhantomConfig(modality, size, slices, sliceSpacingMm, seed, studyNumber, min, max, vessels);
    }

    public PhantomConfig withVessels(int count) {
        return new PhantomConfig(modality, size, slices, sliceSpacingMm, seed, studyNumber, minLesions, maxLesions, count);
    }

    /** Folder name and study id, e.g. {@code ct-0003}. */
    public String studyId() {
        return String.format("%s-%04d", modality.name().toLowerCase(java.util.Locale.ROOT), studyNumber);
    }

    /** The fake, pseudonymous PatientID, e.g. {@code PHANTOM-0003}, so de-identification can be tested. */
    public String patientId() {
        return String.format("PHANTOM-%04d", studyNumber);
    }
}
