package org.tumorj.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tumorj.util.AtomicFiles;

/**
 * TumorJ's one DICOM writer: a Part 10 file (preamble, File Meta group with its group length),
 * then the data set in explicit VR little endian (1.2.840.10008.1.2.1) with elements in ascending
 * tag order, as the standard requires, every value padded to even length. It writes text, binary
 * numbers, attribute tags, sequences (defined or undefined length) and native pixel data (16-bit
 * words, or bytes such as 1-bit packed segmentation frames, one frame after another).
 *
 * <p>The phantoms are written with it (so they are real files, read back by the same reader as a
 * scanner's), and so are the DICOM objects TumorJ exports (Segmentation, RT Structure Set).
 * Values are set per tag; setting a tag again replaces it. Text is encoded in ISO 8859-1 (the
 * reader decodes it so, which keeps bytes copied from a source file unchanged) unless another
 * character set is chosen with {@link #characterSet}.
 */
public final class DicomWriter {
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = DicomOutput.EXPLICIT_VR_LITTLE_ENDIAN;
    public static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    public static final String MR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.4";
    public static final String DX_IMAGE_STORAGE_FOR_PRESENTATION = "1.2.840.10008.5.1.4.1.1.1.1";
    public static final String CR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.1";
    public static final String SEGMENTATION_STORAGE = "1.2.840.10008.5.1.4.1.1.66.4";
    public static final String RT_STRUCTURE_SET_STORAGE = "1.2.840.10008.5.1.4.1.1.481.3";
    /** TumorJ's implementation class UID (2.25 form, needs no registered root). */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.271828182845904523536028747135266249";
    private static final int PIXEL_DATA = 0x7FE00010;

    private final Map<Integer, byte[]> elements = new TreeMap<>(Integer::compareUnsigned);
    private final Map<Integer, String> vrs = new TreeMap<>(Integer::compareUnsigned);
    /** Sequences written with undefined length (0xFFFFFFFF) and delimitation items. */
    private final Set<Integer> undefinedLength = new HashSet<>();
    private Charset charset = StandardCharsets.ISO_8859_1;
    private String implementationVersionName = "TUMORJ";

    /**
     * Sets Specific Character Set (0008,0005) to {@code definedTerm} and encodes later text with
     * {@code charset}; e.g. {@code ("ISO_IR 192", UTF_8)}. Call it before setting text.
     */
    public DicomWriter characterSet(String definedTerm, Charset charset) {
        this.charset = charset;
        return string(0x00080005, "CS", definedTerm);
    }

    /** Implementation Version Name (0002,0013) of the file meta group, at most 16 characters. */
    public DicomWriter implementationVersionName(String name) {
        if (name.length() > 16) {
            throw new IllegalArgumentException("Implementation Version Name '" + name + "' is over 16 characters (SH)");
        }
        this.implementationVersionName = name;
        return this;
    }

    /** A text element (AE, AS, CS, DA, LO, LT, PN, SH, ST, TM, UI, UT, ...); padded to even length. */
    public DicomWriter string(int tag, String vr, String value) {
        return put(tag, vr, value.getBytes(vr.equals("UI") ? StandardCharsets.US_ASCII : charset));
    }

    /** A decimal string (DS) of one or more values, backslash separated. */
    public DicomWriter decimals(int tag, double... values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.length() == 0 ? "" : "\\").append(ds(v));
        }
        return string(tag, "DS", s.toString());
    }

    /** An integer string (IS) of one or more values. */
    public DicomWriter integer(int tag, int... values) {
        StringBuilder s = new StringBuilder();
        for (int v : values) {
            s.append(s.length() == 0 ? "" : "\\").append(v);
        }
        return string(tag, "IS", s.toString());
    }

    /** An unsigned short (US). */
    public DicomWriter unsignedShort(int tag, int value) {
        return unsignedShorts(tag, value);
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

    /** Unsigned longs (UL), e.g. Dimension Index Values. */
    public DicomWriter unsignedLongs(int tag, int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return put(tag, "UL", b.array());
    }

    /** Attribute tags (AT), e.g. Dimension Index Pointer: each as group then element. */
    public DicomWriter attributeTags(int tag, int... tags) {
        ByteBuffer b = ByteBuffer.allocate(tags.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int t : tags) {
            b.putShort((short) (t >>> 16)).putShort((short) t);
        }
        return put(tag, "AT", b.array());
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
        return sequence(tag, undefinedLength, java.util.List.of(items));
    }

    /** As the other {@code sequence}, the items in a list. */
    public DicomWriter sequence(int tag, boolean undefinedLength, java.util.List<DicomWriter> items) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        for (DicomWriter item : items) {
            byte[] content = item.datasetBytes();
            DicomOutput.itemHeader(value, DicomOutput.ITEM, undefinedLength ? DicomOutput.UNDEFINED_LENGTH : content.length);
            value.writeBytes(content);
            if (undefinedLength) {
                DicomOutput.itemHeader(value, DicomOutput.ITEM_DELIMITATION, 0);
            }
        }
        if (undefinedLength) {
            DicomOutput.itemHeader(value, DicomOutput.SEQUENCE_DELIMITATION, 0);
        }
        put(tag, "SQ", value.toByteArray());
        if (undefinedLength) {
            this.undefinedLength.add(tag);
        }
        return this;
    }

    /** 16-bit pixel data (7FE0,0010) as OW, row-major. */
    public DicomWriter pixels16(short[] pixels) {
        return words(PIXEL_DATA, pixels);
    }

    /**
     * Pixel data (7FE0,0010) as OB: bytes as they are, e.g. the 1-bit packed frames of a binary
     * segmentation, all frames one after another; padded with a zero byte to even length.
     */
    public DicomWriter pixelBytes(byte[] bytes) {
        return put(PIXEL_DATA, "OB", bytes.clone());
    }

    private DicomWriter put(int tag, String vr, byte[] value) {
        if ((tag >>> 16) == 0x0002) {
            throw new IllegalArgumentException("group 0002 is written from the SOP class and instance UIDs");
        }
        byte[] even = DicomOutput.evenLength(value, vr);
        if (!DicomOutput.isLongVr(vr) && even.length > 0xFFFF) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "(%04X,%04X) %s value of %d bytes is over the 65534 its 2-byte length allows", tag >>> 16,
                    tag & 0xFFFF, vr, even.length));
        }
        elements.put(tag, even);
        vrs.put(tag, vr);
        undefinedLength.remove(tag);
        return this;
    }

    /** The whole Part 10 file; SOP Class and Instance UIDs come from (0008,0016) and (0008,0018). */
    public byte[] toBytes() {
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        element(meta, 0x00020001, "OB", new byte[] {0, 1});
        element(meta, 0x00020002, "UI", uid(text(0x00080016)));
        element(meta, 0x00020003, "UI", uid(text(0x00080018)));
        element(meta, 0x00020010, "UI", uid(EXPLICIT_VR_LITTLE_ENDIAN));
        element(meta, 0x00020012, "UI", uid(IMPLEMENTATION_CLASS_UID));
        element(meta, 0x00020013, "SH", DicomOutput.evenLength(
                implementationVersionName.getBytes(StandardCharsets.US_ASCII), "SH"));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(DicomOutput.part10Prefix(meta.toByteArray()));
        file.writeBytes(datasetBytes());
        return file.toByteArray();
    }

    /** The data set alone (no preamble, no meta group): a whole file's body or one sequence item. */
    public byte[] datasetBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        elements.forEach((tag, value) -> {
            boolean undefined = undefinedLength.contains(tag);
            DicomOutput.elementHeader(out, tag, vrs.get(tag), undefined ? DicomOutput.UNDEFINED_LENGTH : value.length);
            out.writeBytes(value);
        });
        return out.toByteArray();
    }

    /** Writes the file atomically: a reader never sees half of it. */
    public void write(Path file) throws IOException {
        byte[] bytes = toBytes();
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    private String text(int tag) {
        byte[] b = elements.get(tag);
        if (b == null) {
            throw new IllegalStateException(String.format(Locale.ROOT, "tag (%04X,%04X) must be set before the file"
                    + " is written: the file meta group repeats it", tag >>> 16, tag & 0xFFFF));
        }
        return new String(b, StandardCharsets.ISO_8859_1).replace("\0", "").trim();
    }

    private static byte[] uid(String uid) {
        return DicomOutput.evenLength(uid.getBytes(StandardCharsets.US_ASCII), "UI");
    }

    private static void element(ByteArrayOutputStream out, int tag, String vr, byte[] value) {
        DicomOutput.elementHeader(out, tag, vr, value.length);
        out.writeBytes(value);
    }

    /** DS allows 16 characters; six decimals keep sub-micrometre geometry, trailing zeros dropped. */
    static String ds(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }
}
