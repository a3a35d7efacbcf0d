package org.tumorj.dicom;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

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
        if (ts.codec == TransferSyntax.Codec.JPEG_2000) {
            Jpeg2000Input.checkPacketData(frame, file);
            Jpeg2000Input.checkNoPackedPacketHeaders(frame, file);
        }
        ImageReader reader = reader(ts, file);
        // In memory: ImageIO.createImageInputStream would cache the frame in a temporary file.
        try (ImageInputStream in = ts.codec == TransferSyntax.Codec.JPEG_2000 ? new Jpeg2000Input(frame)
                : new MemoryCacheImageInputStream(new ByteArrayInputStream(frame))) {
            reader.setInput(in, true, true);
            // The codestream's own size is checked before decoding: the codec allocates for it,
            // and only the DICOM header's size is bounded (PixelFormat.MAX_SAMPLES).
            checkSize(reader.getWidth(0), reader.getHeight(0), ts, f, file);
            Raster raster = read(reader);
            checkSize(raster.getWidth(), raster.getHeight(), ts, f, file);
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
        } catch (Error e) {
            if (e instanceof VirtualMachineError) {
                throw e; // out of memory, stack overflow: not about this file
            }
            // jj2000 signals some corrupt codestreams with Errors (NotImplementedError, found by fuzzing)
            throw new DicomException(file, "cannot decode " + ts.displayName + " pixel data: " + e, e);
        } finally {
            reader.dispose();
        }
    }

    private static void checkSize(int width, int height, TransferSyntax ts, PixelFormat f, Path file) {
        if (width != f.columns() || height != f.rows()) {
            throw new DicomException(file, ts.displayName + " frame is " + width + "x" + height
                    + " but the header says " + f.columns() + "x" + f.rows());
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
