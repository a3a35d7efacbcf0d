package org.tumorj.dicom;

import java.nio.file.Path;

/** A PALETTE COLOR lookup table (red, green, blue descriptors and data), reduced to 8 bits. */
final class Palette {
    private final int first;
    private final int[][] tables = new int[3][];

    private Palette(int first) {
        this.first = first;
    }

    static Palette of(DicomDataset ds, Path file) {
        int[] descriptors = {Tags.RED_PALETTE_DESCRIPTOR, Tags.GREEN_PALETTE_DESCRIPTOR, Tags.BLUE_PALETTE_DESCRIPTOR};
        int[] data = {Tags.RED_PALETTE_DATA, Tags.GREEN_PALETTE_DATA, Tags.BLUE_PALETTE_DATA};
        Palette p = null;
        for (int c = 0; c < 3; c++) {
            DicomElement d = ds.get(descriptors[c]);
            DicomElement lut = ds.get(data[c]);
            if (d == null || lut == null || d.value() == null || lut.value() == null) {
                throw new DicomException(file, "PALETTE COLOR image without its palette (0028,110x/120x); segmented palettes are not supported");
            }
            int[] desc = ds.binaryInts(new DicomElement(d.tag(), "US", d.value(), d.bigEndian(), null));
            if (desc.length < 2) {
                throw new DicomException(file, "PALETTE COLOR descriptor " + Tags.format(descriptors[c])
                        + " has " + desc.length + " value(s), 3 expected (entries, first value, bits); the header is corrupt");
            }
            int entries = desc[0] == 0 ? 65536 : desc[0];
            if (p == null) {
                p = new Palette(desc[1]);
            }
            int bits = desc.length > 2 ? desc[2] : 16;
            p.tables[c] = table(lut, entries, bits);
        }
        return p;
    }

    private static int[] table(DicomElement lut, int entries, int bits) {
        byte[] v = lut.value();
        int[] t = new int[entries];
        boolean eightBitPacked = bits == 8 && v.length == entries;
        for (int i = 0; i < entries; i++) {
            if (eightBitPacked) {
                t[i] = v[i] & 0xFF;
            } else if (2 * i + 1 < v.length) {
                int lo = v[2 * i] & 0xFF, hi = v[2 * i + 1] & 0xFF;
                int word = lut.bigEndian() ? (lo << 8 | hi) : (hi << 8 | lo);
                t[i] = bits == 8 ? word & 0xFF : word >>> 8;
            }
        }
        return t;
    }

    void apply(int[] indices, PixelFormat f, int[] rgb) {
        // the three descriptors may disagree on the number of entries: index within all three
        int n = Math.min(tables[0].length, Math.min(tables[1].length, tables[2].length));
        for (int i = 0; i < rgb.length; i++) {
            int k = Math.max(0, Math.min(n - 1, f.stored(indices[i]) - first));
            rgb[i] = tables[0][k] << 16 | tables[1][k] << 8 | tables[2][k];
        }
    }
}
