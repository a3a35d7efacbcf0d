package org.tumorj.backbone.tfjs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a JSON document or a minified JavaScript literal (unquoted keys, {@code !0}/{@code !1}
 * for booleans, numbers such as {@code .5}) into maps, lists, strings, doubles, booleans and null.
 * Bundlers rewrite TF.js {@code model.json} files into such literals; a JSON parser rejects them.
 */
public final class JsLiteral {
    private final String text;
    private int pos;

    private JsLiteral(String text, int start) {
        this.text = text;
        this.pos = start;
    }

    /** Parses the whole text as one value. */
    public static Object parse(String text) {
        JsLiteral p = new JsLiteral(text, 0);
        Object value = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the value");
        }
        return value;
    }

    /** Parses one value starting at {@code start}, ignoring whatever follows it. */
    public static Object parseAt(String text, int start) {
        return new JsLiteral(text, start).value();
    }

    private Object value() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("value expected, found end of text");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"', '\'' -> string();
            case '!' -> bang();
            default -> c == '-' || c == '.' || Character.isDigit(c) ? number() : word();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipSpace();
            char c = peek();
            String key = c == '"' || c == '\'' ? string() : identifier();
            expect(':');
            map.put(key, value());
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(value());
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> sb.append(e);
            }
        }
        throw error("unterminated string");
    }

    /** Minifiers write true as {@code !0} and false as {@code !1}. */
    private Boolean bang() {
        pos++;
        char c = peek();
        pos++;
        if (c == '0') {
            return Boolean.TRUE;
        }
        if (c == '1') {
            return Boolean.FALSE;
        }
        throw error("expected !0 or !1");
    }

    private Double number() {
        int start = pos;
        while (pos < text.length() && "+-.eE0123456789".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        try {
            return Double.parseDouble(text.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("malformed number");
        }
    }

    private Object word() {
        int start = pos;
        String w = identifier();
        return switch (w) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            default -> {
                pos = start;
                throw error("unexpected word '" + w + "'");
            }
        };
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_' || text.charAt(pos) == '$')) {
            pos++;
        }
        if (start == pos) {
            throw error("name expected");
        }
        return text.substring(start, pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(String problem) {
        int from = Math.max(0, pos - 20);
        int to = Math.min(text.length(), pos + 20);
        return new IllegalArgumentException(problem + " at character " + pos + " near '" + text.substring(from, to) + "'");
    }
}
