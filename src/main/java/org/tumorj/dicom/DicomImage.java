package org.tumorj.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tumorj.volume.Shutter;

/** One image file's header as the series builder needs it: identity, pixel format and frames. */
final class DicomImage {
    final Path path;
    final TransferSyntax syntax;
    final DicomDataset dataset;
    final PixelFormat format;
    final List<FrameInfo> frames;
    final String sopInstanceUid;
    final String seriesInstanceUid;
    final int instanceNumber;
    /** Where the pixel data is (for native syntaxes: offset and length in the file). */
    final PixelDataLocation pixels;
    /** Collimator shutters (radiographs); {@link Shutter#NONE} when the header has none. */
    final Shutter shutter;
    /** MONOCHROME1 or Presentation LUT Shape INVERSE: see {@link DisplayInversion}. */
    final boolean invertedForDisplay;
    /** What reading the header noticed (spacing source, LUT and shutter problems), once each. */
    final List<String> notes;
    private final Set<String> noticed = new LinkedHashSet<>();
    /** Top-level spacing and VOI LUT, read once; frames without their own fall back to them. */
    private final ProjectionSpacing spacing;
    private final VoiLuts.Outcome voiLut;

    private DicomImage(ParsedFile parsed) {
        this.path = parsed.path();
        this.syntax = parsed.syntax();
        this.dataset = parsed.dataset();
        if (parsed.pixels() == null) {
            throw new DicomException(path, "no pixel data (7FE0,0010): not an image (e.g. a report, RT plan or DICOMDIR)");
        }
        this.pixels = parsed.pixels();
        this.format = PixelFormat.of(dataset, path);
        checkFrameCount(parsed);
        this.sopInstanceUid = dataset.string(Tags.SOP_INSTANCE_UID, path.getFileName().toString());
        this.seriesInstanceUid = dataset.string(Tags.SERIES_INSTANCE_UID, "(no SeriesInstanceUID) " + parentName(path));
        this.instanceNumber = dataset.integer(Tags.INSTANCE_NUMBER, Integer.MAX_VALUE);
        this.spacing = ProjectionSpacing.of(dataset);
        this.voiLut = VoiLuts.read(dataset, format.signed());
        Shutters.Outcome shutters = Shutters.read(dataset);
        this.shutter = shutters.shutter();
        noticed.addAll(shutters.warnings());
        List<String> inversion = new ArrayList<>();
        this.invertedForDisplay = DisplayInversion.of(format, dataset, inversion);
        noticed.addAll(inversion);
        this.frames = readFrames();
        this.notes = List.copyOf(noticed);
    }

    /** Reads the header of a file (pixel data is located, not read). */
    static DicomImage read(Path file) {
        return new DicomImage(DicomParser.parse(file, false));
    }

    static DicomImage of(ParsedFile parsed) {
        return new DicomImage(parsed);
    }

    /**
     * Per-frame metadata is built for every frame the header declares, so the count is checked
     * against what the file can hold first: a native frame needs its bytes, an encapsulated one
     * at least an 8-byte fragment item. This keeps memory proportional to the file's size.
     */
    private void checkFrameCount(ParsedFile parsed) {
        PixelDataLocation loc = parsed.pixels();
        long most;
        if (loc.encapsulated()) {
            long bytes = loc.length() >= 0 ? loc.length() : fileSize();
            most = Math.max(1, bytes / 8);
        } else {
            most = loc.length() * 8 / Math.max(1, format.frameBits());
        }
        if (format.frames() > 1 && format.frames() > most) {
            throw new DicomException(path, "NumberOfFrames (0028,0008) is " + format.frames()
                    + " but the pixel data can hold at most " + most + " frame(s) of " + format.columns() + "x"
                    + format.rows() + "; the file is truncated or the header is corrupt");
        }
    }

    private long fileSize() {
        try {
            return java.nio.file.Files.size(path);
        } catch (java.io.IOException e) {
            throw new DicomException(path, "cannot read: " + e.getMessage(), e);
        }
    }

    String modality() { return dataset.string(Tags.MODALITY, "OT"); }

    private static String parentName(Path p) {
        Path parent = p.toAbsolutePath().getParent();
        return parent == null ? "" : parent.toString();
    }

    private List<FrameInfo> readFrames() {
        List<DicomDataset> perFrame = dataset.sequence(Tags.PER_FRAME_FUNCTIONAL_GROUPS);
        DicomDataset shared = dataset.item(Tags.SHARED_FUNCTIONAL_GROUPS);
        List<FrameInfo> list = new ArrayList<>(format.frames());
        for (int f = 0; f < format.frames(); f++) {
            DicomDataset own = f < perFrame.size() ? perFrame.get(f) : null;
            list.add(frame(f, own, shared));
        }
        return List.copyOf(list);
    }

    /** A frame's attributes: per-frame group first, then shared group, then the top level. */
    private FrameInfo frame(int f, DicomDataset own, DicomDataset shared) {
        DicomDataset position = group(own, shared, Tags.PLANE_POSITION_SEQUENCE);
        DicomDataset orientation = group(own, shared, Tags.PLANE_ORIENTATION_SEQUENCE);
        DicomDataset measures = group(own, shared, Tags.PIXEL_MEASURES_SEQUENCE);
        DicomDataset rescale = group(own, shared, Tags.PIXEL_VALUE_TRANSFORMATION_SEQUENCE);
        DicomDataset voi = group(own, shared, Tags.FRAME_VOI_LUT_SEQUENCE);
        return new FrameInfo(f,
                doubles(position, Tags.IMAGE_POSITION_PATIENT, 3),
                doubles(orientation, Tags.IMAGE_ORIENTATION_PATIENT, 6),
                pixelSpacing(measures),
                pick(measures).decimal(Tags.SLICE_THICKNESS, Double.NaN),
                pick(rescale).decimal(Tags.RESCALE_SLOPE, 1.0),
                pick(rescale).decimal(Tags.RESCALE_INTERCEPT, 0.0),
                windows(pick(voi)),
                voiLut(voi));
    }

    /** An enhanced file's Pixel Measures first; else the top level by {@link ProjectionSpacing}'s rule. */
    private double[] pixelSpacing(DicomDataset measures) {
        double[] own = measures == null ? null : measures.doubles(Tags.PIXEL_SPACING);
        if (own != null && own.length >= 2) {
            return own;
        }
        noticed.addAll(spacing.warnings());
        return spacing.spacing();
    }

    /** The frame's FrameVOILUTSequence item may carry its own VOI LUT Sequence. */
    private org.tumorj.volume.VoiLut voiLut(DicomDataset voiItem) {
        VoiLuts.Outcome outcome = voiItem != null && voiItem.contains(Tags.VOI_LUT_SEQUENCE)
                ? VoiLuts.read(voiItem, format.signed()) : voiLut;
        noticed.addAll(outcome.warnings());
        return outcome.lut();
    }

    private DicomDataset group(DicomDataset own, DicomDataset shared, int sequenceTag) {
        DicomDataset item = own == null ? null : own.item(sequenceTag);
        if (item == null && shared != null) {
            item = shared.item(sequenceTag);
        }
        return item;
    }

    /** The functional group item, or the top-level data set when the file has none. */
    private DicomDataset pick(DicomDataset item) {
        return item != null ? item : dataset;
    }

    private double[] doubles(DicomDataset item, int tag, int count) {
        double[] d = pick(item).doubles(tag);
        if (d == null && item != null) {
            d = dataset.doubles(tag);
        }
        return d != null && d.length >= count ? d : null;
    }

    private static List<Window> windows(DicomDataset ds) {
        double[] centers = ds.doubles(Tags.WINDOW_CENTER);
        double[] widths = ds.doubles(Tags.WINDOW_WIDTH);
        String[] names = ds.strings(Tags.WINDOW_EXPLANATION);
        List<Window> list = new ArrayList<>();
        if (centers != null && widths != null) {
            for (int i = 0; i < Math.min(centers.length, widths.length); i++) {
                if (widths[i] >= 1) { // width 0 means "no window" in some files (and is invalid)
                    list.add(new Window(centers[i], widths[i], i < names.length ? names[i] : ""));
                }
            }
        }
        return List.copyOf(list);
    }
}
