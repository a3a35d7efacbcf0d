package org.tumorj.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Attributes of a data set (or of a sequence item), with typed accessors. */
final class DicomDataset {
    private final Map<Integer, DicomElement> elements = new TreeMap<>(Integer::compareUnsigned);

    void put(DicomElement e) { elements.put(e.tag(), e); }
    boolean contains(int tag) { return elements.containsKey(tag); }
    DicomElement get(int tag) { return elements.get(tag); }
    Collection<DicomElement> elements() { return elements.values(); }

    /** The text value, trimmed of padding; null when absent or empty. */
    String string(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.value() == null || e.value().length == 0) {
            return null;
        }
        String s = trim(new String(e.value(), StandardCharsets.ISO_8859_1));
        return s.isEmpty() ? null : s;
    }

    String string(int tag, String fallback) {
        String s = string(tag);
        return s == null ? fallback : s;
    }

    /** Multi-valued text split at backslashes; empty when absent. */
    String[] strings(int tag) {
        String s = string(tag);
        if (s == null) {
            return new String[0];
        }
        String[] parts = s.split("\\\\", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].trim();
        }
        return parts;
    }

    /** Decimal or integer strings (DS/IS) as doubles; null when absent or not numbers. */
    double[] doubles(int tag) {
        String[] parts = strings(tag);
        if (parts.length == 0) {
            return null;
        }
        double[] d = new double[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                d[i] = Double.parseDouble(parts[i]);
            }
        } catch (NumberFormatException ex) {
            return null;
        }
        return d;
    }

    double decimal(int tag, double fallback) {
        double[] d = doubles(tag);
        return d == null || Double.isNaN(d[0]) ? fallback : d[0];
    }

    /** An integer from a binary (US/SS/UL/SL) or text (IS) value; fallback when absent. */
    int integer(int tag, int fallback) {
        DicomElement e = elements.get(tag);
        if (e == null || e.value() == null || e.value().length == 0) {
            return fallback;
        }
        switch (e.vr()) {
            case "US", "SS", "UL", "SL", "UN", "OW", "OB" -> {
                int[] v = binaryInts(e);
                return v.length == 0 ? fallback : v[0];
            }
            default -> {
                double d = decimal(tag, Double.NaN);
                return Double.isNaN(d) ? fallback : (int) Math.round(d);
            }
        }
    }

    /** Binary 16-bit values (US/SS, or 32-bit UL/SL) as ints, unsigned where the VR is. */
    int[] binaryInts(DicomElement e) {
        ByteBuffer b = ByteBuffer.wrap(e.value()).order(e.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        boolean wide = e.vr().equals("UL") || e.vr().equals("SL");
        int n = e.value().length / (wide ? 4 : 2);
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (e.vr()) {
                case "SS" -> b.getShort();
                case "UL", "SL" -> b.getInt();
                default -> b.getShort() & 0xFFFF;
            };
        }
        return v;
    }

    /** The items of a sequence; empty when absent or not a sequence. */
    List<DicomDataset> sequence(int tag) {
        DicomElement e = elements.get(tag);
        return e == null || e.items() == null ? List.of() : e.items();
    }

    /** The first item of a sequence, or null. */
    DicomDataset item(int tag) {
        List<DicomDataset> items = sequence(tag);
        return items.isEmpty() ? null : items.get(0);
    }

    private static String trim(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) <= ' ')) {
            end--;
        }
        int start = 0;
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        return s.substring(start, end);
    }
}
