package org.tumorj.annotation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * One ImageJ {@code .roi} file, the ROI Manager's format, read and written without ImageJ: the
 * 64-byte header (big-endian), the coordinates, and the second header with the name, the
 * hyperstack position, the group and the properties (layout as documented in ImageJ's
 * {@code ij.io.RoiDecoder}). Only what an annotation needs is kept: the outline of an area ROI.
 *
 * @param name the ROI's name, or null when the file has none
 * @param type ImageJ's type byte: 0 polygon, 1 rectangle, 2 oval, 7 freehand, 8 traced; others are not areas
 * @param position the ROI's slice position (1-based; 0 = none)
 * @param zPosition the hyperstack slice (1-based; 0 = none)
 * @param group the ROI group (0 = none)
 * @param properties the ROI's properties ({@code key: value} lines)
 * @param xs outline vertices (for an oval, a polygon through its edge)
 */
record ImageJRoi(String name, int type, int position, int zPosition, int group, Properties properties, float[] xs,
        float[] ys) {
    static final int POLYGON = 0, RECT = 1, OVAL = 2, FREEHAND = 7, TRACED = 8;
    private static final String[] TYPE_NAMES = {"polygon", "rectangle", "oval", "straight line", "freehand line",
        "segmented line", "no ROI", "freehand", "traced", "angle", "point"};
    /** Written as ImageJ 1.52t and later write (groups, properties, sub-pixel outlines). */
    private static final int VERSION = 228;
    private static final int HEADER = 64, HEADER2 = 64;
    private static final int SUB_PIXEL_RESOLUTION = 128;
    private static final int SUBTYPE_TEXT = 1, SUBTYPE_IMAGE = 4;

    boolean isArea() {
        return type == POLYGON || type == RECT || type == OVAL || type == FREEHAND || type == TRACED;
    }

    String typeName() {
        return type >= 0 && type < TYPE_NAMES.length ? TYPE_NAMES[type] : "type " + type;
    }

    String property(String key) {
        return properties.getProperty(key);
    }

    /**
     * Decodes a {@code .roi}.
     *
     * @throws IOException naming what is wrong (not a ROI, truncated, a composite or text ROI)
     */
    static ImageJRoi decode(byte[] bytes) throws IOException {
        if (bytes.length < HEADER || bytes[0] != 'I' || bytes[1] != 'o' || bytes[2] != 'u' || bytes[3] != 't') {
            throw new IOException("not an ImageJ ROI (no 'Iout' header)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes); // big-endian, as ImageJ writes
        int version = b.getShort(4);
        int type = b.get(6) & 0xff;
        int top = b.getShort(8), left = b.getShort(10), bottom = b.getShort(12), right = b.getShort(14);
        int n = b.getShort(16) & 0xffff;
        if (n == 0) {
            n = b.getInt(18);
        }
        int subtype = b.getShort(48);
        int options = b.getShort(50);
        int position = b.getInt(56);
        int header2 = b.getInt(60);
        if (b.getInt(36) > 0) {
            throw new IOException("a composite ROI (shape ROI); split it into its parts (ROI Manager > More > Split)"
                    + " and save again");
        }
        if (subtype == SUBTYPE_TEXT || subtype == SUBTYPE_IMAGE) {
            throw new IOException("a " + (subtype == SUBTYPE_TEXT ? "text" : "image") + " ROI, not an outline");
        }
        boolean subPixel = (options & SUB_PIXEL_RESOLUTION) != 0 && version >= 222;
        float[][] outline = switch (type) {
            case RECT -> rectangle(b, subPixel && version >= 223, left, top, right, bottom);
            case OVAL -> oval(b, subPixel && version >= 223, left, top, right, bottom);
            default -> vertices(b, n, subPixel, left, top);
        };
        int zPosition = 0, group = 0;
        String name = null;
        Properties properties = new Properties();
        if (header2 > 0 && header2 + HEADER2 <= bytes.length) {
            zPosition = b.getInt(header2 + 8);
            group = b.get(header2 + 30) & 0xff;
            if (version >= 229 && group == 0 && header2 + 54 <= bytes.length) {
                group = b.getShort(header2 + 52) & 0xffff;
            }
            name = chars(b, b.getInt(header2 + 16), b.getInt(header2 + 20));
            String props = version >= 224 ? chars(b, b.getInt(header2 + 40), b.getInt(header2 + 44)) : null;
            if (props != null) {
                properties.load(new ByteArrayInputStream(props.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return new ImageJRoi(name, type, position, zPosition, group, properties, outline[0], outline[1]);
    }

    /** UTF-16 chars at {@code offset}, as ImageJ stores names and properties; null when absent. */
    private static String chars(ByteBuffer b, int offset, int length) {
        if (offset <= 0 || length <= 0 || (long) offset + 2L * length > b.capacity()) {
            return null;
        }
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = b.getChar(offset + 2 * i);
        }
        return new String(c);
    }

    private static float[][] rectangle(ByteBuffer b, boolean subPixel, int left, int top, int right, int bottom) {
        float x = subPixel ? b.getFloat(18) : left, y = subPixel ? b.getFloat(22) : top;
        float w = subPixel ? b.getFloat(26) : right - left, h = subPixel ? b.getFloat(30) : bottom - top;
        return new float[][] {{x, x + w, x + w, x}, {y, y, y + h, y + h}};
    }

    /**
     * An oval as a polygon through its edge, one vertex per pixel of perimeter or more: the
     * pixels whose centres it encloses are the oval's to within its edge pixels.
     */
    private static float[][] oval(ByteBuffer b, boolean subPixel, int left, int top, int right, int bottom) {
        float[][] box = rectangle(b, subPixel, left, top, right, bottom);
        double rx = (box[0][1] - box[0][0]) / 2.0, ry = (box[1][2] - box[1][1]) / 2.0;
        double cx = box[0][0] + rx, cy = box[1][0] + ry;
        int n = Math.max(16, (int) Math.ceil(2 * Math.PI * Math.max(rx, ry)));
        float[] xs = new float[n], ys = new float[n];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            xs[i] = (float) (cx + rx * Math.cos(t));
            ys[i] = (float) (cy + ry * Math.sin(t));
        }
        return new float[][] {xs, ys};
    }

    private static float[][] vertices(ByteBuffer b, int n, boolean subPixel, int left, int top) throws IOException {
        long needed = HEADER + 4L * n + (subPixel ? 8L * n : 0);
        if (n < 0 || needed > b.capacity()) {
            throw new IOException("truncated: " + n + " vertices need " + needed + " bytes, the file has " + b.capacity());
        }
        float[] xs = new float[n], ys = new float[n];
        for (int i = 0; i < n; i++) {
            if (subPixel) {
                xs[i] = b.getFloat(HEADER + 4 * n + 4 * i);
                ys[i] = b.getFloat(HEADER + 8 * n + 4 * i);
            } else {
                xs[i] = left + Math.max(0, b.getShort(HEADER + 2 * i));
                ys[i] = top + Math.max(0, b.getShort(HEADER + 2 * n + 2 * i));
            }
        }
        return new float[][] {xs, ys};
    }

    /**
     * A sub-pixel polygon ROI as ImageJ writes one: integer vertices relative to the bounds, then
     * the float vertices, then the second header with the name, the position and the properties.
     */
    static byte[] encodePolygon(String name, int position, Properties properties, float[] xs, float[] ys) {
        int n = xs.length;
        int left = (int) Math.floor(min(xs)), top = (int) Math.floor(min(ys));
        int right = (int) Math.ceil(max(xs)), bottom = (int) Math.ceil(max(ys));
        String props = propertiesText(properties);
        int header2 = HEADER + 4 * n + 8 * n;
        ByteBuffer b = ByteBuffer.allocate(header2 + HEADER2 + 2 * name.length() + 2 * props.length());
        b.put(new byte[] {'I', 'o', 'u', 't'});
        b.putShort(4, (short) VERSION);
        b.put(6, (byte) POLYGON);
        b.putShort(8, (short) top).putShort(10, (short) left).putShort(12, (short) bottom).putShort(14, (short) right);
        b.putShort(16, (short) (n > 0xffff ? 0 : n));
        if (n > 0xffff) {
            b.putInt(18, n);
        }
        b.putShort(50, (short) SUB_PIXEL_RESOLUTION);
        b.putInt(56, position);
        b.putInt(60, header2);
        for (int i = 0; i < n; i++) {
            b.putShort(HEADER + 2 * i, (short) Math.max(0, Math.round(xs[i]) - left));
            b.putShort(HEADER + 2 * n + 2 * i, (short) Math.max(0, Math.round(ys[i]) - top));
            b.putFloat(HEADER + 4 * n + 4 * i, xs[i]);
            b.putFloat(HEADER + 8 * n + 4 * i, ys[i]);
        }
        int nameAt = header2 + HEADER2;
        b.putInt(header2 + 16, nameAt).putInt(header2 + 20, name.length());
        putChars(b, nameAt, name);
        if (!props.isEmpty()) {
            int propsAt = nameAt + 2 * name.length();
            b.putInt(header2 + 40, propsAt).putInt(header2 + 44, props.length());
            putChars(b, propsAt, props);
        }
        return b.array();
    }

    /** {@code key: value} lines in key order, as ImageJ's {@code Roi.getProperties} writes them. */
    private static String propertiesText(Properties properties) {
        StringBuilder sb = new StringBuilder();
        properties.stringPropertyNames().stream().sorted()
                .forEach(k -> sb.append(k).append(": ").append(properties.getProperty(k)).append('\n'));
        return sb.toString();
    }

    private static void putChars(ByteBuffer b, int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            b.putChar(at + 2 * i, s.charAt(i));
        }
    }

    private static float min(float[] v) {
        float m = Float.POSITIVE_INFINITY;
        for (float x : v) {
            m = Math.min(m, x);
        }
        return v.length == 0 ? 0 : m;
    }

    private static float max(float[] v) {
        float m = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            m = Math.max(m, x);
        }
        return v.length == 0 ? 0 : m;
    }
}
