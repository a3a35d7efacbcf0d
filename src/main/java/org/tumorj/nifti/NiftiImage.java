package org.tumorj.nifti;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * A NIfTI-1 or NIfTI-2 image read from a {@code .nii} or {@code .nii.gz} file (gzip told by its
 * magic bytes, not its name): the first 3D volume as float slices in TumorJ's slice order
 * ({@link NiftiGeometry}), {@code scl_slope}/{@code scl_inter} applied. Datatypes uint8, int16,
 * uint16, int32, float32 and float64; others are refused by name. The file is streamed slice by
 * slice and never modified.
 *
 * @param volumes how many 3D volumes the file holds (time points, channels); only the first is read
 */
public record NiftiImage(Path file, NiftiHeader header, NiftiGeometry geometry, List<float[]> slices, long volumes) {

    /** Reads the file's first volume. */
    public static NiftiImage read(Path file) throws IOException {
        try (InputStream raw = open(file); DataInputStream in = new DataInputStream(raw)) {
            NiftiHeader h = header(file, in);
            NiftiGeometry g = geometry(file, h);
            skip(file, in, h.voxOffset() - (h.version() == 1 ? NiftiHeader.SIZE_1 : NiftiHeader.SIZE_2));
            float[][] byK = new float[g.depth()][];
            Sample sample = Sample.of(file, h);
            for (int k = 0; k < g.depth(); k++) {
                byK[k] = slice(file, in, h, sample, g.width() * g.height());
            }
            List<float[]> slices = new ArrayList<>(g.depth());
            for (int z = 0; z < g.depth(); z++) {
                slices.add(byK[g.niftiSlice(z)]);
            }
            return new NiftiImage(file, h, g, slices, h.volumes());
        } catch (EOFException e) {
            throw new IOException(file + ": the file ends before its voxels do (truncated download or copy?)", e);
        }
    }

    /** True for a name TumorJ reads as NIfTI: {@code .nii} or {@code .nii.gz}. */
    public static boolean isNiftiName(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".nii") || n.endsWith(".nii.gz");
    }

    /** The file name without {@code .nii} or {@code .nii.gz}. */
    public static String baseName(Path file) {
        String n = file.getFileName().toString();
        String lower = n.toLowerCase(Locale.ROOT);
        return n.substring(0, n.length() - (lower.endsWith(".nii.gz") ? 7 : lower.endsWith(".nii") ? 4 : 0));
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    private static NiftiHeader header(Path file, DataInputStream in) throws IOException {
        byte[] first = new byte[4];
        in.readFully(first);
        int size = NiftiHeader.size(first);
        if (size < 0) {
            throw new IOException(file + ": not a NIfTI file (its first 4 bytes are not a header size of 348 or 540)");
        }
        byte[] all = Arrays.copyOf(first, size);
        in.readFully(all, 4, size - 4);
        return NiftiHeader.parse(file, all);
    }

    private static NiftiGeometry geometry(Path file, NiftiHeader h) throws IOException {
        if (NiftiHeader.isCifti(h.intentCode())) {
            throw new IOException(file + ": a CIFTI-2 file (NIfTI intent " + h.intentCode() + "): a matrix of"
                    + " brain-ordinate data, not a voxel image; TumorJ reads NIfTI images and label maps");
        }
        if (h.dim()[0] < 2 || h.dim()[0] > 7 || h.size(1) < 1 || h.size(2) < 1
                || h.size(1) * h.size(2) * h.size(3) > Integer.MAX_VALUE) {
            throw new IOException(file + ": dimensions " + Arrays.toString(h.dim()) + " are not those of an image"
                    + " TumorJ can hold (2 to 7 axes, one volume under 2^31 voxels)");
        }
        NiftiGeometry g = NiftiGeometry.of(h);
        if (!(g.spacingX() > 0) || !(g.spacingY() > 0)) {
            throw new IOException(file + ": the " + g.source() + " gives a zero voxel size; the header is corrupt");
        }
        return g;
    }

    private static void skip(Path file, DataInputStream in, long bytes) throws IOException {
        if (bytes < 0) {
            throw new IOException(file + ": vox_offset lies inside the header; the header is corrupt");
        }
        for (long left = bytes; left > 0; ) {
            long n = in.skip(left);
            if (n <= 0) {
                in.readByte(); // skip may stop early on a gzip stream; one byte read tells end from pause
                n = 1;
            }
            left -= n;
        }
    }

    private static float[] slice(Path file, DataInputStream in, NiftiHeader h, Sample sample, int pixels)
            throws IOException {
        byte[] raw = new byte[pixels * sample.bytes];
        in.readFully(raw);
        ByteBuffer b = ByteBuffer.wrap(raw).order(h.order());
        boolean scaled = h.sclSlope() != 0 && Double.isFinite(h.sclSlope());
        float[] out = new float[pixels];
        for (int i = 0; i < pixels; i++) {
            double v = sample.read(b, i * sample.bytes);
            out[i] = (float) (scaled ? v * h.sclSlope() + h.sclInter() : v);
        }
        return out;
    }

    /** The voxel datatypes TumorJ reads (NIfTI datatype codes). */
    private enum Sample {
        UINT8(2, 1), INT16(4, 2), INT32(8, 4), FLOAT32(16, 4), FLOAT64(64, 8), UINT16(512, 2);

        final int code;
        final int bytes;

        Sample(int code, int bytes) {
            this.code = code;
            this.bytes = bytes;
        }

        static Sample of(Path file, NiftiHeader h) throws IOException {
            for (Sample s : values()) {
                if (s.code == h.datatype()) {
                    return s;
                }
            }
            throw new IOException(file + ": NIfTI datatype " + h.datatype() + " (" + h.bitpix() + " bits) is not"
                    + " supported; TumorJ reads uint8, int16, uint16, int32, float32 and float64 (convert the image,"
                    + " e.g. with nibabel or fslmaths -odt float)");
        }

        double read(ByteBuffer b, int at) {
            return switch (this) {
                case UINT8 -> b.get(at) & 0xFF;
                case INT16 -> b.getShort(at);
                case UINT16 -> b.getShort(at) & 0xFFFF;
                case INT32 -> b.getInt(at);
                case FLOAT32 -> b.getFloat(at);
                case FLOAT64 -> b.getDouble(at);
            };
        }
    }
}
