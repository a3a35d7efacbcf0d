package org.tumorj.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Formats a data set as {@code (gggg,eeee) VR Keyword: value} lines, sequences indented with '>'. */
final class HeaderText {
    private static final int MAX_TEXT = 160;
    private static final int MAX_NUMBERS = 16;

    private HeaderText() {}

    static String format(ParsedFile parsed, boolean includePatientIdentity) {
        StringBuilder b = new StringBuilder();
        b.append("# TransferSyntax: ").append(parsed.syntax().displayName).append(" (").append(parsed.syntax().uid).append(")\n");
        append(b, parsed.meta(), "", includePatientIdentity);
        append(b, parsed.dataset(), "", includePatientIdentity);
        if (!includePatientIdentity) {
            b.append("# patient-identifying attributes left out\n");
        }
        return b.toString();
    }

    private static void append(StringBuilder b, DicomDataset ds, String indent, boolean identity) {
        for (DicomElement e : ds.elements()) {
            if (!identity && DataDictionary.PATIENT_IDENTIFYING.contains(e.tag())) {
                continue;
            }
            String name = DataDictionary.keyword(e.tag());
            if (name.isEmpty()) {
                name = ((e.tag() >>> 16) & 1) == 1 ? "Private" : "Unknown";
            }
            b.append(indent).append(Tags.format(e.tag())).append(' ').append(e.vr()).append(' ').append(name).append(": ");
            if (e.isSequence()) {
                b.append(e.items().size()).append(" item(s)\n");
                for (DicomDataset item : e.items()) {
                    append(b, item, indent + ">", identity);
                }
            } else {
                b.append(value(e)).append('\n');
            }
        }
    }

    private static String value(DicomElement e) {
        byte[] v = e.value();
        if (v == null) {
            return "<not kept>";
        }
        ByteBuffer buf = ByteBuffer.wrap(v).order(e.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        StringBuilder s = new StringBuilder();
        int width = switch (e.vr()) {
            case "US", "SS" -> 2;
            case "UL", "SL", "FL" -> 4;
            case "FD" -> 8;
            default -> 0;
        };
        if (width == 0) {
            if (e.vr().startsWith("O") || e.vr().equals("UN")) {
                return "<" + v.length + " bytes>";
            }
            String text = new String(v, StandardCharsets.ISO_8859_1).trim().replace('\0', ' ').replaceAll("[\\r\\n]+", " ");
            return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text;
        }
        int n = v.length / width;
        for (int i = 0; i < Math.min(n, MAX_NUMBERS); i++) {
            s.append(i == 0 ? "" : "\\").append(switch (e.vr()) {
                case "US" -> String.valueOf(buf.getShort() & 0xFFFF);
                case "SS" -> String.valueOf(buf.getShort());
                case "UL" -> String.valueOf(buf.getInt() & 0xFFFFFFFFL);
                case "SL" -> String.valueOf(buf.getInt());
                case "FL" -> String.format(Locale.ROOT, "%g", buf.getFloat());
                default -> String.format(Locale.ROOT, "%g", buf.getDouble());
            });
        }
        return n > MAX_NUMBERS ? s + "\\... (" + n + " values)" : s.toString();
    }
}
