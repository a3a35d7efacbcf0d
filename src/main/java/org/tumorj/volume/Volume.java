package org.tumorj.volume;

import java.util.List;
import java.util.Objects;

/**
 * A calibrated image volume: grey modality values (HU for CT) per voxel, slices in
 * patient order, with the geometry and provenance TumorJ needs downstream.
 *
 * <p>Slices are row-major {@code float[width * height]}. A radiograph is a volume of one slice.
 * {@code sopInstanceUids[z]} ties slice {@code z} to its DICOM instance, so annotations stay on
 * the right slice whatever order the files were read in.
 */
public final class Volume {
    private final VolumeInfo info;
    private final List<float[]> slices;
    private final SourceHeader source;

    /** A volume whose source header is unknown ({@link SourceHeader#NONE}). */
    public Volume(VolumeInfo info, List<float[]> slices) {
        this(info, slices, SourceHeader.NONE);
    }

    /** @param source what derived DICOM objects repeat of the source files (patient, study, frame of reference) */
    public Volume(VolumeInfo info, List<float[]> slices, SourceHeader source) {
        this.info = Objects.requireNonNull(info, "info");
        this.source = Objects.requireNonNull(source, "source");
        this.slices = List.copyOf(slices);
        for (float[] s : this.slices) {
            if (s.length != info.width() * info.height()) {
                throw new IllegalArgumentException("slice length " + s.length + " is not "
                        + info.width() + "x" + info.height());
            }
        }
        if (info.sopInstanceUids().size() != this.slices.size()) {
            throw new IllegalArgumentException(this.slices.size() + " slices but "
                    + info.sopInstanceUids().size() + " SOPInstanceUIDs");
        }
    }

    public VolumeInfo info() { return info; }
    /** The source's patient, study and frame of reference; {@link SourceHeader#NONE} when not read from DICOM. */
    public SourceHeader source() { return source; }
    public int width() { return info.width(); }
    public int height() { return info.height(); }
    public int depth() { return slices.size(); }
    /** Slice {@code z} (0-based, patient order), row-major; the array is shared, do not modify. */
    public float[] slice(int z) { return slices.get(z); }
    public List<float[]> slices() { return slices; }

    /** Index of the slice with this SOPInstanceUID, or -1. */
    public int sliceIndexOf(String sopInstanceUid) {
        return info.sopInstanceUids().indexOf(sopInstanceUid);
    }
}
