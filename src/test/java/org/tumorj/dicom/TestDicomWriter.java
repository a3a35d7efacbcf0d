package org.tumorj.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The tests' DICOM writer, for what the product's {@link DicomWriter} refuses to write: elements
 * in the order given (out of order on purpose), lengths that lie, meta groups without SOP UIDs,
 * other transfer syntaxes (deflated, encapsulated pixel data). The encoding itself is the
 * product's ({@link DicomOutput}); sequences and items have undefined length.
 */
public final class TestDicomWriter {
    public static final String EXPLICIT_LE = DicomOutput.EXPLICIT_VR_LITTLE_ENDIAN;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public TestDicomWriter text(int tag, String vr, String value) {
        return bytes(tag, vr, DicomOutput.evenLength(value.getBytes(StandardCharsets.ISO_8859_1), vr));
    }

    public TestDicomWriter us(int tag, int... values) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return bytes(tag, "US", b.array());
    }

    public TestDicomWriter bytes(int tag, String vr, byte[] value) {
        header(tag, vr, value.length);
        out.writeBytes(value);
        return this;
    }

    /** An element whose header declares {@code length} but carries the given (shorter) bytes. */
    public TestDicomWriter lying(int tag, String vr, long length, byte[] actual) {
        header(tag, vr, length);
        out.writeBytes(actual);
        return this;
    }

    public TestDicomWriter sequence(int tag, List<TestDicomWriter> items) {
        header(tag, "SQ", 0xFFFFFFFFL);
        for (TestDicomWriter item : items) {
            tag(Tags.ITEM);
            u32(0xFFFFFFFFL);
            out.writeBytes(item.out.toByteArray());
            tag(Tags.ITEM_DELIMITATION);
            u32(0);
        }
        tag(Tags.SEQUENCE_DELIMITATION);
        u32(0);
        return this;
    }

    /**
     * Encapsulated pixel data (undefined length): an empty Basic Offset Table, then one item per
     * fragment, then the sequence delimiter; each fragment's bytes as given (even length).
     */
    public TestDicomWriter encapsulatedPixels(byte[]... fragments) {
        header(Tags.PIXEL_DATA, "OB", 0xFFFFFFFFL);
        tag(Tags.ITEM);
        u32(0);
        for (byte[] f : fragments) {
            tag(Tags.ITEM);
            u32(f.length);
            out.writeBytes(f);
        }
        tag(Tags.SEQUENCE_DELIMITATION);
        u32(0);
        return this;
    }

    /** 16-bit native pixel data. */
    public TestDicomWriter pixels16(short[] values) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(values);
        return bytes(Tags.PIXEL_DATA, "OW", b.array());
    }

    public byte[] dataset() {
        return out.toByteArray();
    }

    /** Preamble, "DICM", File Meta with the transfer syntax, then the data set. */
    public byte[] part10(String transferSyntax) {
        TestDicomWriter meta = new TestDicomWriter()
                .bytes(0x00020001, "OB", new byte[] {0, 1})
                .text(0x00020010, "UI", transferSyntax);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(DicomOutput.part10Prefix(meta.dataset()));
        file.writeBytes(dataset());
        return file.toByteArray();
    }

    public static final String DEFLATED_LE = "1.2.840.10008.1.2.1.99";

    /** As {@link #part10}, the data set deflated (raw deflate, no zlib header) as PS3.5 A.5 says. */
    public byte[] part10Deflated() {
        byte[] plain = part10(DEFLATED_LE);
        byte[] body = dataset();
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION, true);
        deflater.setInput(body);
        deflater.finish();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(plain, 0, plain.length - body.length);
        byte[] chunk = new byte[65536];
        while (!deflater.finished()) {
            file.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return file.toByteArray();
    }

    public Path writeTo(Path file, String transferSyntax) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, part10(transferSyntax));
    }

    private void header(int tag, String vr, long length) {
        DicomOutput.elementHeader(out, tag, vr, length);
    }

    private void tag(int tag) {
        DicomOutput.tag(out, tag);
    }

    private void u32(long v) {
        DicomOutput.uint32(out, v);
    }

    /** A grey 16-bit image with geometry, the common case of benchmarks and series tests. */
    public static TestDicomWriter ctSlice(String seriesUid, int instance, int rows, int columns, double z, short[] pixels) {
        return ctHeader(seriesUid, instance, rows, columns, z).pixels16(pixels);
    }

    /** The header of {@link #ctSlice} without pixel data. */
    public static TestDicomWriter ctHeader(String seriesUid, int instance, int rows, int columns, double z) {
        return ctHeader(seriesUid, instance, rows, columns, z, "1", "-1024", null);
    }

    /**
     * A {@link #ctSlice} with this rescale (decimal strings as a header carries them) and, unless
     * null, this window (center and width, backslash-separated as in a header).
     */
    public static TestDicomWriter ctSlice(String seriesUid, int instance, int rows, int columns, double z, short[] pixels,
            String slope, String intercept, String window) {
        return ctHeader(seriesUid, instance, rows, columns, z, slope, intercept, window).pixels16(pixels);
    }

    private static TestDicomWriter ctHeader(String seriesUid, int instance, int rows, int columns, double z,
            String slope, String intercept, String window) {
        TestDicomWriter header = new TestDicomWriter()
                .text(Tags.SOP_INSTANCE_UID, "UI", seriesUid + "." + instance)
                .text(Tags.MODALITY, "CS", "CT")
                .text(Tags.SERIES_INSTANCE_UID, "UI", seriesUid)
                .text(Tags.INSTANCE_NUMBER, "IS", String.valueOf(instance))
                .text(Tags.IMAGE_POSITION_PATIENT, "DS", "-100\\-100\\" + z)
                .text(Tags.IMAGE_ORIENTATION_PATIENT, "DS", "1\\0\\0\\0\\1\\0")
                .us(Tags.SAMPLES_PER_PIXEL, 1)
                .text(Tags.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME2")
                .us(Tags.ROWS, rows)
                .us(Tags.COLUMNS, columns)
                .text(Tags.PIXEL_SPACING, "DS", "0.5\\0.5")
                .us(Tags.BITS_ALLOCATED, 16)
                .us(Tags.BITS_STORED, 16)
                .us(Tags.HIGH_BIT, 15)
                .us(Tags.PIXEL_REPRESENTATION, 1);
        if (window != null) {
            header.text(Tags.WINDOW_CENTER, "DS", window.split("\\\\")[0]).text(Tags.WINDOW_WIDTH, "DS", window.split("\\\\")[1]);
        }
        return header
                .text(Tags.RESCALE_INTERCEPT, "DS", intercept)
                .text(Tags.RESCALE_SLOPE, "DS", slope);
    }
}
