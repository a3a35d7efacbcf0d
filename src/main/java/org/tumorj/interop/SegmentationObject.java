package org.tumorj.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.tumorj.detect.Finding;
import org.tumorj.detect.FindingSlice;
import org.tumorj.detect.ProbabilityMaps;
import org.tumorj.dicom.DicomWriter;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * A study's findings as a binary DICOM Segmentation (Segmentation Storage, PS3.3 A.51): one
 * segment per finding, one 1-bit frame per slice a finding touches (slices it misses are not
 * written), each frame placed by its own Plane Position and derived from its source image. The
 * Shared Functional Groups hold what all frames share (pixel measures, orientation); the frames are
 * indexed by segment number, then by position (Dimension Index), as viewers such as OHIF and 3D
 * Slicer read them. The probability map can go out the same way as a fractional Segmentation
 * ({@link #probability}): one segment, one 8-bit frame per slice.
 */
public final class SegmentationObject {
    /** Series Number of TumorJ's segmentations: high, so they sort after the scanner's series. */
    static final int SERIES_NUMBER = 901;
    /** Series Number of the probability map's fractional segmentation. */
    static final int PROBABILITY_SERIES_NUMBER = 903;
    /** Label of the fractional segmentation's one segment. */
    public static final String PROBABILITY_LABEL = "tumour probability";
    /** Maximum Fractional Value of the fractional segmentation: a probability of 1. */
    public static final int MAX_FRACTIONAL_VALUE = 255;
    private static final Code CATEGORY = new Code("49755003", "SCT", "Morphologically Abnormal Structure");
    private static final Code NEOPLASM = new Code("108369006", "SCT", "Neoplasm");
    private static final Code TISSUE = new Code("85756007", "SCT", "Tissue");
    private static final Code SEGMENTATION_DERIVATION = new Code("113076", "DCM", "Segmentation");
    private static final Code SOURCE_IMAGE_PURPOSE = new Code("121322", "DCM",
            "Source image for image processing operation");
    private static final int SEGMENT_IDENTIFICATION_SEQUENCE = 0x0062000A;
    private static final int REFERENCED_SEGMENT_NUMBER = 0x0062000B;
    private static final int PLANE_POSITION_SEQUENCE = 0x00209113;
    private static final int IMAGE_POSITION_PATIENT = 0x00200032;

    private SegmentationObject() {}

    /** A coded concept: code value, coding scheme, meaning. */
    record Code(String value, String scheme, String meaning) {
        DicomWriter item() {
            return new DicomWriter().string(0x00080100, "SH", value).string(0x00080102, "SH", scheme)
                    .string(0x00080104, "LO", meaning);
        }
    }

    /** Where a frame goes: segment {@code segment} on slice {@code z}. */
    private record Place(int segment, int z) {}

    /** One frame of a binary segmentation: the pixels of segment {@code segment} on slice {@code z}. */
    private record Frame(int segment, int z, boolean[] mask) {
        Place place() {
            return new Place(segment, z);
        }
    }

    /** The Segmentation of {@code findings}, each segment labelled {@link RegionLabel#ofFinding}. */
    public static DicomWriter of(Volume volume, List<Finding> findings, String study, Algorithm algorithm) {
        return of(volume, findings, findings.stream().map(RegionLabel::ofFinding).toList(), study, algorithm);
    }

    /**
     * The Segmentation of {@code findings} (at least one) on {@code volume}.
     *
     * @param labels one per finding: segment n's label and code (a lesion is a neoplasm, else tissue)
     * @param study the study's label, for error messages
     * @throws IllegalArgumentException when there is no finding (a SEG needs one segment) or the
     *     volume cannot be referenced ({@link SourceImages#of}), or the labels are not one per finding
     */
    public static DicomWriter of(Volume volume, List<Finding> findings, List<RegionLabel> labels, String study,
            Algorithm algorithm) {
        DerivedObject.requireRegions(findings, labels, study, "a DICOM Segmentation needs at least one segment");
        SourceImages sources = SourceImages.of(volume, study);
        VolumeInfo info = volume.info();
        List<Frame> frames = frames(findings, info);
        return common(volume, sources, frames.stream().map(Frame::place).toList(), "TumorJ findings ("
                + algorithm.modelId() + ")", SERIES_NUMBER, algorithm)
                .unsignedShort(0x00280100, 1)
                .unsignedShort(0x00280101, 1)
                .unsignedShort(0x00280102, 0)
                .string(0x00700080, "CS", "TUMORJ")
                .string(0x00700081, "LO", "TumorJ findings")
                .string(0x00620001, "CS", "BINARY")
                .sequence(0x00620002, false, segments(findings, labels, algorithm))
                .pixelBytes(packBits(frames));
    }

    /** Writes the probability map as a fractional Segmentation ({@link #probability}) atomically to {@code file}. */
    public static void writeProbability(Path file, Volume volume, ProbabilityMaps maps, String study,
            Algorithm algorithm) throws IOException {
        probability(volume, maps, study, algorithm).write(file);
    }

    /**
     * The probability map as a FRACTIONAL Segmentation (PS3.3 C.8.20.2: Segmentation Fractional
     * Type PROBABILITY, Maximum Fractional Value {@value #MAX_FRACTIONAL_VALUE}): one segment
     * ({@value #PROBABILITY_LABEL}), one 8-bit frame per slice of the series, each pixel the map's
     * probability at full resolution (the values of {@code heatmap.tif}) times 255, rounded. Written
     * whether or not anything was found: the map is there either way.
     *
     * @throws IllegalArgumentException the maps do not cover the volume, or the volume cannot be
     *     referenced ({@link SourceImages#of})
     */
    public static DicomWriter probability(Volume volume, ProbabilityMaps maps, String study, Algorithm algorithm) {
        maps.checkCovers(volume);
        SourceImages sources = SourceImages.of(volume, study);
        List<Place> places = new ArrayList<>();
        for (int z = 0; z < volume.depth(); z++) {
            places.add(new Place(1, z));
        }
        String description = "probability of " + algorithm.findingClass() + " from " + algorithm.modelId();
        DicomWriter segment = new DicomWriter()
                .unsignedShort(0x00620004, 1)
                .string(0x00620005, "LO", PROBABILITY_LABEL)
                .string(0x00620006, "ST", DerivedObject.ascii(description))
                .string(0x00620008, "CS", "AUTOMATIC")
                .string(0x00620009, "LO", Algorithm.NAME)
                .sequence(0x00620003, false, CATEGORY.item())
                .sequence(0x0062000F, false, NEOPLASM.item())
                .unsignedShorts(0x0062000D, ScoreColor.dicomLab(1));
        return common(volume, sources, places, "TumorJ probability (" + algorithm.modelId() + ")",
                PROBABILITY_SERIES_NUMBER, algorithm)
                .unsignedShort(0x00280100, 8)
                .unsignedShort(0x00280101, 8)
                .unsignedShort(0x00280102, 7)
                .string(0x00700080, "CS", "TUMORJ_PROB")
                .string(0x00700081, "LO", "TumorJ probability map")
                .string(0x00620001, "CS", "FRACTIONAL")
                .string(0x00620010, "CS", "PROBABILITY")
                .unsignedShort(0x0062000E, MAX_FRACTIONAL_VALUE)
                .sequence(0x00620002, false, segment)
                .pixelBytes(quantised(maps));
    }

    /** A probability as the fractional SEG stores it: {@code round(p * 255)}, clamped to 0..255 (NaN as 0). */
    public static int quantise(float probability) {
        if (!(probability > 0)) {
            return 0;
        }
        return (int) Math.min(MAX_FRACTIONAL_VALUE, Math.round(probability * (double) MAX_FRACTIONAL_VALUE));
    }

    /** Every slice's full-resolution map, quantised, slice after slice. */
    private static byte[] quantised(ProbabilityMaps maps) {
        int pixels = maps.width() * maps.height();
        byte[] out = new byte[pixels * maps.depth()];
        for (int z = 0; z < maps.depth(); z++) {
            float[] p = maps.slice(z);
            for (int i = 0; i < pixels; i++) {
                out[z * pixels + i] = (byte) quantise(p[i]);
            }
        }
        return out;
    }

    /**
     * What a binary and a fractional Segmentation share: the derived object's header, image pixel
     * module less the bit depth, multi-frame dimensions, functional groups and references.
     */
    private static DicomWriter common(Volume volume, SourceImages sources, List<Place> places, String seriesDescription,
            int seriesNumber, Algorithm algorithm) {
        VolumeInfo info = volume.info();
        String dimensionOrganization = DerivedObject.newUid();
        return DerivedObject.header(volume, DicomWriter.SEGMENTATION_STORAGE, "SEG", seriesNumber, seriesDescription,
                algorithm)
                .string(0x00080008, "CS", "DERIVED\\PRIMARY")
                .string(0x00080023, "DA", DerivedObject.today())
                .string(0x00080033, "TM", DerivedObject.timeNow())
                .sequence(0x00081115, false, referencedSeries(info, sources, places))
                .string(0x00181000, "LO", DerivedObject.lo(algorithm.modelId()))
                .unsignedShort(0x00280002, 1)
                .string(0x00280004, "CS", "MONOCHROME2")
                .integer(0x00280008, places.size())
                .unsignedShort(0x00280010, info.height())
                .unsignedShort(0x00280011, info.width())
                .unsignedShort(0x00280103, 0)
                .string(0x00282110, "CS", "00")
                .string(0x00700084, "PN", "")
                .sequence(0x00209221, false, new DicomWriter().string(0x00209164, "UI", dimensionOrganization))
                .sequence(0x00209222, false, dimensionIndex(dimensionOrganization))
                .sequence(0x52009229, false, sharedGroups(info))
                .sequence(0x52009230, false, perFrameGroups(places, info, sources));
    }

    /** Each finding's slices, in finding order then slice order: segment n is the n-th finding. */
    private static List<Frame> frames(List<Finding> findings, VolumeInfo info) {
        List<Frame> frames = new ArrayList<>();
        for (int n = 0; n < findings.size(); n++) {
            TreeSet<Integer> zs = new TreeSet<>();
            findings.get(n).slices().forEach(s -> zs.add(s.z()));
            for (int z : zs) {
                boolean[] mask = new boolean[info.width() * info.height()];
                for (FindingSlice s : findings.get(n).slices()) {
                    if (s.z() == z) {
                        s.region().paint(mask, info.width());
                    }
                }
                frames.add(new Frame(n + 1, z, mask));
            }
        }
        return frames;
    }

    /**
     * The Segment Sequence: one item per finding, its label saying which finding and how sure (or
     * the region's class, for converted annotations).
     */
    private static List<DicomWriter> segments(List<Finding> findings, List<RegionLabel> labels, Algorithm algorithm) {
        List<DicomWriter> items = new ArrayList<>();
        for (int n = 0; n < findings.size(); n++) {
            Finding f = findings.get(n);
            RegionLabel label = labels.get(n);
            int[] lab = ScoreColor.dicomLab(f.score());
            String description = label.lesion() ? algorithm.findingClass() + " candidate of " + algorithm.modelId()
                    : label.name() + " (not a lesion) of " + algorithm.modelId();
            items.add(new DicomWriter()
                    .unsignedShort(0x00620004, n + 1)
                    .string(0x00620005, "LO", DerivedObject.lo(label.name()))
                    .string(0x00620006, "ST", DerivedObject.ascii(description))
                    .string(0x00620008, "CS", "AUTOMATIC")
                    .string(0x00620009, "LO", Algorithm.NAME)
                    .sequence(0x00620003, false, (label.lesion() ? CATEGORY : TISSUE).item())
                    .sequence(0x0062000F, false, (label.lesion() ? NEOPLASM : TISSUE).item())
                    .unsignedShorts(0x0062000D, lab));
        }
        return items;
    }

    /** Frames are indexed by segment, then by where they lie (the order of highdicom and dcmqi). */
    private static List<DicomWriter> dimensionIndex(String organization) {
        return List.of(
                new DicomWriter().string(0x00209164, "UI", organization)
                        .attributeTags(0x00209165, REFERENCED_SEGMENT_NUMBER)
                        .attributeTags(0x00209167, SEGMENT_IDENTIFICATION_SEQUENCE)
                        .string(0x00209421, "LO", "ReferencedSegmentNumber"),
                new DicomWriter().string(0x00209164, "UI", organization)
                        .attributeTags(0x00209165, IMAGE_POSITION_PATIENT)
                        .attributeTags(0x00209167, PLANE_POSITION_SEQUENCE)
                        .string(0x00209421, "LO", "ImagePositionPatient"));
    }

    /** Pixel measures and orientation: the same for every frame. */
    private static DicomWriter sharedGroups(VolumeInfo info) {
        double[] orientation = new double[6];
        System.arraycopy(info.rowDirection(), 0, orientation, 0, 3);
        System.arraycopy(info.columnDirection(), 0, orientation, 3, 3);
        return new DicomWriter()
                .sequence(0x00289110, false, new DicomWriter()
                        .decimals(0x00180050, info.spacingZ())
                        .decimals(0x00180088, info.spacingZ())
                        .decimals(0x00280030, info.spacingY(), info.spacingX()))
                .sequence(0x00209116, false, new DicomWriter().decimals(0x00200037, orientation));
    }

    /** Per frame: the source image it derives from, its index, its position and its segment. */
    private static List<DicomWriter> perFrameGroups(List<Place> frames, VolumeInfo info, SourceImages sources) {
        List<DicomWriter> items = new ArrayList<>();
        for (Place f : frames) {
            DicomWriter source = sources.reference(f.z())
                    .sequence(0x0040A170, false, SOURCE_IMAGE_PURPOSE.item());
            items.add(new DicomWriter()
                    .sequence(0x00089124, false, new DicomWriter()
                            .sequence(0x00082112, false, source)
                            .sequence(0x00089215, false, SEGMENTATION_DERIVATION.item()))
                    .sequence(0x00209111, false, new DicomWriter().unsignedLongs(0x00209157, f.segment(), f.z() + 1))
                    .sequence(PLANE_POSITION_SEQUENCE, false, new DicomWriter()
                            .decimals(IMAGE_POSITION_PATIENT, info.toPatient(0, 0, f.z())))
                    .sequence(SEGMENT_IDENTIFICATION_SEQUENCE, false, new DicomWriter()
                            .unsignedShort(REFERENCED_SEGMENT_NUMBER, f.segment())));
        }
        return items;
    }

    /** Common Instance Reference: the source series and every image a frame derives from. */
    private static DicomWriter referencedSeries(VolumeInfo info, SourceImages sources, List<Place> frames) {
        List<DicomWriter> instances = frames.stream().map(f -> sources.instanceUid(f.z())).distinct()
                .map(sources::reference).toList();
        return new DicomWriter().sequence(0x0008114A, false, instances)
                .string(0x0020000E, "UI", info.seriesInstanceUid());
    }

    /**
     * The frames as one stream of bits, pixel by pixel, frame after frame, the first pixel in the
     * lowest bit of the first byte (PS3.5 8.1.1, 8.2); frames are not byte aligned, as the
     * standard says for 1-bit data.
     */
    private static byte[] packBits(List<Frame> frames) {
        int pixels = frames.get(0).mask().length;
        byte[] out = new byte[(int) (((long) pixels * frames.size() + 7) / 8)];
        long bit = 0;
        for (Frame f : frames) {
            for (boolean set : f.mask()) {
                if (set) {
                    out[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
                }
                bit++;
            }
        }
        return out;
    }
}
