package org.tumorj.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Parses one file into a {@link ParsedFile}. Every length is checked against the bytes left
 * before anything is allocated or skipped, so a hostile length ends in a {@link DicomException}
 * and never in a huge allocation or an endless loop (each step consumes at least 8 bytes).
 */
final class DicomParser {
    private static final int UNDEFINED = -1;
    private static final int MAX_DEPTH = 24;
    /** Values above this (other than pixel data) are skipped rather than copied. */
    private static final int MAX_COPIED_VALUE = 64 << 20;
    private static final Set<String> VRS = Set.of("AE", "AS", "AT", "CS", "DA", "DS", "DT", "FL", "FD",
            "IS", "LO", "LT", "OB", "OD", "OF", "OL", "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV",
            "TM", "UC", "UI", "UL", "UN", "UR", "US", "UT", "UV");
    static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV",
            "UC", "UN", "UR", "UT", "UV");

    /** Bytes read first when only the header is wanted; most headers are far smaller. */
    private static final int HEADER_PREFIX = 16 * 1024;

    /** Thrown inside the parser when a header-only read needs more of the file than was read. */
    private static final class NeedMore extends RuntimeException {
        NeedMore() {
            super(null, null, false, false);
        }
    }

    private final Path file;
    private ByteBuffer buf;
    /** Size of the whole file; larger than the buffer when only a prefix was read. */
    private long fileSize;
    private boolean explicit;
    private boolean bigEndian;
    private PixelDataLocation pixels;

    private DicomParser(Path file) {
        this.file = file;
    }

    /**
     * Parses the header. With {@code keepBuffer} the whole file is read (one bulk read) and the
     * pixel data stays reachable for decoding; without, only a prefix is read when it holds the
     * whole header, so scanning a folder does not read the pixels.
     */
    static ParsedFile parse(Path file, boolean keepBuffer) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                throw new DicomException(file, "empty file (0 bytes), not a DICOM image");
            }
            if (size > Integer.MAX_VALUE - 64) {
                throw new DicomException(file, "file larger than 2 GiB; split multi-frame files first");
            }
            if (!keepBuffer && size > HEADER_PREFIX) {
                try {
                    return new DicomParser(file).run(read(ch, HEADER_PREFIX), size, false);
                } catch (NeedMore e) {
                    // the header is longer than the prefix: read it all
                }
            }
            return new DicomParser(file).run(read(ch, (int) size), size, keepBuffer);
        } catch (NoSuchFileException e) {
            throw new DicomException(file, "no such file");
        } catch (IOException e) {
            throw new DicomException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads only the native pixel data of a file whose header was parsed before; the returned
     * file has the pixels at offset 0 of its buffer. Saves parsing the header a second time.
     * Pixel data up to {@link #REUSED_PIXEL_BYTES} is read into the calling thread's own direct
     * buffer: no copy through the JDK's temporary buffer, no garbage per slice. That buffer is
     * overwritten by the thread's next call, so the result must be decoded before then.
     */
    static ParsedFile nativePixels(DicomImage image) {
        PixelDataLocation loc = image.pixels;
        try (FileChannel ch = FileChannel.open(image.path, StandardOpenOption.READ)) {
            if (loc.offset() + loc.length() > ch.size()) {
                throw new DicomException(image.path, "pixel data truncated: the file changed since its header was read");
            }
            ByteBuffer b = pixelBuffer((int) loc.length());
            while (b.hasRemaining() && ch.read(b, loc.offset() + b.position()) > 0) {
                // FileChannel.read may return fewer bytes than asked
            }
            b.flip();
            return new ParsedFile(image.path, image.syntax, new DicomDataset(), image.dataset,
                    new PixelDataLocation(0, loc.length(), null, null), b);
        } catch (IOException e) {
            throw new DicomException(image.path, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Largest native pixel data read into a thread's reused buffer (a slice of 2048 x 2048 x 32 bits). */
    static final int REUSED_PIXEL_BYTES = 16 << 20;
    private static final ThreadLocal<ByteBuffer> PIXEL_BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(0));

    /** An empty buffer of {@code bytes}: the thread's reused one, or for larger data a heap buffer of its own. */
    private static ByteBuffer pixelBuffer(int bytes) {
        if (bytes > REUSED_PIXEL_BYTES) {
            return ByteBuffer.allocate(bytes);
        }
        ByteBuffer reused = PIXEL_BUFFER.get();
        if (reused.capacity() < bytes) {
            reused = ByteBuffer.allocateDirect(bytes);
            PIXEL_BUFFER.set(reused);
        }
        reused.clear().limit(bytes);
        return reused;
    }

    private static ByteBuffer read(FileChannel ch, int bytes) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(bytes);
        while (b.hasRemaining() && ch.read(b, b.position()) > 0) {
            // FileChannel.read may return fewer bytes than asked
        }
        b.flip();
        return b;
    }

    private ParsedFile run(ByteBuffer bytes, long size, boolean keepBuffer) {
        buf = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        fileSize = size;
        int limit = buf.limit();
        DicomDataset meta = new DicomDataset();
        int pos;
        TransferSyntax ts;
        if (limit >= 132 && buf.get(128) == 'D' && buf.get(129) == 'I' && buf.get(130) == 'C' && buf.get(131) == 'M') {
            pos = readMeta(132, meta);
            ts = syntaxFromMeta(meta);
        } else if (limit >= 8 && buf.getShort(0) == 0x0002) {
            pos = readMeta(0, meta);
            ts = syntaxFromMeta(meta);
        } else {
            pos = 0;
            ts = guessSyntaxWithoutMeta();
        }
        if (ts.deflated()) {
            if (fileSize > buf.limit()) {
                throw new NeedMore();
            }
            buf = inflate(pos);
            fileSize = buf.limit();
            pos = 0;
        }
        explicit = ts.explicitVr;
        bigEndian = ts.bigEndian;
        buf.order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        DicomDataset dataset = new DicomDataset();
        readDataset(pos, buf.limit(), dataset, 0, true);
        if (pixels == null && fileSize > buf.limit()) {
            throw new NeedMore();
        }
        return new ParsedFile(file, ts, meta, dataset, pixels, keepBuffer ? buf : null);
    }

    private int readMeta(int pos, DicomDataset meta) {
        boolean saveExplicit = explicit;
        explicit = true;
        buf.order(ByteOrder.LITTLE_ENDIAN);
        while (pos + 8 <= buf.limit() && (buf.getShort(pos) & 0xFFFF) == 0x0002) {
            pos = readElement(pos, buf.limit(), meta, 0, false);
        }
        explicit = saveExplicit;
        return pos;
    }

    private TransferSyntax syntaxFromMeta(DicomDataset meta) {
        String uid = meta.string(Tags.TRANSFER_SYNTAX_UID);
        if (uid == null) {
            throw new DicomException(file, "the File Meta Information has no TransferSyntaxUID (0002,0010); "
                    + "the file cannot be decoded safely");
        }
        return TransferSyntax.of(uid.replace("\0", "").trim(), file);
    }

    /** Files without File Meta (ACR-NEMA style): little endian, explicit VR if a VR is where one would be. */
    private TransferSyntax guessSyntaxWithoutMeta() {
        if (buf.limit() < 8) {
            throw new DicomException(file, "not a DICOM file (only " + buf.limit() + " bytes)");
        }
        int group = buf.getShort(0) & 0xFFFF;
        int element = buf.getShort(2) & 0xFFFF;
        boolean plausible = group >= 0x0008 && group <= 0x0028 && (group & 1) == 0 && element < 0x2000;
        if (!plausible) {
            throw new DicomException(file, "not a DICOM file (no 'DICM' marker at byte 128 and the first bytes are not a DICOM element)");
        }
        String vr = "" + (char) buf.get(4) + (char) buf.get(5);
        return VRS.contains(vr) ? TransferSyntax.EXPLICIT_LE : TransferSyntax.IMPLICIT_LE;
    }

    private ByteBuffer inflate(int pos) {
        byte[] compressed = new byte[buf.limit() - pos];
        buf.get(pos, compressed);
        return DeflatedDataset.inflate(file, compressed);
    }

    /** Reads elements in [pos, end); stops at an item delimiter when {@code end} is open-ended. */
    private int readDataset(int pos, int end, DicomDataset into, int depth, boolean topLevel) {
        while (pos < end && pixels == null) {
            if (end - pos < 8) {
                if (topLevel && isPadding(pos, end)) {
                    return end;
                }
                throw truncated(pos, "an element header");
            }
            int tag = tag(pos);
            if (tag == Tags.ITEM_DELIMITATION) {
                return pos + 8;
            }
            if (topLevel && tag == 0xFFFCFFFC) {
                return end;
            }
            pos = readElement(pos, end, into, depth, topLevel);
        }
        return pos;
    }

    private boolean isPadding(int pos, int end) {
        for (int i = pos; i < end; i++) {
            if (buf.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private int readElement(int pos, int end, DicomDataset into, int depth, boolean topLevel) {
        int tag = tag(pos);
        String vr;
        long length;
        int header;
        if (explicit && !isDelimiter(tag)) {
            vr = "" + (char) buf.get(pos + 4) + (char) buf.get(pos + 5);
            if (!VRS.contains(vr)) {
                throw new DicomException(file, "invalid VR '" + printable(vr) + "' for " + Tags.format(tag)
                        + " at byte " + pos + "; the file is corrupt or not in the declared transfer syntax");
            }
            if (LONG_VRS.contains(vr)) {
                if (end - pos < 12) {
                    throw truncated(pos, "an element header");
                }
                length = u32(pos + 8);
                header = 12;
            } else {
                length = buf.getShort(pos + 6) & 0xFFFF;
                header = 8;
            }
        } else {
            vr = DataDictionary.vr(tag);
            length = u32(pos + 4);
            header = 8;
        }
        int valuePos = pos + header;
        boolean undefined = length == 0xFFFFFFFFL;
        if (tag == Tags.PIXEL_DATA && topLevel) {
            return readPixelData(valuePos, end, length, undefined);
        }
        if (tag == Tags.PIXEL_DATA && undefined) {
            return skipFragments(valuePos, end); // an icon's or private image's encapsulated pixels: not ours
        }
        if (undefined || vr.equals("SQ")) {
            if (depth >= MAX_DEPTH) {
                throw new DicomException(file, "sequences nested deeper than " + MAX_DEPTH + " levels at byte " + pos);
            }
            return readSequence(tag, vr, valuePos, undefined ? UNDEFINED : checkedEnd(tag, valuePos, length, end), into, depth);
        }
        int valueEnd = checkedEnd(tag, valuePos, length, end);
        byte[] value = null;
        if (length <= MAX_COPIED_VALUE) {
            value = new byte[(int) length];
            buf.get(valuePos, value);
        }
        into.put(new DicomElement(tag, vr, value, bigEndian && !(tag >>> 16 == 2), null));
        return valueEnd;
    }

    private int readSequence(int tag, String vr, int pos, int end, DicomDataset into, int depth) {
        boolean saveExplicit = explicit;
        if (vr.equals("UN")) {
            explicit = false; // CP-246: an undefined-length UN is an implicit VR little endian sequence
        }
        List<DicomDataset> items = new ArrayList<>();
        int limit = end == UNDEFINED ? buf.limit() : end;
        while (pos < limit) {
            if (limit - pos < 8) {
                throw truncated(pos, "a sequence item of " + Tags.format(tag));
            }
            int t = tag(pos);
            if (t == Tags.SEQUENCE_DELIMITATION) {
                pos += 8;
                break;
            }
            if (t != Tags.ITEM) {
                throw new DicomException(file, "sequence " + Tags.format(tag) + " holds " + Tags.format(t)
                        + " at byte " + pos + " where an item was expected; the file is corrupt");
            }
            long itemLength = u32(pos + 4);
            DicomDataset item = new DicomDataset();
            if (itemLength == 0xFFFFFFFFL) {
                pos = readDataset(pos + 8, limit, item, depth + 1, false);
            } else {
                int itemEnd = checkedEnd(Tags.ITEM, pos + 8, itemLength, limit);
                readDataset(pos + 8, itemEnd, item, depth + 1, false);
                pos = itemEnd;
            }
            items.add(item);
        }
        explicit = saveExplicit;
        into.put(new DicomElement(tag, vr, null, bigEndian, List.copyOf(items)));
        return pos;
    }

    private int readPixelData(int pos, int end, long length, boolean undefined) {
        if (!undefined) {
            if (fileSize > buf.limit() && end == buf.limit()) {
                end = (int) fileSize; // header-only read of a prefix: the pixels are past its end
            }
            if (length > end - pos) {
                throw new DicomException(file, "pixel data truncated: the header declares " + length
                        + " bytes but only " + (end - pos) + " are left in the file");
            }
            pixels = new PixelDataLocation(pos, length, null, null);
            return pos + (int) length;
        }
        if (fileSize > buf.limit()) {
            // header-only read of a prefix: that there are fragments is all the header needs
            pixels = new PixelDataLocation(pos, -1, List.of(), null);
            return end;
        }
        List<PixelDataLocation.Fragment> fragments = new ArrayList<>();
        long[] offsets = null;
        int first = pos;
        while (pos + 8 <= end) {
            int t = tag(pos);
            if (t == Tags.SEQUENCE_DELIMITATION) {
                pos += 8;
                break;
            }
            if (t != Tags.ITEM) {
                throw new DicomException(file, "encapsulated pixel data holds " + Tags.format(t) + " at byte " + pos
                        + " where a fragment item was expected; the file is corrupt");
            }
            long len = u32(pos + 4);
            int valueEnd = checkedEnd(Tags.PIXEL_DATA, pos + 8, len, end);
            if (offsets == null) {
                offsets = readOffsetTable(pos + 8, (int) len);
                first = valueEnd;
            } else {
                fragments.add(new PixelDataLocation.Fragment(pos - first, pos + 8, (int) len));
            }
            pos = valueEnd;
        }
        if (fragments.isEmpty()) {
            throw new DicomException(file, "encapsulated pixel data has no fragments (file truncated?)");
        }
        pixels = new PixelDataLocation(first, pos - first, List.copyOf(fragments), offsets);
        return pos;
    }

    /**
     * Skips encapsulated Pixel Data inside a sequence item (an Icon Image Sequence thumbnail, a
     * private preview) by its fragment lengths, up to the sequence delimiter. It is legal there
     * (PS3.5 A.4) and must never be parsed as a data set: its fragments are codestream bytes.
     */
    private int skipFragments(int pos, int end) {
        int limit = end == UNDEFINED ? buf.limit() : end;
        while (pos + 8 <= limit) {
            int t = tag(pos);
            if (t == Tags.SEQUENCE_DELIMITATION) {
                return pos + 8;
            }
            if (t != Tags.ITEM) {
                throw new DicomException(file, "encapsulated pixel data inside a sequence item holds " + Tags.format(t)
                        + " at byte " + pos + " where a fragment item was expected; the file is corrupt");
            }
            pos = checkedEnd(Tags.PIXEL_DATA, pos + 8, u32(pos + 4), limit);
        }
        throw truncated(pos, "encapsulated pixel data inside a sequence item");
    }

    private long[] readOffsetTable(int pos, int len) {
        long[] offsets = new long[len / 4];
        ByteBuffer le = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = le.getInt(pos + 4 * i) & 0xFFFFFFFFL;
        }
        return offsets;
    }

    private int checkedEnd(int tag, int pos, long length, int end) {
        if (length > end - pos && end == buf.limit() && fileSize > buf.limit()) {
            throw new NeedMore();
        }
        if (length > end - pos) {
            throw new DicomException(file, "element " + Tags.format(tag) + " declares " + length
                    + " bytes but only " + (end - pos) + " are left" + (end == buf.limit() ? " in the file (truncated?)" : " in its item"));
        }
        return pos + (int) length;
    }

    private DicomException truncated(int pos, String what) {
        if (fileSize > buf.limit()) {
            throw new NeedMore();
        }
        return new DicomException(file, "truncated: the file ends inside " + what + " at byte " + pos);
    }

    private int tag(int pos) {
        int group = buf.getShort(pos) & 0xFFFF;
        int element = buf.getShort(pos + 2) & 0xFFFF;
        return group << 16 | element;
    }

    private long u32(int pos) {
        return buf.getInt(pos) & 0xFFFFFFFFL;
    }

    private static boolean isDelimiter(int tag) {
        return tag == Tags.ITEM || tag == Tags.ITEM_DELIMITATION || tag == Tags.SEQUENCE_DELIMITATION;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02X", (int) c));
        }
        return b.toString();
    }
}
