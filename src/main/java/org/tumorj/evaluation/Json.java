package org.tumorj.evaluation;

import java.util.Locale;

/**
 * A minimal JSON writer for reports (the project has no JSON library and a report needs only
 * objects, arrays, strings and numbers). NaN and infinities, which JSON lacks, become null.
 */
final class Json {
    private final StringBuilder out = new StringBuilder();
    private final boolean[] first = new boolean[64];
    private int depth;
    private boolean afterKey;

    Json beginObject() { return open('{'); }
    Json endObject() { return close('}'); }
    Json beginArray() { return open('['); }
    Json endArray() { return close(']'); }

    Json key(String k) {
        separator();
        string(k);
        out.append(": ");
        afterKey = true;
        return this;
    }

    Json value(String s) {
        separator();
        if (s == null) {
            out.append("null");
        } else {
            string(s);
        }
        return this;
    }

    Json value(double v) {
        separator();
        out.append(number(v));
        return this;
    }

    private static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "null";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v); // shortest round-trip form; JSON accepts its exponent syntax
    }

    Json value(long v) {
        separator();
        out.append(v);
        return this;
    }

    /** A number array on one line, so curves stay readable. */
    Json array(double[] values) {
        separator();
        out.append('[');
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append(number(values[i]));
        }
        out.append(']');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private Json open(char c) {
        separator();
        out.append(c);
        first[++depth] = true;
        return this;
    }

    private Json close(char c) {
        depth--;
        out.append('\n').append("  ".repeat(depth)).append(c);
        if (depth == 0) {
            out.append('\n');
        }
        return this;
    }

    private void separator() {
        if (afterKey) {
            afterKey = false;
            return;
        }
        if (depth > 0) {
            if (!first[depth]) {
                out.append(',');
            }
            first[depth] = false;
            out.append('\n').append("  ".repeat(depth));
        }
    }

    private void string(String s) {
        out.append('"');
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
