package org.tumorj.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The frames of a DICOM Segmentation (PS3.3 A.51) as the file gives them: per frame its segment,
 * the source image it derives from (if named), its Plane Position and its pixels as a mask.
 * BINARY frames are 1-bit; FRACTIONAL frames are 8-bit and a pixel is in the segment when its
 * value is at least half the Maximum Fractional Value (a probability or occupancy of 0.5).
 * Matching frames to slices is {@code org.tumorj.annotation.SegAnnotations}'s job.
 */
public final class SegmentationFile {
    private static final int SEGMENT_SEQUENCE = 0x00620002;
    private static final int SEGMENT_NUMBER = 0x00620004;
    private static final int SEGMENT_LABEL = 0x00620005;
    private static final int SEGMENTATION_TYPE = 0x00620001;
    private static final int MAXIMUM_FRACTIONAL_VALUE = 0x0062000E;
    private static final int SHARED_GROUPS = 0x52009229;
    private static final int PER_FRAME_GROUPS = 0x52009230;
    private static final int DERIVATION_IMAGE = 0x00089124;
    private static final int SOURCE_IMAGE = 0x00082112;
    private static final int REFERENCED_SOP_INSTANCE = 0x00081155;
    private static final int REFERENCED_FRAME_NUMBER = 0x00081160;
    private static final int PLANE_POSITION = 0x00209113;
    private static final int IMAGE_POSITION = 0x00200032;
    private static final int SEGMENT_IDENTIFICATION = 0x0062000A;
    private static final int REFERENCED_SEGMENT_NUMBER = 0x0062000B;
    private static final int REFERENCED_SERIES = 0x00081115;
    private static final int SERIES_INSTANCE_UID = 0x0020000E;

    private SegmentationFile() {}

    /**
     * One frame of one segment.
     *
     * @param index 1-based frame number in the file, for messages
     * @param segmentLabel the segment's label (Segment Label, else "Segment n")
     * @param sourceImage the source image's SOP Instance UID, with {@code #n} for frame n of a
     *     multi-frame source (as {@code VolumeInfo.sopInstanceUids()} names slices); empty when not named
     * @param positionMm Image Position (Patient) of the frame's first pixel, or null when absent
     * @param mask row-major, {@code rows x columns} of the file
     */
    public record Frame(int index, String segmentLabel, String sourceImage, double[] positionMm, boolean[] mask) {}

    /**
     * @param referencedSeries Series Instance UIDs of the Referenced Series Sequence (may be empty)
     */
    public record Contents(int rows, int columns, List<String> referencedSeries, List<Frame> frames) {}

    /**
     * The file's frames in file order.
     *
     * @throws DicomException naming the file when it is not a Segmentation, its bit depth does not
     *     fit its type, or a frame names an unknown segment
     */
    public static Contents read(Path file) {
        ParsedFile parsed = DicomParser.parse(file, true);
        DicomDataset d = parsed.dataset();
        String sopClass = d.string(Tags.SOP_CLASS_UID, "");
        if (!DicomWriter.SEGMENTATION_STORAGE.equals(sopClass)) {
            throw new DicomException(file, "not a DICOM Segmentation (SOP Class UID is '" + sopClass + "')");
        }
        int threshold = threshold(file, d); // before decoding: an unsupported depth gets this message
        PixelDecoder decoder = new PixelDecoder(parsed, DicomImage.of(parsed));
        Map<Integer, String> labels = segmentLabels(d);
        List<DicomDataset> perFrame = d.sequence(PER_FRAME_GROUPS);
        DicomDataset shared = d.item(SHARED_GROUPS);
        PixelFormat f = decoder.image().format;
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k < f.frames(); k++) {
            DicomDataset groups = k < perFrame.size() ? perFrame.get(k) : null;
            int segment = group(groups, shared, SEGMENT_IDENTIFICATION).integer(REFERENCED_SEGMENT_NUMBER, -1);
            String label = labels.get(segment);
            if (label == null) {
                throw new DicomException(file, "frame " + (k + 1) + " names segment " + segment + ", which the Segment"
                        + " Sequence (0062,0002) does not define; the file is incomplete");
            }
            frames.add(new Frame(k + 1, label, sourceImage(group(groups, shared, DERIVATION_IMAGE)),
                    group(groups, shared, PLANE_POSITION).doubles(IMAGE_POSITION), mask(decoder.rawFrame(k), threshold)));
        }
        return new Contents(f.rows(), f.columns(), referencedSeries(d), frames);
    }

    /**
     * The smallest stored value inside a segment: 1 for BINARY (1-bit), half the Maximum Fractional
     * Value for FRACTIONAL (8-bit).
     */
    private static int threshold(Path file, DicomDataset d) {
        String type = d.string(SEGMENTATION_TYPE, "");
        int bits = d.integer(Tags.BITS_ALLOCATED, 0);
        if ("BINARY".equals(type) && bits == 1) {
            return 1;
        }
        if ("FRACTIONAL".equals(type) && bits == 8) {
            int max = d.integer(MAXIMUM_FRACTIONAL_VALUE, 255);
            return Math.max(1, (max + 1) / 2);
        }
        throw new DicomException(file, "unsupported segmentation: Segmentation Type '" + type + "' with Bits Allocated "
                + bits + "; TumorJ reads BINARY segmentations of 1 bit and FRACTIONAL ones of 8 bits (export a"
                + " binary or fractional SEG from your tool, or a label map as NIfTI)");
    }

    private static boolean[] mask(int[] values, int threshold) {
        boolean[] mask = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            mask[i] = values[i] >= threshold;
        }
        return mask;
    }

    /** Segment Number to Segment Label. */
    private static Map<Integer, String> segmentLabels(DicomDataset d) {
        Map<Integer, String> labels = new LinkedHashMap<>();
        for (DicomDataset s : d.sequence(SEGMENT_SEQUENCE)) {
            int n = s.integer(SEGMENT_NUMBER, -1);
            labels.put(n, s.string(SEGMENT_LABEL, "Segment " + n));
        }
        return labels;
    }

    /** A functional group of one frame: its per-frame item, else the shared one, else an empty data set. */
    private static DicomDataset group(DicomDataset perFrame, DicomDataset shared, int tag) {
        DicomDataset g = perFrame == null ? null : perFrame.item(tag);
        if (g == null && shared != null) {
            g = shared.item(tag);
        }
        return g == null ? new DicomDataset() : g;
    }

    /** The first source image of a Derivation Image item, {@code uid#frame} for a frame of a multi-frame image. */
    private static String sourceImage(DicomDataset derivation) {
        DicomDataset source = derivation.item(SOURCE_IMAGE);
        if (source == null) {
            return "";
        }
        String uid = source.string(REFERENCED_SOP_INSTANCE, "");
        int frame = source.integer(REFERENCED_FRAME_NUMBER, 0);
        return uid.isEmpty() || frame <= 0 ? uid : uid + "#" + frame;
    }

    private static List<String> referencedSeries(DicomDataset d) {
        List<String> out = new ArrayList<>();
        for (DicomDataset s : d.sequence(REFERENCED_SERIES)) {
            String uid = s.string(SERIES_INSTANCE_UID, "");
            if (!uid.isEmpty()) {
                out.add(uid);
            }
        }
        return out;
    }
}
