package org.tumorj.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * The byte-level encoding of explicit VR little endian (PS3.5 7.1.2), shared by every writer of
 * DICOM in TumorJ: {@link DicomWriter} for well-formed files, and the tests' writer of deliberately
 * malformed ones, which declares lengths its values do not have. Nothing here checks that a length
 * is true; {@link DicomWriter} does.
 */
public final class DicomOutput {
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    public static final int ITEM = 0xFFFEE000;
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
    public static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
    /** VRs with a 2-byte reserved field and a 4-byte length in explicit VR (PS3.5 table 7.1-1). */
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
            "UR", "UT", "UV");

    private DicomOutput() {}

    /** True for VRs whose header carries a 4-byte length. */
    public static boolean isLongVr(String vr) {
        return LONG_VRS.contains(vr);
    }

    /** Tag, VR and length as declared; {@code length} may be {@link #UNDEFINED_LENGTH} for SQ, OB, OW, UN. */
    public static void elementHeader(ByteArrayOutputStream out, int tag, String vr, long length) {
        tag(out, tag);
        out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
        if (isLongVr(vr)) {
            out.writeBytes(new byte[2]);
            uint32(out, length);
        } else {
            out.write((int) length & 0xFF);
            out.write((int) (length >> 8) & 0xFF);
        }
    }

    /** Item, item delimitation and sequence delimitation: tag and 4-byte length, no VR. */
    public static void itemHeader(ByteArrayOutputStream out, int tag, long length) {
        tag(out, tag);
        uint32(out, length);
    }

    /** Group and element, each a little-endian 16-bit word. */
    public static void tag(ByteArrayOutputStream out, int tag) {
        uint16(out, tag >>> 16);
        uint16(out, tag & 0xFFFF);
    }

    public static void uint16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >> 8) & 0xFF);
    }

    public static void uint32(ByteArrayOutputStream out, long v) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
    }

    /**
     * A value padded to even length as PS3.5 6.2 requires: UIDs with a NUL, other text with a
     * space, binary values (OB, UN) with a zero byte.
     */
    public static byte[] evenLength(byte[] value, String vr) {
        if (value.length % 2 == 0) {
            return value;
        }
        byte[] padded = Arrays.copyOf(value, value.length + 1);
        padded[value.length] = (byte) (isText(vr) && !vr.equals("UI") ? ' ' : 0);
        return padded;
    }

    /** VRs holding characters (padded with a space, except UI). */
    private static boolean isText(String vr) {
        return Set.of("AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC", "UI",
                "UR", "UT").contains(vr);
    }

    /**
     * The start of a Part 10 file (PS3.10 7.1): 128-byte preamble, "DICM", the File Meta
     * Information Group Length, then the other meta elements as encoded by the caller.
     */
    public static byte[] part10Prefix(byte[] metaElements) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[128]);
        file.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        elementHeader(file, 0x00020000, "UL", 4);
        uint32(file, metaElements.length);
        file.writeBytes(metaElements);
        return file.toByteArray();
    }
}
