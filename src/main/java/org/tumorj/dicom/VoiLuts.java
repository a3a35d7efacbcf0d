package org.tumorj.dicom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tumorj.volume.VoiLut;

/**
 * Reads the VOI LUT Sequence (0028,3010) of an image or of a frame's FrameVOILUTSequence item
 * (PS3.3 C.11.2). The first LUT is the default view; others are named in a warning. A LUT that
 * does not hold what its descriptor says is refused with a warning (the window is then used):
 * a radiograph shown through half a LUT would look plausible and be wrong.
 */
final class VoiLuts {
    private VoiLuts() {}

    /** The default LUT (null when none or corrupt) and what was noticed while reading. */
    record Outcome(VoiLut lut, List<String> warnings) {
        static final Outcome NONE = new Outcome(null, List.of());
    }

    /**
     * @param signedInput PixelRepresentation is 1: the descriptor's first mapped value is then
     *     signed even where the file stores it as US (implicit VR, or a writer that ignored the
     *     "US or SS" rule of PS3.3 C.11.2.1.1)
     */
    static Outcome read(DicomDataset holder, boolean signedInput) {
        List<DicomDataset> items = holder == null ? List.of() : holder.sequence(Tags.VOI_LUT_SEQUENCE);
        if (items.isEmpty()) {
            return Outcome.NONE;
        }
        List<String> warnings = new ArrayList<>();
        VoiLut lut;
        try {
            lut = parse(items.get(0), signedInput, warnings);
        } catch (IllegalArgumentException e) {
            warnings.add("VOI LUT Sequence (0028,3010) item 1 is corrupt (" + e.getMessage()
                    + "); the window is used for display instead");
            lut = null;
        }
        if (items.size() > 1) {
            warnings.add(items.size() + " VOI LUTs in VOI LUT Sequence (0028,3010); the first is the default"
                    + (lut == null ? "" : " ('" + lut.explanation() + "')") + ", not used: " + explanations(items));
        }
        return new Outcome(lut, List.copyOf(warnings));
    }

    private static VoiLut parse(DicomDataset item, boolean signedInput, List<String> warnings) {
        DicomElement descriptor = item.get(Tags.LUT_DESCRIPTOR);
        DicomElement data = item.get(Tags.LUT_DATA);
        if (descriptor == null || descriptor.value() == null || data == null || data.value() == null) {
            throw new IllegalArgumentException("LUT Descriptor (0028,3002) or LUT Data (0028,3006) missing");
        }
        int[] d = item.binaryInts(descriptor);
        if (d.length < 3) {
            throw new IllegalArgumentException("LUT Descriptor (0028,3002) has " + d.length + " values, not 3");
        }
        int entries = (d[0] & 0xFFFF) == 0 ? 65536 : d[0] & 0xFFFF; // 0 means 2^16 entries
        boolean signed = signedInput || descriptor.vr().equals("SS");
        int first = signed ? (short) d[1] : d[1] & 0xFFFF;
        int bits = d[2] & 0xFFFF;
        if (bits < 1 || bits > 16) {
            throw new IllegalArgumentException("LUT Descriptor says " + bits + " bits per entry; 8 to 16 are allowed");
        }
        float[] table = entries(item, data, entries, bits);
        bits = widenToFit(table, bits, warnings);
        return new VoiLut(first, bits, table, item.string(Tags.LUT_EXPLANATION, ""));
    }

    /**
     * The LUT Data as entries. PS3.3 C.11.2.1.1 stores 8-bit entries "as 8 bits allocated", i.e.
     * two per 16-bit word, the first entry in the low byte of the word in the file's byte order;
     * many writers store them one per word instead. The data length tells which.
     */
    private static float[] entries(DicomDataset item, DicomElement data, int entries, int bits) {
        int[] words = item.binaryInts(new DicomElement(data.tag(), "OW", data.value(), data.bigEndian(), null));
        float[] table = new float[entries];
        if (words.length == entries) {
            for (int i = 0; i < entries; i++) {
                table[i] = words[i];
            }
        } else if (bits == 8 && words.length == (entries + 1) / 2) {
            for (int i = 0; i < entries; i++) {
                int w = words[i / 2];
                table[i] = i % 2 == 0 ? w & 0xFF : w >>> 8;
            }
        } else {
            throw new IllegalArgumentException("LUT Descriptor promises " + entries + " entries of " + bits
                    + " bits but LUT Data holds " + words.length + " 16-bit words");
        }
        return table;
    }

    /** Some writers declare fewer bits than their entries use; the entries are believed. */
    private static int widenToFit(float[] table, int bits, List<String> warnings) {
        float max = 0;
        for (float v : table) {
            max = Math.max(max, v);
        }
        int needed = bits;
        while (needed < 16 && max > (1 << needed) - 1) {
            needed++;
        }
        if (needed != bits) {
            warnings.add(String.format(Locale.ROOT, "VOI LUT entries reach %.0f but the LUT Descriptor says %d bits;"
                    + " %d bits assumed", max, bits, needed));
        }
        return needed;
    }

    private static String explanations(List<DicomDataset> items) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < items.size(); i++) {
            b.append(i == 1 ? "" : ", ").append('\'').append(items.get(i).string(Tags.LUT_EXPLANATION, "item " + (i + 1))).append('\'');
        }
        return b.toString();
    }
}
