package org.tumorj.volume;

/**
 * An axis-aligned box of whole pixels, ImageJ's rectangle convention: top-left pixel
 * {@code (x, y)}, {@code width x height} pixels.
 */
public record BoundingBox(int x, int y, int width, int height) {

    /** The smallest box holding both. */
    public BoundingBox union(BoundingBox o) {
        int x0 = Math.min(x, o.x), y0 = Math.min(y, o.y);
        int x1 = Math.max(x + width, o.x + o.width), y1 = Math.max(y + height, o.y + o.height);
        return new BoundingBox(x0, y0, x1 - x0, y1 - y0);
    }
}
