package org.tumorj.dicom;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * JPEG (TwelveMonkeys: baseline, extended 8-bit, lossless process 14) and JPEG 2000
 * (jai-imageio) frames through Java ImageIO, read as rasters so no colour conversion or
 * signedness guess of the codec gets in the way: the DICOM header decides both.
 */
final class ImageIoDecoder {
    private ImageIoDecoder() {}

    private static volatile boolean rescanned;

    /** Raw interleaved sample values of one compressed frame. */
    static int[] decode(byte[] frame, TransferSyntax ts, PixelFormat f, Path file) {
        ImageReader reader = reader(ts, file);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(frame))) {
            reader.setInput(in, true, true);
            Raster raster = read(reader);
            if (raster.getWidth() != f.columns() || raster.getHeight() != f.rows()) {
                throw new DicomException(file, ts.displayName + " frame is " + raster.getWidth() + "x" + raster.getHeight()
                        + " but the header says " + f.columns() + "x" + f.rows());
            }
            if (raster.getNumBands() != f.samplesPerPixel()) {
                throw new DicomException(file, ts.displayName + " frame has " + raster.getNumBands()
                        + " component(s) but SamplesPerPixel is " + f.samplesPerPixel());
            }
            return raster.getPixels(0, 0, f.columns(), f.rows(), (int[]) null);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DicomException de) {
                throw de;
            }
            throw new DicomException(file, "cannot decode " + ts.displayName + " pixel data: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    private static Raster read(ImageReader reader) throws IOException {
        if (reader.canReadRaster()) {
            try {
                return reader.readRaster(0, null);
            } catch (UnsupportedOperationException e) {
                // lossless JPEG in some versions: only read() works, and gives the samples unconverted
            }
        }
        return reader.read(0).getRaster();
    }

    private static ImageReader reader(TransferSyntax ts, Path file) {
        boolean jpeg = ts.codec == TransferSyntax.Codec.JPEG;
        String format = jpeg ? "jpeg" : "jpeg2000";
        String vendor = jpeg ? "twelvemonkeys" : "jaiimageio";
        ImageReader r = find(format, vendor);
        if (r == null && !rescanned) {
            // In Fiji the plugin class loader is not the one ImageIO scanned at start-up.
            Thread t = Thread.currentThread();
            ClassLoader old = t.getContextClassLoader();
            try {
                t.setContextClassLoader(ImageIoDecoder.class.getClassLoader());
                ImageIO.scanForPlugins();
            } finally {
                t.setContextClassLoader(old);
                rescanned = true;
            }
            r = find(format, vendor);
        }
        if (r == null) {
            throw new DicomException(file, "no " + ts.displayName + " decoder on the class path ("
                    + (jpeg ? "TwelveMonkeys imageio-jpeg" : "jai-imageio-jpeg2000") + " missing)");
        }
        return r;
    }

    private static ImageReader find(String format, String vendor) {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format);
        while (it.hasNext()) {
            ImageReader r = it.next();
            if (r.getClass().getName().toLowerCase().contains(vendor)) {
                return r;
            }
        }
        return null;
    }
}
