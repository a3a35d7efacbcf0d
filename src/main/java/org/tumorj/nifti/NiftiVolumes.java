package org.tumorj.nifti;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tumorj.dicom.Window;
import org.tumorj.dicom.WindowEstimate;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * A NIfTI image as a TumorJ volume. NIfTI has no UIDs, so the series and each slice get
 * {@code 2.25.} UIDs derived from the file name (the same file gives the same UIDs on every run,
 * so outputs and annotations stay tied to slices); the series description is the file name, which
 * is what {@code --series} patterns and the series kind (T1, T2, FLAIR) are read from. No patient
 * attributes exist; the source header is {@code SourceHeader.NONE} (no DICOM export refers to it).
 */
public final class NiftiVolumes {
    /** The window of a CT volume (soft tissue), as a CT's header usually gives it. */
    private static final Window CT_WINDOW = new Window(40, 400, "soft tissue (NIfTI has no window)");

    private NiftiVolumes() {}

    /** @param modality a DICOM modality (CT, MR) for the preprocessing that depends on it */
    public static Volume volume(NiftiImage image, String modality) {
        NiftiGeometry g = image.geometry();
        String name = image.file().getFileName().toString();
        String series = uid("series:" + name);
        List<String> sops = new ArrayList<>(g.depth());
        for (int z = 0; z < g.depth(); z++) {
            sops.add(uid("slice:" + name + ":" + z));
        }
        List<String> warnings = new ArrayList<>(g.warnings());
        if (image.volumes() > 1) {
            warnings.add(name + " holds " + image.volumes() + " volumes (time points or channels); only the first is read");
        }
        Window w = "CT".equals(modality) ? CT_WINDOW : WindowEstimate.fromValues(image.slices());
        VolumeInfo info = new VolumeInfo(modality, "", series, name, "", g.width(), g.height(), g.spacingX(),
                g.spacingY(), g.spacingZ(), g.originLps(), g.rowLps(), g.columnLps(), w.center(), w.width(), false, sops,
                warnings);
        return new Volume(info, image.slices());
    }

    /** A {@code 2.25.} UID (PS3.5 B.2) from a name-based UUID of {@code seed}. */
    static String uid(String seed) {
        UUID u = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
        BigInteger hi = BigInteger.valueOf(u.getMostSignificantBits()).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
        BigInteger lo = BigInteger.valueOf(u.getLeastSignificantBits()).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
        return "2.25." + hi.shiftLeft(64).or(lo);
    }
}
