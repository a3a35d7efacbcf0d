package org.tumorj.dicom;

import java.nio.file.Path;

/** How stored values are laid out and what they mean (Image Pixel module). */
record PixelFormat(int rows, int columns, int frames, int samplesPerPixel, int bitsAllocated,
                   int bitsStored, int highBit, boolean signed, int planarConfiguration, String photometric) {

    /**
     * The most samples (rows x columns x samples per pixel x frames) one file may declare: 2^28,
     * 1 GiB as floats. A compressed frame can be tiny on disk and huge once decoded (a blank JPEG
     * 2000 frame of 65535 x 65535 fits in a few hundred bytes), so the header is checked against
     * this cap before any pixel buffer is allocated. Native data is also bounded by the file size.
     */
    static final long MAX_SAMPLES = 1L << 28;

    static PixelFormat of(DicomDataset ds, Path file) {
        int rows = ds.integer(Tags.ROWS, -1);
        int columns = ds.integer(Tags.COLUMNS, -1);
        if (rows <= 0 || columns <= 0) {
            throw new DicomException(file, "no valid Rows/Columns (0028,0010/0011): got " + rows + " x " + columns);
        }
        int bitsAllocated = ds.integer(Tags.BITS_ALLOCATED, -1);
        if (bitsAllocated != 1 && bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw new DicomException(file, "BitsAllocated (0028,0100) is " + bitsAllocated + "; only 1, 8, 16 and 32 are supported");
        }
        int bitsStored = ds.integer(Tags.BITS_STORED, bitsAllocated);
        if (bitsStored < 1 || bitsStored > bitsAllocated) {
            bitsStored = bitsAllocated;
        }
        int highBit = ds.integer(Tags.HIGH_BIT, bitsStored - 1);
        if (highBit < bitsStored - 1 || highBit >= bitsAllocated) {
            highBit = bitsStored - 1;
        }
        int samples = ds.integer(Tags.SAMPLES_PER_PIXEL, 1);
        if (samples != 1 && samples != 3) {
            throw new DicomException(file, "SamplesPerPixel (0028,0002) is " + samples + "; only 1 and 3 are supported");
        }
        String photometric = ds.string(Tags.PHOTOMETRIC_INTERPRETATION, samples == 3 ? "RGB" : "MONOCHROME2").toUpperCase();
        String framesText = ds.string(Tags.NUMBER_OF_FRAMES);
        if (framesText != null && ds.doubles(Tags.NUMBER_OF_FRAMES) == null) {
            throw new DicomException(file, "invalid value for VR IS: NumberOfFrames (0028,0008) is '" + framesText
                    + "', not a number; the frame count is unknown");
        }
        int frames = ds.integer(Tags.NUMBER_OF_FRAMES, 1);
        if (frames < 1) {
            throw new DicomException(file, "NumberOfFrames (0028,0008) is " + frames + "; an image has at least 1"
                    + " frame, so the header is corrupt");
        }
        checkSize(file, rows, columns, samples, frames);
        return new PixelFormat(rows, columns, frames, samples, bitsAllocated, bitsStored, highBit,
                ds.integer(Tags.PIXEL_REPRESENTATION, 0) == 1, ds.integer(Tags.PLANAR_CONFIGURATION, 0), photometric);
    }

    private static void checkSize(Path file, int rows, int columns, int samples, int frames) {
        long total = (long) rows * columns * samples * frames;
        if (total > MAX_SAMPLES) {
            throw new DicomException(file, "image too large: " + columns + " x " + rows + " x " + samples + " sample(s) x "
                    + frames + " frame(s) = " + total + " samples, above TumorJ's limit of " + MAX_SAMPLES
                    + " (2^28) per file; crop or split the file first (or the header is corrupt)");
        }
    }

    int pixels() { return rows * columns; }

    /** Bits of one native frame (4:2:2 colour stores two samples per pixel). */
    long frameBits() {
        int samples = photometric.endsWith("_422") ? 2 : samplesPerPixel;
        return (long) pixels() * samples * bitsAllocated;
    }

    boolean color() { return samplesPerPixel == 3 || photometric.equals("PALETTE COLOR"); }

    boolean monochrome1() { return photometric.equals("MONOCHROME1"); }

    /** The value of a native sample: bits BitsStored..HighBit taken out and sign-extended if signed. */
    int stored(int raw) {
        return extend(raw >>> (highBit + 1 - bitsStored));
    }

    /** Masks a value to BitsStored and sign-extends it per PixelRepresentation (not per the codestream). */
    int extend(int v) {
        if (bitsStored >= 32) {
            return v;
        }
        int mask = (1 << bitsStored) - 1;
        v &= mask;
        if (signed && (v & (1 << (bitsStored - 1))) != 0) {
            v |= ~mask;
        }
        return v;
    }
}
