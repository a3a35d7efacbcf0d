package org.tumorj.interop;

import java.util.List;
import org.tumorj.dicom.DicomWriter;
import org.tumorj.volume.SourceHeader;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * The source images a derived object points back to, slice by slice: SOP Class, SOP Instance
 * and, for a slice that is one frame of a multi-frame file ({@code uid#n} in
 * {@link VolumeInfo#sopInstanceUids()}), the frame number.
 */
final class SourceImages {
    private final String sopClassUid;
    private final List<String> slices;

    private SourceImages(String sopClassUid, List<String> slices) {
        this.sopClassUid = sopClassUid;
        this.slices = slices;
    }

    /**
     * The volume's source images.
     *
     * @throws IllegalArgumentException when the volume was not read from cross-sectional DICOM
     *     images (no SOP Class, no Frame of Reference): derived objects could not reference it
     */
    static SourceImages of(Volume volume, String study) {
        SourceHeader source = volume.source();
        if (source.sopClassUid().isEmpty()) {
            throw new IllegalArgumentException(study + ": the series was not read from DICOM files (no SOP Class UID),"
                    + " so a SEG or RTSTRUCT could not reference its images; detect on the DICOM folder instead");
        }
        if (!source.hasFrameOfReference() || volume.info().isProjection()) {
            throw new IllegalArgumentException(study + ": the series (" + volume.info().modality() + ") has no Frame"
                    + " of Reference UID, which SEG and RTSTRUCT need to place findings in patient coordinates;"
                    + " export them from CT or MR series, or leave out the DICOM exports for this study");
        }
        return new SourceImages(source.sopClassUid(), volume.info().sopInstanceUids());
    }

    String sopClassUid() { return sopClassUid; }

    /** The SOP Instance UID of slice {@code z}. */
    String instanceUid(int z) {
        String s = slices.get(z);
        int hash = s.indexOf('#');
        return hash < 0 ? s : s.substring(0, hash);
    }

    /** The frame of slice {@code z} in its multi-frame file (1-based), or 0 for a single-frame image. */
    int frameNumber(int z) {
        String s = slices.get(z);
        int hash = s.indexOf('#');
        return hash < 0 ? 0 : Integer.parseInt(s.substring(hash + 1));
    }

    /** The distinct instances in slice order (a multi-frame file once). */
    List<String> instanceUids() {
        return java.util.stream.IntStream.range(0, slices.size()).mapToObj(this::instanceUid).distinct().toList();
    }

    /** An item naming slice {@code z}'s image: Referenced SOP Class/Instance UID (and Frame Number). */
    DicomWriter reference(int z) {
        DicomWriter item = new DicomWriter()
                .string(0x00081150, "UI", sopClassUid)
                .string(0x00081155, "UI", instanceUid(z));
        if (frameNumber(z) > 0) {
            item.integer(0x00081160, frameNumber(z));
        }
        return item;
    }

    /** An item naming a whole instance (every frame of it). */
    DicomWriter reference(String instanceUid) {
        return new DicomWriter().string(0x00081150, "UI", sopClassUid).string(0x00081155, "UI", instanceUid);
    }

}
