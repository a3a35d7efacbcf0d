package org.tumorj.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Decodes the frames of one parsed file: grey frames to modality values (stored value masked to
 * BitsStored, sign-extended per PixelRepresentation, then slope and intercept), colour frames to
 * packed RGB. Native 8/16-bit grey data takes a direct path from the mapped file to floats.
 */
final class PixelDecoder {
    private final ParsedFile parsed;
    private final DicomImage image;
    private final PixelFormat f;
    private final Path file;
    private EncapsulatedFrames encapsulated;

    PixelDecoder(ParsedFile parsed, DicomImage image) {
        this.parsed = parsed;
        this.image = image;
        this.f = image.format;
        this.file = parsed.path();
        checkDecodable();
    }

    /** Parses a file with its pixel data and prepares decoding. */
    static PixelDecoder open(Path file) {
        ParsedFile parsed = DicomParser.parse(file, true);
        return new PixelDecoder(parsed, DicomImage.of(parsed));
    }

    DicomImage image() { return image; }

    private void checkDecodable() {
        TransferSyntax ts = parsed.syntax();
        if (ts.codec == TransferSyntax.Codec.NONE) {
            throw ts.unsupported(file, "no JPEG-LS decoder is available from Maven Central");
        }
        if (ts.codec == TransferSyntax.Codec.JPEG && f.bitsStored() > 8
                && (ts == TransferSyntax.JPEG_BASELINE || ts == TransferSyntax.JPEG_EXTENDED)) {
            throw ts.unsupported(file, f.bitsStored() + "-bit lossy JPEG has no decoder on Maven Central");
        }
        if (ts.encapsulated()) {
            if (!parsed.pixels().encapsulated()) {
                throw new DicomException(file, "transfer syntax " + ts.displayName + " needs encapsulated pixel data, found native");
            }
            encapsulated = new EncapsulatedFrames(file, parsed.buffer(), parsed.pixels(), f.frames());
            if (ts.codec == TransferSyntax.Codec.JPEG || ts.codec == TransferSyntax.Codec.JPEG_2000) {
                checkCodestreamSize(ts);
            }
        } else {
            if (parsed.pixels().encapsulated()) {
                throw new DicomException(file, "encapsulated pixel data in native transfer syntax " + ts.displayName);
            }
            if (f.photometric().endsWith("_422") && f.columns() % 2 == 1) {
                // pixels come in pairs (Y1 Y2 Cb Cr); an odd row would run into the next one
                throw new DicomException(file, "native " + f.photometric() + " needs an even number of columns, got "
                        + f.columns() + "; the header is corrupt");
            }
            long needed = (f.frameBits() * f.frames() + 7) / 8;
            if (parsed.pixels().length() < needed) {
                throw new DicomException(file, "pixel data holds " + parsed.pixels().length() + " bytes but "
                        + f.columns() + "x" + f.rows() + "x" + f.frames() + " frames of " + f.bitsAllocated()
                        + " bits need " + needed + " (truncated?)");
            }
        }
        if (f.color() && !isSupportedColour(f.photometric())) {
            throw new DicomException(file, "photometric interpretation " + f.photometric() + " is not supported");
        }
    }

    /**
     * The first frame's codestream declares the header's size, or the file is refused now, before
     * a caller sizes a frame buffer by the header: memory stays bounded by what the file holds.
     */
    private void checkCodestreamSize(TransferSyntax ts) {
        long[] size = CodestreamSize.of(encapsulated.frame(0)).orElseThrow(() -> new DicomException(file, ts.displayName
                + " frame 1 does not open with a codestream header declaring its size; the pixel data is corrupt"));
        if (size[0] != f.columns() || size[1] != f.rows()) {
            throw new DicomException(file, ts.displayName + " frame is " + size[0] + "x" + size[1]
                    + " but the header says " + f.columns() + "x" + f.rows());
        }
    }

    private static boolean isSupportedColour(String p) {
        return switch (p) {
            case "RGB", "YBR_FULL", "YBR_FULL_422", "YBR_PARTIAL_422", "YBR_PARTIAL_420", "YBR_RCT", "YBR_ICT", "PALETTE COLOR" -> true;
            default -> false;
        };
    }

    /** Modality values of a grey frame into {@code out} (length rows*columns). */
    void greyFrame(int frame, float[] out) {
        FrameInfo info = image.frames.get(frame);
        float slope = (float) info.slope();
        float intercept = (float) info.intercept();
        if (!parsed.syntax().encapsulated() && (f.bitsAllocated() == 16 || f.bitsAllocated() == 8)) {
            nativeGrey(frame, slope, intercept, out);
            return;
        }
        int[] raw = rawFrame(frame);
        boolean compressed = parsed.syntax().encapsulated();
        boolean unsigned32 = f.bitsAllocated() == 32 && !f.signed() && f.bitsStored() == 32;
        for (int i = 0; i < out.length; i++) {
            int v = compressed ? f.extend(raw[i]) : f.stored(raw[i]);
            double value = unsigned32 ? (double) (v & 0xFFFFFFFFL) : v;
            out[i] = (float) (value * slope + intercept);
        }
    }

    private void nativeGrey(int frame, float slope, float intercept, float[] out) {
        ByteBuffer buf = parsed.buffer();
        int n = f.pixels();
        int start = (int) parsed.pixels().offset() + (int) (f.frameBits() / 8) * frame;
        boolean plain = f.bitsStored() == f.bitsAllocated();
        if (f.bitsAllocated() == 16 && plain) {
            plainShorts(buf, start, n, parsed.syntax().bigEndian, f.signed(), slope, intercept, out);
        } else if (f.bitsAllocated() == 16) {
            ByteBuffer b = buf.duplicate().order(parsed.syntax().bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                out[i] = f.stored(b.getShort(start + 2 * i) & 0xFFFF) * slope + intercept;
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = f.stored(buf.get(start + i) & 0xFF) * slope + intercept;
            }
        }
    }

    /** Per-thread scratch for 16-bit samples, so decoding a series makes no garbage per slice. */
    private static final ThreadLocal<short[]> SCRATCH = ThreadLocal.withInitial(() -> new short[0]);

    /**
     * The common case (16 of 16 bits): a bulk byte-order-aware copy into shorts, then a plain
     * loop the JIT vectorises.
     */
    private static void plainShorts(ByteBuffer buf, int start, int n, boolean bigEndian, boolean signed,
                                    float slope, float intercept, float[] out) {
        short[] s = SCRATCH.get();
        if (s.length < n) {
            s = new short[n];
            SCRATCH.set(s);
        }
        buf.duplicate().position(start).limit(start + 2 * n).slice()
                .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s, 0, n);
        if (signed) {
            for (int i = 0; i < n; i++) {
                out[i] = s[i] * slope + intercept;
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = (s[i] & 0xFFFF) * slope + intercept;
            }
        }
    }

    /** Packed RGB (0xRRGGBB) of a colour frame. */
    int[] colorFrame(int frame) {
        int[] raw = rawFrame(frame);
        int n = f.pixels();
        int[] rgb = new int[n];
        if (f.photometric().equals("PALETTE COLOR")) {
            Palette.of(image.dataset, file).apply(raw, f, rgb);
            return rgb;
        }
        boolean planar = f.planarConfiguration() == 1 && !parsed.syntax().encapsulated();
        int shift = Math.max(0, f.bitsStored() - 8);
        boolean ycc = isYcc();
        boolean partial = f.photometric().startsWith("YBR_PARTIAL");
        for (int i = 0; i < n; i++) {
            int a = planar ? raw[i] : raw[3 * i];
            int b = planar ? raw[n + i] : raw[3 * i + 1];
            int c = planar ? raw[2 * n + i] : raw[3 * i + 2];
            a = (a >> shift) & 0xFF;
            b = (b >> shift) & 0xFF;
            c = (c >> shift) & 0xFF;
            rgb[i] = ycc ? Ycc.toRgb(a, b, c, partial) : (a << 16 | b << 8 | c);
        }
        return rgb;
    }

    /** Whether samples are still Y/Cb/Cr after decoding (J2K's RCT/ICT are undone by the codec). */
    private boolean isYcc() {
        String p = f.photometric();
        return p.startsWith("YBR_FULL") || p.startsWith("YBR_PARTIAL");
    }

    /** Raw sample values of a frame, interleaved (native planar data stays planar). */
    int[] rawFrame(int frame) {
        TransferSyntax ts = parsed.syntax();
        return switch (ts.codec) {
            case NATIVE -> NativeSamples.read(parsed.buffer(), parsed.pixels().offset(), f, frame, ts.bigEndian);
            case RLE -> RleDecoder.decode(encapsulated.frame(frame), f, file);
            case JPEG, JPEG_2000 -> ImageIoDecoder.decode(encapsulated.frame(frame), ts, f, file);
            case NONE -> throw ts.unsupported(file, "");
        };
    }
}
