package org.tumorj.dicom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.tumorj.util.Progress;
import org.tumorj.volume.Shutter;
import org.tumorj.volume.VoiLut;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * TumorJ's own {@link DicomReader}: headers are parsed in parallel, pixels decoded on a pool of one
 * thread per processor, one file per task, slices handed out in order ({@link OrderedSlices}).
 */
final class TumorJDicomReader implements DicomReader {

    @Override
    public DicomScan scan(Path path, Progress progress) {
        List<DicomException> problems = Collections.synchronizedList(new ArrayList<>());
        List<Path> files = listFiles(path, problems);
        List<DicomImage> images = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        files.parallelStream().forEach(f -> {
            progress.checkCancelled();
            try {
                images.add(DicomImage.read(f));
            } catch (DicomException e) {
                problems.add(e);
            } catch (RuntimeException e) {
                problems.add(new DicomException(f, "cannot be read: " + e, e));
            }
            progress.update("Reading DICOM headers", done.incrementAndGet(), files.size());
        });
        problems.sort((a, b) -> String.valueOf(a.file()).compareTo(String.valueOf(b.file())));
        return new DicomScan(SeriesBuilder.build(new ArrayList<>(images)), problems);
    }

    /**
     * The regular files under {@code path} (DICOMDIR left out), sorted. Symbolic links are
     * followed, since labs link studies into training sets; a link that loops back is recorded
     * in {@code problems} and skipped, and the rest of the folder is read.
     */
    private static List<Path> listFiles(Path path, List<DicomException> problems) {
        if (!Files.exists(path)) {
            throw new DicomException(path, "no such file or folder");
        }
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(path, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new java.nio.file.SimpleFileVisitor<>() {
                        @Override
                        public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a) {
                            if (a.isRegularFile() && !file.getFileName().toString().equalsIgnoreCase("DICOMDIR")) {
                                files.add(file);
                            }
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }

                        @Override
                        public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                            if (e instanceof java.nio.file.FileSystemLoopException) {
                                problems.add(new DicomException(file, "symbolic link loops back to a folder above it;"
                                        + " skipped, the rest of the folder is read", e));
                                return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                            }
                            throw e;
                        }
                    });
        } catch (IOException | UncheckedIOException e) {
            throw new DicomException(path, "cannot list the folder: " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }

    @Override
    public Volume readVolume(DicomSeries series, Progress progress) {
        requireGrey(series);
        List<float[]> list;
        try (OrderedSlices<float[]> slices = greySlices(series, progress, Integer.MAX_VALUE)) {
            list = slices.all();
        }
        return new Volume(info(series, window(series, list)), list, SourceHeaders.of(series.first().dataset));
    }

    @Override
    public Optional<VolumeStream> streamVolume(DicomSeries series, Progress progress) {
        requireGrey(series);
        return headerWindow(series).map(window -> new VolumeStream(info(series, window),
                greySlices(series, progress, 2 * OrderedSlices.threads())));
    }

    private static void requireGrey(DicomSeries series) {
        if (series.isColor()) {
            throw new DicomException(series.first().path, "series is colour (" + series.first().format.photometric()
                    + "); read it with readColor");
        }
    }

    /** Modality values, a new array per slice, at most {@code ahead} files decoded ahead of the consumer. */
    private static OrderedSlices<float[]> greySlices(DicomSeries series, Progress progress, int ahead) {
        int pixels = series.first().format.pixels();
        return new OrderedSlices<>(series, progress, ahead, (decoder, index) -> {
            float[] out = new float[pixels];
            decoder.greyFrame(series.slices().get(index).frame().frame(), out);
            return out;
        });
    }

    /**
     * The header's first window; else a VOI LUT's input range; else one computed from the values,
     * of the exposed field only when collimator shutters hide part of a radiograph.
     */
    private static Window window(DicomSeries series, List<float[]> slices) {
        Optional<Window> fromHeader = headerWindow(series);
        if (fromHeader.isPresent()) {
            return fromHeader.get();
        }
        Shutter shutter = series.first().shutter;
        return WindowEstimate.fromValues(shutter.isNone() ? slices
                : exposed(slices, shutter, series.first().format.columns()));
    }

    /** The window the header gives: its first window, else its VOI LUT's input range. */
    private static Optional<Window> headerWindow(DicomSeries series) {
        if (!series.summary().windows().isEmpty()) {
            return Optional.of(series.summary().windows().get(0));
        }
        VoiLut lut = series.slices().get(0).frame().voiLut();
        if (lut != null) {
            double n = lut.table().length;
            return Optional.of(new Window(lut.firstInput() + n / 2, n, "VOI LUT range"));
        }
        return Optional.empty();
    }

    private static List<float[]> exposed(List<float[]> slices, Shutter shutter, int width) {
        List<float[]> out = new ArrayList<>();
        for (float[] s : slices) {
            float[] kept = new float[s.length];
            int n = 0;
            for (int i = 0; i < s.length; i++) {
                if (shutter.exposes(i % width, i / width)) {
                    kept[n++] = s[i];
                }
            }
            out.add(java.util.Arrays.copyOf(kept, n));
        }
        return out;
    }

    @Override
    public ColorVolume readColor(DicomSeries series, Progress progress) {
        List<int[]> slices;
        try (OrderedSlices<int[]> decoded = new OrderedSlices<>(series, progress, Integer.MAX_VALUE,
                (decoder, index) -> decoder.colorFrame(series.slices().get(index).frame().frame()))) {
            slices = decoded.all();
        }
        return new ColorVolume(info(series, new Window(127.5, 256, "")), slices);
    }

    private static VolumeInfo info(DicomSeries series, Window window) {
        DicomImage first = series.first();
        DicomSeries.Geometry g = series.geometry();
        double[] spacing = series.slices().get(0).frame().pixelSpacing();
        List<String> sops = new ArrayList<>();
        for (DicomSeries.Slice s : series.slices()) {
            sops.add(s.image().format.frames() > 1 ? s.image().sopInstanceUid + "#" + (s.frame().frame() + 1) : s.image().sopInstanceUid);
        }
        List<String> warnings = new ArrayList<>(g.warnings());
        if (spacing == null) {
            warnings.add("no PixelSpacing: 1 mm assumed");
        }
        return new VolumeInfo(first.modality(), first.dataset.string(Tags.STUDY_INSTANCE_UID, ""),
                first.seriesInstanceUid, first.dataset.string(Tags.SERIES_DESCRIPTION, ""),
                first.dataset.string(Tags.PATIENT_ID, ""), first.format.columns(), first.format.rows(),
                spacing == null ? 1 : spacing[1], spacing == null ? 1 : spacing[0], g.spacingZ(),
                g.origin(), g.rowDirection(), g.columnDirection(), window.center(), window.width(),
                first.invertedForDisplay, sops, warnings, series.slices().get(0).frame().voiLut(), first.shutter);
    }

    @Override
    public String headerText(Path file, boolean includePatientIdentity) {
        return HeaderText.format(DicomParser.parse(file, false), includePatientIdentity);
    }
}
