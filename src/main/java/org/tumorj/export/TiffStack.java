package org.tumorj.export;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tumorj.util.AtomicFiles;

/**
 * An uncompressed, big-endian TIFF stack laid out as ImageJ writes one, so that Fiji opens it
 * with its calibration, display range and slice labels: one IFD per slice, the first carrying
 * the {@code ImageJ=} description and ImageJ's metadata tags (the slice labels). Pixels are
 * 32-bit float (modality values, probabilities), unsigned 16-bit with ImageJ's straight-line value
 * calibration (integer modality values, {@link #as16Bit}) or 8-bit RGB. Written atomically,
 * through one buffer, each slice converted once into a reused row of bytes.
 *
 * @param width columns
 * @param height rows
 * @param floats one {@code width x height} float slice each, or null for RGB
 * @param rgb one packed {@code 0xRRGGBB} slice each, or null for float
 * @param pixelWidth pixel size in {@code unit} (0 = uncalibrated), likewise height and depth
 * @param unit length unit of the spacing, e.g. {@code mm}
 * @param displayMin display range in the float values (grey only; equal bounds = none)
 * @param labels one label per slice (e.g. its SOPInstanceUID), or null
 * @param coding how the float slices are stored as 16-bit, or null to store them as float
 */
public record TiffStack(int width, int height, List<float[]> floats, List<int[]> rgb, double pixelWidth,
        double pixelHeight, double pixelDepth, String unit, double displayMin, double displayMax, List<String> labels,
        SixteenBitCoding coding) {
    private static final int IMAGEJ_METADATA_COUNTS = 50838, IMAGEJ_METADATA = 50839;
    private static final int MAGIC = 0x494a494a, LABELS = 0x6c61626c; // "IJIJ", "labl"
    private static final int SHORT = 3, LONG = 4, RATIONAL = 5, ASCII = 2, BYTE = 1;
    /** Gathers the small header and IFD writes; a slice, larger, goes to the file without a copy into it. */
    private static final int BUFFER_BYTES = 64 << 10;

    public TiffStack {
        int slices = floats != null ? floats.size() : rgb.size();
        if ((floats == null) == (rgb == null) || slices == 0) {
            throw new IllegalArgumentException("a TIFF stack needs float or RGB slices, at least one");
        }
        if (labels != null && labels.size() != slices) {
            throw new IllegalArgumentException(labels.size() + " labels for " + slices + " slices");
        }
        if (coding != null && floats == null) {
            throw new IllegalArgumentException("only grey (float) slices can be stored as 16-bit");
        }
        if (4L * width * height * slices > 0xffff_0000L) {
            throw new IllegalArgumentException("a stack of " + width + " x " + height + " x " + slices
                    + " is over the 4 GB a classic TIFF can address; convert fewer slices at a time");
        }
    }

    /** A 32-bit float stack, uncalibrated, with no display range or labels. */
    public static TiffStack ofFloats(int width, int height, List<float[]> slices) {
        return new TiffStack(width, height, slices, null, 0, 0, 0, null, 0, 0, null, null);
    }

    /** An RGB stack ({@code 0xRRGGBB} per pixel). */
    public static TiffStack ofRgb(int width, int height, List<int[]> slices) {
        return new TiffStack(width, height, null, slices, 0, 0, 0, null, 0, 0, null, null);
    }

    public TiffStack calibrated(double newPixelWidth, double newPixelHeight, double newPixelDepth, String newUnit) {
        return new TiffStack(width, height, floats, rgb, newPixelWidth, newPixelHeight, newPixelDepth, newUnit,
                displayMin, displayMax, labels, coding);
    }

    public TiffStack withDisplayRange(double min, double max) {
        return new TiffStack(width, height, floats, rgb, pixelWidth, pixelHeight, pixelDepth, unit, min, max, labels,
                coding);
    }

    public TiffStack withLabels(List<String> newLabels) {
        return new TiffStack(width, height, floats, rgb, pixelWidth, pixelHeight, pixelDepth, unit, displayMin,
                displayMax, newLabels, coding);
    }

    /**
     * The float slices stored as unsigned 16-bit through {@code newCoding}, which must fit every
     * value ({@link SixteenBitCoding#fitting}); ImageJ shows the same values, calibrated.
     */
    public TiffStack as16Bit(SixteenBitCoding newCoding) {
        return new TiffStack(width, height, floats, rgb, pixelWidth, pixelHeight, pixelDepth, unit, displayMin,
                displayMax, labels, newCoding);
    }

    public int slices() {
        return floats != null ? floats.size() : rgb.size();
    }

    private boolean isRgb() {
        return rgb != null;
    }

    private boolean isFloat() {
        return floats != null && coding == null;
    }

    private int bytesPerPixel() {
        return isRgb() ? 3 : isFloat() ? 4 : 2;
    }

    private boolean calibratedInPlane() {
        return unit != null && pixelWidth > 0 && pixelHeight > 0;
    }

    /** Writes the stack to {@code target} atomically (a temporary sibling renamed into place). */
    public void write(Path target) throws IOException {
        AtomicFiles.write(target, out -> write(new DataOutputStream(new BufferedOutputStream(out, BUFFER_BYTES))));
    }

    private void write(DataOutputStream out) throws IOException {
        byte[] description = description();
        byte[][] metadata = metadata();
        int entries = 11 + (isFloat() ? 1 : 0) + (calibratedInPlane() ? 3 : 0);
        int firstEntries = entries + 1 + (metadata.length > 0 ? 2 : 0);
        int firstIfd = 2 + 12 * firstEntries + 4;
        int laterIfd = 2 + 12 * entries + 4;
        long bitsAt = 8 + firstIfd;
        long descriptionAt = bitsAt + (isRgb() ? 6 : 0);
        long scaleAt = descriptionAt + description.length;
        long countsAt = scaleAt + (calibratedInPlane() ? 16 : 0);
        long metadataAt = countsAt + 4L * metadata.length;
        long imageAt = metadataAt + totalLength(metadata);
        long sliceBytes = (long) width * height * bytesPerPixel();
        long laterIfdsAt = imageAt + sliceBytes * slices();

        out.writeShort(0x4d4d); // "MM": big-endian, as ImageJ writes
        out.writeShort(42);
        out.writeInt(8);
        Ifd ifd = new Ifd(out, description.length, bitsAt, descriptionAt, scaleAt, sliceBytes);
        ifd.write(imageAt, firstEntries, true, countsAt, metadataAt, metadata, slices() > 1 ? laterIfdsAt : 0);
        if (isRgb()) {
            out.writeShort(8);
            out.writeShort(8);
            out.writeShort(8);
        }
        out.write(description);
        if (calibratedInPlane()) {
            writeScale(out, pixelWidth);
            writeScale(out, pixelHeight);
        }
        for (byte[] m : metadata) {
            out.writeInt(m.length);
        }
        for (byte[] m : metadata) {
            out.write(m);
        }
        byte[] slice = new byte[(int) sliceBytes];
        short[] samples = coding == null ? null : new short[width * height];
        for (int z = 0; z < slices(); z++) {
            out.write(pixels(z, slice, samples));
        }
        for (int z = 1; z < slices(); z++) {
            long next = z == slices() - 1 ? 0 : laterIfdsAt + (long) z * laterIfd;
            ifd.write(imageAt + z * sliceBytes, entries, false, 0, 0, metadata, next);
        }
        out.flush();
    }

    /** One image file directory, its entries in tag order as TIFF requires. */
    private final class Ifd {
        private final DataOutputStream out;
        private final int descriptionLength;
        private final long bitsAt, descriptionAt, scaleAt, sliceBytes;

        Ifd(DataOutputStream out, int descriptionLength, long bitsAt, long descriptionAt, long scaleAt, long sliceBytes) {
            this.out = out;
            this.descriptionLength = descriptionLength;
            this.bitsAt = bitsAt;
            this.descriptionAt = descriptionAt;
            this.scaleAt = scaleAt;
            this.sliceBytes = sliceBytes;
        }

        void write(long pixelsAt, int entries, boolean first, long countsAt, long metadataAt, byte[][] metadata,
                long next) throws IOException {
            out.writeShort(entries);
            entry(254, LONG, 1, 0); // NewSubfileType
            entry(256, LONG, 1, width);
            entry(257, LONG, 1, height);
            entry(258, SHORT, isRgb() ? 3 : 1, isRgb() ? bitsAt : 8 * bytesPerPixel()); // BitsPerSample
            entry(259, SHORT, 1, 1); // no compression
            entry(262, SHORT, 1, isRgb() ? 2 : 1); // RGB or BlackIsZero
            if (first) {
                entry(270, ASCII, descriptionLength, descriptionAt);
            }
            entry(273, LONG, 1, pixelsAt); // StripOffsets
            entry(277, SHORT, 1, isRgb() ? 3 : 1); // SamplesPerPixel
            entry(278, LONG, 1, height); // RowsPerStrip
            entry(279, LONG, 1, sliceBytes); // StripByteCounts
            entry(284, SHORT, 1, 1); // PlanarConfiguration: chunky
            if (calibratedInPlane()) {
                entry(282, RATIONAL, 1, scaleAt);
                entry(283, RATIONAL, 1, scaleAt + 8);
                entry(296, SHORT, 1, 1); // ResolutionUnit none: the unit is in the description
            }
            if (isFloat()) {
                entry(339, SHORT, 1, 3); // SampleFormat: IEEE float
            }
            if (first && metadata.length > 0) {
                entry(IMAGEJ_METADATA_COUNTS, LONG, metadata.length, countsAt);
                entry(IMAGEJ_METADATA, BYTE, (int) totalLength(metadata), metadataAt);
            }
            out.writeInt((int) next);
        }

        /** A SHORT value sits in the first two bytes of the field, as in a big-endian file. */
        private void entry(int tag, int type, int count, long value) throws IOException {
            out.writeShort(tag);
            out.writeShort(type);
            out.writeInt(count);
            if (type == SHORT && count == 1) {
                out.writeShort((int) value);
                out.writeShort(0);
            } else {
                out.writeInt((int) value);
            }
        }
    }

    /** ImageJ's description, its lines in FileSaver's order: what turns a plain TIFF into a calibrated stack in Fiji. */
    private byte[] description() {
        StringBuilder d = new StringBuilder("ImageJ=1.54p\n");
        if (slices() > 1) {
            d.append("images=").append(slices()).append("\nslices=").append(slices()).append('\n');
        }
        if (unit != null) {
            d.append("unit=").append(unit).append('\n');
        }
        if (coding != null && coding.calibrated()) {
            // as ImageJ's FileSaver writes a calibrated 16-bit image: straight line, c0 + c1 * stored
            d.append("cf=0\nc0=").append((double) coding.offset()).append("\nc1=1.0\nvunit=")
                    .append(coding.valueUnit()).append('\n');
        }
        if (unit != null && slices() > 1 && pixelDepth > 0) {
            d.append("spacing=").append(String.format(Locale.ROOT, "%s", pixelDepth)).append('\n');
        }
        if (slices() > 1) {
            d.append("loop=false\n");
        }
        if (!isRgb() && displayMax > displayMin) {
            // ImageJ keeps a 16-bit display range in stored units
            double shift = coding == null ? 0 : coding.offset();
            d.append(String.format(Locale.ROOT, "min=%s\nmax=%s\n", displayMin - shift, displayMax - shift));
        }
        d.append('\0');
        return d.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** ImageJ's metadata blocks: the header (its magic, then each type and count), then the slice labels. */
    private byte[][] metadata() {
        if (labels == null) {
            return new byte[0][];
        }
        byte[][] out = new byte[1 + labels.size()][];
        out[0] = ByteBuffer.allocate(12).putInt(MAGIC).putInt(LABELS).putInt(labels.size()).array();
        for (int k = 0; k < labels.size(); k++) {
            out[k + 1] = (labels.get(k) == null ? "" : labels.get(k)).getBytes(StandardCharsets.UTF_16BE);
        }
        return out;
    }

    private static long totalLength(byte[][] blocks) {
        long n = 0;
        for (byte[] b : blocks) {
            n += b.length;
        }
        return n;
    }

    /** Pixels per unit as ImageJ writes it: a rational over 1,000,000. */
    private static void writeScale(DataOutputStream out, double pixelSize) throws IOException {
        double perUnit = 1 / pixelSize;
        double scale = perUnit * 1e6 > Integer.MAX_VALUE ? (int) (Integer.MAX_VALUE / perUnit) : 1e6;
        out.writeInt((int) (perUnit * scale));
        out.writeInt((int) scale);
    }

    /**
     * Slice {@code z} as big-endian bytes in {@code into} (reused for every slice); a slice is
     * read once (a lazy list, such as the heat map's, computes it here). Grey samples go in through
     * a big-endian view in one bulk copy, which the JVM does with byte swaps, not byte by byte.
     */
    private byte[] pixels(int z, byte[] into, short[] samples) {
        if (isRgb()) {
            int[] colour = rgb.get(z);
            checkLength(z, colour.length);
            for (int i = 0; i < colour.length; i++) {
                into[3 * i] = (byte) (colour[i] >> 16);
                into[3 * i + 1] = (byte) (colour[i] >> 8);
                into[3 * i + 2] = (byte) colour[i];
            }
        } else if (isFloat()) {
            float[] grey = floats.get(z);
            checkLength(z, grey.length);
            ByteBuffer.wrap(into).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().put(grey);
        } else {
            float[] grey = floats.get(z);
            checkLength(z, grey.length);
            encode16(z, grey, samples);
            ByteBuffer.wrap(into).order(ByteOrder.BIG_ENDIAN).asShortBuffer().put(samples);
        }
        return into;
    }

    /** Stored samples of a slice; a value the coding cannot store exactly is refused, never wrapped. */
    private void encode16(int z, float[] grey, short[] samples) {
        int offset = coding.offset();
        int misfit = 0;
        for (int i = 0; i < grey.length; i++) {
            int value = (int) grey[i];
            int stored = value - offset;
            misfit |= (stored >>> 16) | (value == grey[i] ? 0 : 1); // one test per slice, not per pixel
            samples[i] = (short) stored;
        }
        if (misfit != 0) {
            for (float v : grey) {
                if (v != (int) v || ((int) v - offset) >>> 16 != 0) {
                    throw new IllegalArgumentException("slice " + z + " holds " + v + ", which 16 bits from "
                            + offset + " cannot store; write it as float");
                }
            }
        }
    }

    private void checkLength(int z, int length) {
        if (length != width * height) {
            throw new IllegalArgumentException("slice " + z + " has " + length + " pixels, not " + width + " x " + height);
        }
    }
}
