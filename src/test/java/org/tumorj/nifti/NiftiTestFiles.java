package org.tumorj.nifti;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.tumorj.volume.VolumeInfo;

/**
 * Writes NIfTI-2 files (float32 voxels, double-precision sform, little endian) on a volume's exact
 * geometry, so tests can turn a DICOM phantom into the NIfTI image + label map a lab would bring.
 * nibabel is the independent check of the reader ({@code NiftiOracleTest}); this writer only feeds
 * the study-level tests.
 */
public final class NiftiTestFiles {
    private NiftiTestFiles() {}

    /** Writes {@code slices} (TumorJ order) with {@code info}'s geometry; gzip when the name ends in .gz. */
    public static void write(Path file, VolumeInfo info, List<float[]> slices) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(NiftiHeader.SIZE_2 + 4).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, NiftiHeader.SIZE_2);
        h.put(4, "n+2\0\r\n\032\n".getBytes(StandardCharsets.ISO_8859_1));
        h.putShort(12, (short) 16);
        h.putShort(14, (short) 32);
        long[] dim = {3, info.width(), info.height(), slices.size(), 1, 1, 1, 1};
        double[] pixdim = {1, info.spacingX(), info.spacingY(), info.spacingZ(), 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            h.putLong(16 + 8 * i, dim[i]);
            h.putDouble(104 + 8 * i, pixdim[i]);
        }
        h.putLong(168, NiftiHeader.SIZE_2 + 4);
        h.putDouble(176, 1);
        h.putInt(348, 1); // sform_code: scanner anatomical
        double[] n = info.sliceNormal();
        for (int r = 0; r < 3; r++) {
            double sign = r < 2 ? -1 : 1; // LPS -> RAS
            double[] row = {info.rowDirection()[r] * info.spacingX(), info.columnDirection()[r] * info.spacingY(),
                n[r] * info.spacingZ(), info.origin()[r]};
            for (int c = 0; c < 4; c++) {
                h.putDouble(400 + 32 * r + 8 * c, sign * row[c]);
            }
        }
        h.putInt(500, 2); // xyzt_units: mm
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw) {
            out.write(h.array());
            ByteBuffer voxels = ByteBuffer.allocate(4 * info.width() * info.height()).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] s : slices) {
                voxels.clear();
                for (float v : s) {
                    voxels.putFloat(v);
                }
                out.write(voxels.array());
            }
        }
    }
}
