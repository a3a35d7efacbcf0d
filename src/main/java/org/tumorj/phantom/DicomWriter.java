package org.tumorj.phantom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tumorj.util.AtomicFiles;

/**
 * A minimal DICOM Part 10 writer: preamble, File Meta group, then the data set in explicit VR
 * little endian (1.2.840.10008.1.2.1) with elements in ascending tag order, as the standard
 * requires. Only what single-frame grey images need: strings, US, DS/IS, 16-bit words (OW),
 * sequences (defined or undefined length) and 16-bit pixel data. It exists so the phantoms are
 * real files, read back by the same reader as a scanner's.
 */
public final class DicomWriter {
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    public static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    public static final String MR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.4";
    public static final String DX_IMAGE_STORAGE_FOR_PRESENTATION = "1.2.840.10008.5.1.4.1.1.1.1";
    public static final String CR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.1";
    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_DELIMITATION = 0xFFFEE00D;
    private static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
    private static final int UNDEFINED_LENGTH = 0xFFFFFFFF;
    private static final String IMPLEMENTATION_CLASS_UID = "2.25.271828182845904523536028747135266249";
    /** VRs with a 2-byte reserved field and a 4-byte length in explicit VR. */
    private static final Set<String> LONG_VRS = Set.of("OB", "OW", "OF", "OD", "OL", "SQ", "UN", "UT", "UC", "UR");

    private final Map<Integer, byte[]> elements = new TreeMap<>(Integer::compareUnsigned);
    private final Map<Integer, String> vrs = new TreeMap<>(Integer::compareUnsigned);
    /** Sequences written with undefined length (0xFFFFFFFF) and delimitation items. */
    private final Set<Integer> undefinedLength = new java.util.HashSet<>();

    /** A text element (AE, AS, CS, DA, LO, PN, SH, TM, UI, ...); padded to even length. */
    public DicomWriter string(int tag, String vr, String value) {
        byte[] b = value.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length % 2 == 1) {
            byte[] padded = java.util.Arrays.copyOf(b, b.length + 1);
            padded[b.length] = (byte) (vr.equals("UI") ? 0 : ' ');
            b = padded;
        }
        return put(tag, vr, b);
    }

    /** A decimal string (DS) of one or more values, backslash separated. */
    public DicomWriter decimals(int tag, double... values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.length() == 0 ? "" : "\\").append(ds(v));
        }
        return string(tag, "DS", s.toString());
    }

    /** An integer string (IS). */
    public DicomWriter integer(int tag, int value) {
        return string(tag, "IS", Integer.toString(value));
    }

    /** An unsigned short (US). */
    public DicomWriter unsignedShort(int tag, int value) {
        return put(tag, "US", ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array());
    }

    /** A signed short (SS). */
    public DicomWriter signedShort(int tag, int value) {
        return put(tag, "SS", ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array());
    }

    /** Several unsigned shorts (US, value multiplicity > 1), e.g. a LUT Descriptor. */
    public DicomWriter unsignedShorts(int tag, int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return put(tag, "US", b.array());
    }

    /** 16-bit words (OW), e.g. LUT Data; values are taken as unsigned. */
    public DicomWriter words(int tag, short[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(values);
        return put(tag, "OW", b.array());
    }

    /**
     * A sequence (SQ) of items, each a small data set built with another writer. With
     * {@code undefinedLength} the sequence and each item carry length 0xFFFFFFFF and end with
     * delimitation items (as many scanners write them); otherwise every length is explicit.
     */
    public DicomWriter sequence(int tag, boolean undefinedLength, DicomWriter... items) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        for (DicomWriter item : items) {
            byte[] content = item.datasetBytes();
            writeItemHeader(value, ITEM, undefinedLength ? UNDEFINED_LENGTH : content.length);
            value.writeBytes(content);
            if (undefinedLength) {
                writeItemHeader(value, ITEM_DELIMITATION, 0);
            }
        }
        if (undefinedLength) {
            writeItemHeader(value, SEQUENCE_DELIMITATION, 0);
        }
        put(tag, "SQ", value.toByteArray());
        if (undefinedLength) {
            this.undefinedLength.add(tag);
        }
        return this;
    }

    /** 16-bit pixel data (7FE0,0010) as OW, row-major. */
    public DicomWriter pixels16(short[] pixels) {
        ByteBuffer b = ByteBuffer.allocate(pixels.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(pixels);
        return put(0x7FE00010, "OW", b.array());
    }

    private DicomWriter put(int tag, String vr, byte[] value) {
        if ((tag >>> 16) == 0x0002) {
            throw new IllegalArgumentException("group 0002 is written from the SOP class and instance UIDs");
        }
        elements.put(tag, value);
        vrs.put(tag, vr);
        undefinedLength.remove(tag);
        return this;
    }

    /** The whole Part 10 file; SOP Class and Instance UIDs come from (0008,0016) and (0008,0018). */
    public byte[] toBytes() {
        String sopClass = text(0x00080016);
        String sopInstance = text(0x00080018);
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        writeElement(meta, 0x00020001, "OB", new byte[] {0, 1});
        writeElement(meta, 0x00020002, "UI", uiBytes(sopClass));
        writeElement(meta, 0x00020003, "UI", uiBytes(sopInstance));
        writeElement(meta, 0x00020010, "UI", uiBytes(EXPLICIT_VR_LITTLE_ENDIAN));
        writeElement(meta, 0x00020012, "UI", uiBytes(IMPLEMENTATION_CLASS_UID));
        writeElement(meta, 0x00020013, "SH", "TUMORJ_PHANTOM".getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[128]);
        file.writeBytes("DICM".getBytes(StandardCharsets.ISO_8859_1));
        writeElement(file, 0x00020000, "UL",
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(meta.size()).array());
        file.writeBytes(meta.toByteArray());
        file.writeBytes(datasetBytes());
        return file.toByteArray();
    }

    /** The data set alone (no preamble, no meta group): a whole file's body or one sequence item. */
    private byte[] datasetBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        elements.forEach((tag, value) -> writeElement(out, tag, vrs.get(tag), value, undefinedLength.contains(tag)));
        return out.toByteArray();
    }

    /** Item, item delimitation and sequence delimitation: tag and 4-byte length, no VR. */
    private static void writeItemHeader(ByteArrayOutputStream out, int tag, int length) {
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) (tag >>> 16)).putShort((short) tag).putInt(length).array());
    }

    /** Writes the file atomically. */
    public void write(Path file) throws IOException {
        byte[] bytes = toBytes();
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    private String text(int tag) {
        byte[] b = elements.get(tag);
        if (b == null) {
            throw new IllegalStateException(String.format("tag (%04X,%04X) must be set", tag >>> 16, tag & 0xFFFF));
        }
        return new String(b, StandardCharsets.ISO_8859_1).replace("\0", "").trim();
    }

    private static byte[] uiBytes(String uid) {
        byte[] b = uid.getBytes(StandardCharsets.ISO_8859_1);
        return b.length % 2 == 0 ? b : java.util.Arrays.copyOf(b, b.length + 1);
    }

    private static void writeElement(ByteArrayOutputStream out, int tag, String vr, byte[] value) {
        writeElement(out, tag, vr, value, false);
    }

    private static void writeElement(ByteArrayOutputStream out, int tag, String vr, byte[] value, boolean undefined) {
        boolean longForm = LONG_VRS.contains(vr);
        ByteBuffer h = ByteBuffer.allocate(longForm ? 12 : 8).order(ByteOrder.LITTLE_ENDIAN);
        h.putShort((short) (tag >>> 16)).putShort((short) tag);
        h.put(vr.getBytes(StandardCharsets.ISO_8859_1));
        if (longForm) {
            h.putShort((short) 0).putInt(undefined ? UNDEFINED_LENGTH : value.length);
        } else {
            if (value.length > 0xFFFF) {
                throw new IllegalArgumentException(vr + " value too long: " + value.length + " bytes");
            }
            h.putShort((short) value.length);
        }
        out.writeBytes(h.array());
        out.writeBytes(value);
    }

    /** DS allows 16 characters; keep enough digits for mm geometry. */
    private static String ds(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }
}
