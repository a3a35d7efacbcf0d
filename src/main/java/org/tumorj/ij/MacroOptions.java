package org.tumorj.ij;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options string of {@code run("Command...", "options")}, read and written with ImageJ's
 * syntax: {@code key=value}, {@code key=[value with spaces]} (brackets may nest),
 * {@code key='value'}, and bare {@code key} for a ticked checkbox. Pure; no ImageJ state.
 */
public final class MacroOptions {

    private MacroOptions() {}

    /**
     * The keys in order of appearance with their raw values; a bare key maps to {@code "true"}.
     * Keys are lower-cased as ImageJ does. A later duplicate replaces an earlier one.
     */
    public static Map<String, String> parse(String options) {
        Map<String, String> out = new LinkedHashMap<>();
        if (options == null) {
            return out;
        }
        int i = 0;
        int n = options.length();
        while (i < n) {
            i = skipSpaces(options, i);
            if (i >= n) {
                break;
            }
            int keyEnd = i;
            while (keyEnd < n && options.charAt(keyEnd) != '=' && !Character.isWhitespace(options.charAt(keyEnd))) {
                keyEnd++;
            }
            String key = options.substring(i, keyEnd).toLowerCase(java.util.Locale.ROOT);
            if (keyEnd >= n || options.charAt(keyEnd) != '=') {
                out.put(key, "true");
                i = keyEnd;
                continue;
            }
            int valueStart = keyEnd + 1;
            int valueEnd = valueEnd(options, valueStart);
            out.put(key, unquote(options.substring(valueStart, valueEnd)));
            i = valueEnd;
        }
        return out;
    }

    /**
     * A value as the Macro Recorder writes it: in brackets when it holds a space (or is empty),
     * bare otherwise.
     */
    public static String quote(String value) {
        return value.isEmpty() || value.chars().anyMatch(Character::isWhitespace) ? "[" + value + "]" : value;
    }

    /** Options in recorder syntax; boolean {@code "false"} values are left out, {@code "true"} ones are bare. */
    public static String format(Map<String, String> values, Map<String, MacroKey.Type> types) {
        StringBuilder sb = new StringBuilder();
        values.forEach((key, value) -> {
            boolean isBoolean = types.get(key) == MacroKey.Type.BOOLEAN;
            if (isBoolean && !Boolean.parseBoolean(value)) {
                return;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(isBoolean ? key : key + "=" + quote(value));
        });
        return sb.toString();
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** End of the value starting at {@code start}: a matching bracket, a closing quote, or a space. */
    private static int valueEnd(String s, int start) {
        int n = s.length();
        if (start < n && s.charAt(start) == '[') {
            int depth = 0;
            for (int i = start; i < n; i++) {
                char c = s.charAt(i);
                depth += c == '[' ? 1 : c == ']' ? -1 : 0;
                if (depth == 0) {
                    return i + 1;
                }
            }
            return n;
        }
        if (start < n && s.charAt(start) == '\'') {
            int close = s.indexOf('\'', start + 1);
            return close < 0 ? n : close + 1;
        }
        int i = start;
        while (i < n && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String unquote(String raw) {
        if (raw.length() >= 2 && ((raw.startsWith("[") && raw.endsWith("]"))
                || (raw.startsWith("'") && raw.endsWith("'")))) {
            return raw.substring(1, raw.length() - 1);
        }
        if (raw.startsWith("[") || raw.startsWith("'")) {
            return raw.substring(1); // unterminated: ImageJ reads to the end as well
        }
        return raw;
    }
}
