package org.tumorj.dicom;

import java.util.Optional;

/**
 * The width and height a compressed frame's own header declares (JPEG's start-of-frame marker,
 * JPEG 2000's SIZ segment, a JP2 file's image header box), read from its first bytes without
 * decoding. A DICOM header may claim a frame far larger than its codestream (a 3.6 KB file that
 * says 65280 x 512, found by fuzzing); comparing the two before anyone allocates a frame buffer
 * keeps memory bounded by what the file holds.
 */
final class CodestreamSize {
    private CodestreamSize() {}

    /**
     * {@code {width, height}} as declared, however absurd (a damaged codestream may say 3.7 billion
     * columns: the caller compares), or empty when the bytes open no codestream this class knows.
     */
    static Optional<long[]> of(byte[] b) {
        if (b.length >= 4 && u8(b, 0) == 0xFF && u8(b, 1) == 0xD8) {
            return jpeg(b);
        }
        if (b.length >= 4 && u8(b, 0) == 0xFF && u8(b, 1) == 0x4F) {
            return j2kCodestream(b, 2);
        }
        if (b.length >= 12 && u32(b, 0) == 0x0C && u32(b, 4) == 0x6A502020) { // JP2 signature box
            return jp2(b);
        }
        return Optional.empty();
    }

    /** Walks marker segments to the first start-of-frame (SOF0-15 but DHT, JPG and DAC). */
    private static Optional<long[]> jpeg(byte[] b) {
        int at = 2;
        while (at + 4 <= b.length) {
            if (u8(b, at) != 0xFF) {
                return Optional.empty();
            }
            int marker = u8(b, at + 1);
            if (marker == 0xFF) { // fill byte
                at++;
                continue;
            }
            int length = u16(b, at + 2);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                return at + 9 <= b.length ? Optional.of(new long[] {u16(b, at + 7), u16(b, at + 5)}) : Optional.empty();
            }
            if (marker == 0xDA || length < 2) { // scan data before any frame header: not ours to judge
                return Optional.empty();
            }
            at += 2 + length;
        }
        return Optional.empty();
    }

    /** SIZ directly after SOC: Lsiz, Rsiz, Xsiz, Ysiz, XOsiz, YOsiz. */
    private static Optional<long[]> j2kCodestream(byte[] b, int at) {
        if (at + 22 > b.length || u8(b, at) != 0xFF || u8(b, at + 1) != 0x51) {
            return Optional.empty();
        }
        long width = u32(b, at + 6) - u32(b, at + 14), height = u32(b, at + 10) - u32(b, at + 18);
        return Optional.of(new long[] {width, height});
    }

    /** The ihdr box inside the jp2h header box: height, then width. */
    private static Optional<long[]> jp2(byte[] b) {
        for (int at = 0; at + 16 <= b.length; at++) {
            if (u32(b, at) == 0x69686472) { // "ihdr"
                return Optional.of(new long[] {u32(b, at + 8), u32(b, at + 4)});
            }
        }
        return Optional.empty();
    }

    private static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    private static int u16(byte[] b, int at) {
        return (u8(b, at) << 8) | u8(b, at + 1);
    }

    private static long u32(byte[] b, int at) {
        return ((long) u16(b, at) << 16) | u16(b, at + 2);
    }
}
