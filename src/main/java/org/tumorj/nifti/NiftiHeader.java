package org.tumorj.nifti;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The fields of a NIfTI-1 (348-byte) or NIfTI-2 (540-byte) header that TumorJ uses, in either byte
 * order (told apart by {@code sizeof_hdr}). Offsets are those of {@code nifti1.h} and {@code nifti2.h}.
 *
 * @param version 1 or 2
 * @param dim {@code dim[0..7]}: the number of dimensions, then the size along each
 * @param pixdim {@code pixdim[0..7]}: {@code pixdim[0]} is qfac, then voxel sizes (mm)
 * @param voxOffset byte offset of the voxels from the start of the file
 * @param quatern quatern_b, c, d
 * @param qoffset qoffset_x, y, z
 * @param srow srow_x, srow_y, srow_z, 4 numbers each
 * @param intentCode what the values mean: 0 for an image; 3000-3099 are CIFTI-2's matrices
 */
public record NiftiHeader(int version, ByteOrder order, long[] dim, int datatype, int bitpix, double[] pixdim,
        long voxOffset, double sclSlope, double sclInter, int qformCode, int sformCode, double[] quatern,
        double[] qoffset, double[][] srow, String descrip, int intentCode) {

    /** NIFTI_INTENT_CONNECTIVITY_* : CIFTI-2 files (dense, parcellated, connectivity and series matrices). */
    static boolean isCifti(int intentCode) {
        return intentCode >= 3000 && intentCode < 3100;
    }

    static final int SIZE_1 = 348;
    static final int SIZE_2 = 540;

    /** Header size of the version whose {@code sizeof_hdr} opens {@code first4}, or -1 for neither. */
    static int size(byte[] first4) {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            int n = ByteBuffer.wrap(first4).order(order).getInt();
            if (n == SIZE_1 || n == SIZE_2) {
                return n;
            }
        }
        return -1;
    }

    /**
     * Parses a whole header ({@link #SIZE_1} or {@link #SIZE_2} bytes).
     *
     * @throws IOException naming the file when the magic is not that of a single-file NIfTI
     */
    static NiftiHeader parse(Path file, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != bytes.length) {
            b.order(ByteOrder.BIG_ENDIAN);
        }
        return bytes.length == SIZE_1 ? parse1(file, b) : parse2(file, b);
    }

    private static NiftiHeader parse1(Path file, ByteBuffer b) throws IOException {
        String magic = text(b, 344, 4);
        if (magic.equals("ni1")) {
            throw new IOException(file + ": a NIfTI-1 header of a .hdr/.img pair; TumorJ reads single-file NIfTI"
                    + " (.nii or .nii.gz): convert it, e.g. with nibabel or fslchfiletype NIFTI_GZ");
        }
        if (!magic.equals("n+1")) {
            throw new IOException(file + ": not a NIfTI-1 file (magic '" + magic + "', expected 'n+1')");
        }
        long[] dim = new long[8];
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = b.getShort(40 + 2 * i);
            pixdim[i] = b.getFloat(76 + 4 * i);
        }
        double[][] srow = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                srow[r][c] = b.getFloat(280 + 16 * r + 4 * c);
            }
        }
        return new NiftiHeader(1, b.order(), dim, b.getShort(70), b.getShort(72), pixdim, (long) b.getFloat(108),
                b.getFloat(112), b.getFloat(116), b.getShort(252), b.getShort(254),
                new double[] {b.getFloat(256), b.getFloat(260), b.getFloat(264)},
                new double[] {b.getFloat(268), b.getFloat(272), b.getFloat(276)}, srow, text(b, 148, 80), b.getShort(68));
    }

    private static NiftiHeader parse2(Path file, ByteBuffer b) throws IOException {
        String magic = text(b, 4, 3);
        if (!magic.equals("n+2")) {
            throw new IOException(file + ": not a single-file NIfTI-2 file (magic '" + magic + "', expected 'n+2')");
        }
        long[] dim = new long[8];
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = b.getLong(16 + 8 * i);
            pixdim[i] = b.getDouble(104 + 8 * i);
        }
        double[][] srow = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                srow[r][c] = b.getDouble(400 + 32 * r + 8 * c);
            }
        }
        return new NiftiHeader(2, b.order(), dim, b.getShort(12), b.getShort(14), pixdim, b.getLong(168),
                b.getDouble(176), b.getDouble(184), b.getInt(344), b.getInt(348),
                new double[] {b.getDouble(352), b.getDouble(360), b.getDouble(368)},
                new double[] {b.getDouble(376), b.getDouble(384), b.getDouble(392)}, srow, text(b, 240, 80), b.getInt(504));
    }

    /** A NUL-terminated ASCII field. */
    private static String text(ByteBuffer b, int offset, int length) {
        byte[] raw = new byte[length];
        b.get(offset, raw);
        int end = 0;
        while (end < length && raw[end] != 0) {
            end++;
        }
        return new String(raw, 0, end, StandardCharsets.US_ASCII).strip();
    }

    /** Size along axis {@code i} (1-based as in {@code dim}), 1 beyond the number of dimensions. */
    long size(int i) {
        return i <= dim[0] ? Math.max(1, dim[i]) : 1;
    }

    /** Volumes after the first three axes (time points, channels): 1 for a plain 3D image. */
    long volumes() {
        long n = 1;
        for (int i = 4; i <= Math.min(7, dim[0]); i++) {
            n *= Math.max(1, dim[i]);
        }
        return n;
    }
}
