package org.tumorj.detect;

import org.tumorj.volume.Shutter;

/**
 * The exposed field of a radiograph as a pixel mask: where the collimator let X-rays through.
 * Outside it the detector saw no patient (the blades show as a uniform bright or dark band with
 * a sharp edge, which a network readily mistakes for a structure), so findings are never made there.
 */
public final class ShutterMask {
    private ShutterMask() {}

    /**
     * True where the pixel centre {@code (x, y)} lies in the exposed field, row-major; null when the
     * image has no shutter (every pixel exposed), so callers skip the work.
     */
    public static boolean[] exposed(Shutter shutter, int width, int height) {
        if (shutter == null || shutter.isNone()) {
            return null;
        }
        boolean[] mask = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                mask[y * width + x] = shutter.exposes(x, y);
            }
        }
        return mask;
    }
}
