package org.tumorj.dicom;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits encapsulated pixel data into frames: by the basic offset table when there is one, one
 * fragment per frame when the counts match, otherwise at fragments that open a new codestream.
 */
final class EncapsulatedFrames {
    private final Path file;
    private final ByteBuffer buffer;
    private final List<List<PixelDataLocation.Fragment>> frames;

    EncapsulatedFrames(Path file, ByteBuffer buffer, PixelDataLocation loc, int frameCount) {
        this.file = file;
        this.buffer = buffer;
        this.frames = split(loc, frameCount);
        if (frames.size() < frameCount) {
            throw new DicomException(file, "encapsulated pixel data holds " + frames.size()
                    + " frame(s) but NumberOfFrames is " + frameCount);
        }
    }

    /** The concatenated fragments of one frame. */
    byte[] frame(int index) {
        List<PixelDataLocation.Fragment> parts = frames.get(index);
        int total = 0;
        for (PixelDataLocation.Fragment f : parts) {
            total += f.length();
        }
        byte[] out = new byte[total];
        int at = 0;
        for (PixelDataLocation.Fragment f : parts) {
            buffer.get(f.offset(), out, at, f.length());
            at += f.length();
        }
        return out;
    }

    private List<List<PixelDataLocation.Fragment>> split(PixelDataLocation loc, int frameCount) {
        List<PixelDataLocation.Fragment> all = loc.fragments();
        if (frameCount == 1) {
            return List.of(all);
        }
        long[] bot = loc.basicOffsets();
        if (bot != null && bot.length == frameCount) {
            return byOffsetTable(all, bot);
        }
        if (all.size() == frameCount) {
            List<List<PixelDataLocation.Fragment>> one = new ArrayList<>();
            all.forEach(f -> one.add(List.of(f)));
            return one;
        }
        return byStartMarkers(all);
    }

    private static List<List<PixelDataLocation.Fragment>> byOffsetTable(List<PixelDataLocation.Fragment> all, long[] bot) {
        List<List<PixelDataLocation.Fragment>> out = new ArrayList<>();
        for (int i = 0; i < bot.length; i++) {
            long start = bot[i];
            long end = i + 1 < bot.length ? bot[i + 1] : Long.MAX_VALUE;
            List<PixelDataLocation.Fragment> parts = new ArrayList<>();
            for (PixelDataLocation.Fragment f : all) {
                if (f.itemOffset() >= start && f.itemOffset() < end) {
                    parts.add(f);
                }
            }
            if (!parts.isEmpty()) {
                out.add(parts);
            }
        }
        return out;
    }

    private List<List<PixelDataLocation.Fragment>> byStartMarkers(List<PixelDataLocation.Fragment> all) {
        List<List<PixelDataLocation.Fragment>> out = new ArrayList<>();
        for (PixelDataLocation.Fragment f : all) {
            if (out.isEmpty() || startsCodestream(f)) {
                out.add(new ArrayList<>());
            }
            out.get(out.size() - 1).add(f);
        }
        return out;
    }

    private boolean startsCodestream(PixelDataLocation.Fragment f) {
        if (f.length() < 4) {
            return false;
        }
        int b0 = buffer.get(f.offset()) & 0xFF, b1 = buffer.get(f.offset() + 1) & 0xFF;
        return (b0 == 0xFF && (b1 == 0xD8 || b1 == 0x4F))
                || (b0 == 0 && b1 == 0 && (buffer.get(f.offset() + 2) & 0xFF) == 0 && (buffer.get(f.offset() + 3) & 0xFF) == 0x0C);
    }

    Path file() { return file; }
}
