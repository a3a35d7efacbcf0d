package org.tumorj.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates a Deflated Explicit VR Little Endian data set with memory bounded by what its own
 * header says it holds. Deflate packs a run of zeros about 1000:1, so a 1 MB file can claim a
 * gigabyte; inflating first and checking after let a 1 MB file take 2 GB of heap. Here the
 * inflated bytes are walked as they arrive: until the top-level Pixel Data element is reached at
 * most {@link #HEADER_LIMIT} of header may accumulate; from there the data set may hold the pixel
 * data the header declares (Rows x Columns x frames x samples x bits, at most the element's own
 * length) plus {@link #TRAILER_MARGIN} of trailing elements, and inflation stops with an error the
 * moment the stream would go beyond. Every buffer is checked against the free heap before it is
 * allocated.
 */
final class DeflatedDataset {
    /** Header (everything before Pixel Data) allowed before the image's size is known. */
    static final int HEADER_LIMIT = 64 << 20;
    /** Elements allowed after the pixel data (padding, signatures, private trailers). */
    static final int TRAILER_MARGIN = 1 << 20;
    /** The largest Java array: a data set beyond it cannot be held, whatever its header says. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final Path file;
    private byte[] out;
    private int size;
    /** The walk through the top-level elements: next element's offset and nesting of undefined-length sequences. */
    private int next;
    private int depth;
    private long rows = -1, columns = -1, bitsAllocated = -1, samples = 1, frames = 1;
    /** Bytes the data set may reach; {@link #HEADER_LIMIT} until Pixel Data is found. */
    private long bound = HEADER_LIMIT;
    private boolean pixelDataFound;

    private DeflatedDataset(Path file, int initialCapacity) {
        this.file = file;
        this.out = new byte[initialCapacity];
    }

    /** The inflated data set of the raw deflate stream {@code compressed}. */
    static ByteBuffer inflate(Path file, byte[] compressed) {
        DeflatedDataset d = new DeflatedDataset(file, (int) Math.min(HEADER_LIMIT, Math.max(65536L, 4L * compressed.length)));
        d.run(compressed);
        return ByteBuffer.wrap(d.out, 0, d.size).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private void run(byte[] compressed) {
        Inflater inflater = new Inflater(true);
        inflater.setInput(compressed);
        byte[] chunk = new byte[65536];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                append(chunk, n);
                walk();
            }
        } catch (DataFormatException e) {
            throw new DicomException(file, "deflated data set is corrupt: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private void append(byte[] chunk, int n) {
        if (size + (long) n > bound) {
            throw new DicomException(file, pixelDataFound
                    ? "deflated data set expands beyond the " + bound + " bytes its header accounts for ("
                            + describeImage() + " plus " + (TRAILER_MARGIN >> 10) + " KiB); refusing it"
                    : "deflated data set has no Pixel Data in its first " + (HEADER_LIMIT >> 20) + " MiB; refusing it");
        }
        if (size + n > out.length) {
            // growth by half, never past the bound: a header that overstates the image costs nothing
            long wanted = Math.min(bound, Math.max(size + (long) n, out.length + (long) out.length / 2));
            checkHeap(wanted);
            out = Arrays.copyOf(out, (int) wanted);
        }
        System.arraycopy(chunk, 0, out, size, n);
        size += n;
    }

    /** Reads the element headers now complete (explicit VR little endian, as the transfer syntax is). */
    private void walk() {
        while (!pixelDataFound && next + 8 <= size) {
            int group = u16(next), element = u16(next + 2), tag = group << 16 | element;
            if (group == 0xFFFE) { // item or delimiter: no VR, 4-byte length
                long length = u32(next + 4);
                if (element == 0xE000 && length != 0xFFFFFFFFL) {
                    next += 8 + (int) length; // an item of known length: skip it whole
                } else {
                    depth += element == 0xE000 ? 1 : element == 0xE0DD || element == 0xE00D ? -1 : 0;
                    next += 8;
                }
                continue;
            }
            String vr = "" + (char) out[next + 4] + (char) out[next + 5];
            boolean longForm = DicomParser.LONG_VRS.contains(vr);
            if (longForm && next + 12 > size) {
                return;
            }
            long length = longForm ? u32(next + 8) : u16(next + 6);
            int value = next + (longForm ? 12 : 8);
            if (length == 0xFFFFFFFFL) { // an undefined-length sequence (or encapsulated data): step inside
                depth++;
                next = value;
                continue;
            }
            if (depth == 0 && tag == Tags.PIXEL_DATA) {
                pixelDataFound = true;
                long declared = rows * columns * samples * frames * Math.max(1, bitsAllocated) / 8;
                long pixels = rows > 0 && columns > 0 && bitsAllocated > 0 ? Math.min(length, declared) : length;
                bound = Math.min(MAX_ARRAY, Math.max(size, value + pixels + TRAILER_MARGIN));
                return;
            }
            if (depth == 0 && value + length <= size && length <= 16) {
                remember(tag, vr, value, (int) length);
            } else if (depth == 0 && value + length > size && isImageSize(tag)) {
                return; // wait for the value
            }
            next = (int) Math.min(Integer.MAX_VALUE, value + length);
        }
    }

    private static boolean isImageSize(int tag) {
        return tag == Tags.ROWS || tag == Tags.COLUMNS || tag == Tags.BITS_ALLOCATED
                || tag == Tags.SAMPLES_PER_PIXEL || tag == Tags.NUMBER_OF_FRAMES;
    }

    private void remember(int tag, String vr, int value, int length) {
        if (tag == Tags.NUMBER_OF_FRAMES) {
            String text = new String(out, value, length, java.nio.charset.StandardCharsets.US_ASCII).trim();
            try {
                frames = Math.max(1, Long.parseLong(text.replace("\0", "")));
            } catch (NumberFormatException e) {
                frames = 1; // the parser reports a bad NumberOfFrames with its own sentence
            }
        } else if (isImageSize(tag) && "US".equals(vr) && length >= 2) {
            long v = u16(value);
            if (tag == Tags.ROWS) rows = v;
            else if (tag == Tags.COLUMNS) columns = v;
            else if (tag == Tags.BITS_ALLOCATED) bitsAllocated = v;
            else samples = Math.max(1, v);
        }
    }

    private String describeImage() {
        return rows + " x " + columns + " x " + frames + " frame(s) x " + samples + " sample(s) x " + bitsAllocated + " bits";
    }

    /** Refuses an allocation the heap cannot hold, with what to do, instead of an OutOfMemoryError. */
    private void checkHeap(long bytes) {
        Runtime r = Runtime.getRuntime();
        long free = r.maxMemory() - (r.totalMemory() - r.freeMemory());
        if (bytes > free) {
            throw new DicomException(file, "inflating the deflated data set needs " + (bytes >> 20) + " MiB and the Java heap has "
                    + (free >> 20) + " MiB free; start Java with more memory (-Xmx)");
        }
    }

    private int u16(int at) {
        return (out[at] & 0xFF) | (out[at + 1] & 0xFF) << 8;
    }

    private long u32(int at) {
        return (u16(at) | (long) u16(at + 2) << 16) & 0xFFFFFFFFL;
    }
}
