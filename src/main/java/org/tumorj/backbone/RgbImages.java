package org.tumorj.backbone;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Ordinary RGB pictures (PNG, JPEG) as backbone input: RGB / 255, resized when asked. */
public final class RgbImages {
    private RgbImages() {}

    /** Reads a PNG or JPEG as a 1 x H x W x 3 tensor in [0, 1] (grey and palette images become RGB). */
    public static FloatTensor read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new IOException(file + ": not an image ImageIO can read (PNG or JPEG expected)");
        }
        FloatTensor t = FloatTensor.zeros(1, img.getHeight(), img.getWidth(), 3);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                t.set(0, y, x, 0, ((rgb >> 16) & 255) / 255f);
                t.set(0, y, x, 1, ((rgb >> 8) & 255) / 255f);
                t.set(0, y, x, 2, (rgb & 255) / 255f);
            }
        }
        return t;
    }

    /**
     * Bilinear resize with pixel centres aligned (TensorFlow's {@code resize_bilinear} with
     * half-pixel centres). Images already of the target size are returned unchanged.
     */
    public static FloatTensor resize(FloatTensor in, int height, int width) {
        if (in.h() == height && in.w() == width) {
            return in;
        }
        FloatTensor out = FloatTensor.zeros(in.n(), height, width, in.c());
        double sy = (double) in.h() / height;
        double sx = (double) in.w() / width;
        for (int b = 0; b < in.n(); b++) {
            for (int y = 0; y < height; y++) {
                double fy = Math.max(0, (y + 0.5) * sy - 0.5);
                int y0 = Math.min((int) fy, in.h() - 1);
                int y1 = Math.min(y0 + 1, in.h() - 1);
                double wy = fy - y0;
                for (int x = 0; x < width; x++) {
                    double fx = Math.max(0, (x + 0.5) * sx - 0.5);
                    int x0 = Math.min((int) fx, in.w() - 1);
                    int x1 = Math.min(x0 + 1, in.w() - 1);
                    double wx = fx - x0;
                    for (int c = 0; c < in.c(); c++) {
                        double top = in.get(b, y0, x0, c) * (1 - wx) + in.get(b, y0, x1, c) * wx;
                        double bottom = in.get(b, y1, x0, c) * (1 - wx) + in.get(b, y1, x1, c) * wx;
                        out.set(b, y, x, c, (float) (top * (1 - wy) + bottom * wy));
                    }
                }
            }
        }
        return out;
    }
}
