package org.tumorj.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.tumorj.dataset.VolumeLoader;
import org.tumorj.dicom.DicomException;
import org.tumorj.dicom.DicomReader;
import org.tumorj.dicom.DicomScan;
import org.tumorj.dicom.DicomSeries;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * Loads a study folder's volume through the DICOM reader: the grey series whose SeriesDescription
 * matches the requested pattern (the first in the reader's order when several match), else the
 * only grey series. A folder with several grey series and no pattern, or none that matches, is
 * refused with the SeriesDescriptions found and how to choose (see {@link SeriesChoice}). Files that are not usable DICOM
 * are reported through the progress log and skipped, so one stray file does not stop a batch.
 */
public final class DicomStudies implements VolumeLoader {
    /** Files that belong in a study folder beside the DICOM files; not worth a "skipped" line. */
    static final java.util.Set<String> KNOWN_SIDECARS = java.util.Set.of("RoiSet.zip", "annotations.json",
            "ground-truth.json", "evaluation.json", org.tumorj.dataset.AnnotationReader.RTSTRUCT_FILE,
            org.tumorj.dataset.AnnotationReader.SEG_FILE);
    private final DicomReader reader;
    private final Pattern seriesDescription;
    private final Progress progress;

    /** @param seriesDescription regular expression, or null for the largest series */
    public DicomStudies(DicomReader reader, String seriesDescription, Progress progress) {
        this.reader = reader;
        this.seriesDescription = seriesDescription == null || seriesDescription.isBlank()
                ? null : Pattern.compile(seriesDescription, Pattern.CASE_INSENSITIVE);
        this.progress = progress;
    }

    /** A file that belongs beside a study's DICOM files (annotations, ground truth): not worth a "skipped" line. */
    public static boolean isSidecar(Path file) {
        return file != null && KNOWN_SIDECARS.contains(file.getFileName().toString());
    }

    public static DicomStudies standard(Progress progress) {
        return new DicomStudies(DicomReader.standard(), null, progress);
    }

    /**
     * The study's volume; each file that could not be read is logged and recorded among the
     * volume's warnings as {@value #SKIPPED}{@code PATH: reason} (PATH relative to the study
     * folder), so that a study read without some of its files is reported as partial, never as
     * complete. Files that are not DICOM at all (a .DS_Store, a note) and DICOM objects that are
     * not images (an RT Structure Set, a report, an RT plan: a PACS export puts them beside the
     * images) are logged, not recorded; a Segmentation is never the series detected on.
     */
    @Override
    public Volume load(Path studyDir) throws IOException {
        return load(studyDir, progress);
    }

    @Override
    public Volume load(Path studyDir, Progress log) throws IOException {
        // steps named after the study, through the caller's log: a de-identified batch renames it there
        Progress steps = (log == null ? progress : log).about(studyName(studyDir));
        DicomScan scan = reader.scan(studyDir, steps);
        List<String> skipped = new ArrayList<>();
        for (DicomException problem : scan.problems()) {
            if (!isSidecar(problem.file())) {
                log.log(SKIPPED + problem.getMessage());
                if (!problem.problem().startsWith(NOT_DICOM) && !problem.problem().startsWith(NOT_AN_IMAGE)) {
                    skipped.add(SKIPPED + relative(studyDir, problem.file()) + ": " + problem.problem());
                }
            }
        }
        DicomSeries series = choose(studyDir, scan);
        try {
            Volume volume = reader.readVolume(series, steps);
            return skipped.isEmpty() ? volume : new Volume(volume.info().withWarnings(skipped), volume.slices(),
                    volume.source());
        } catch (DicomException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static String studyName(Path studyDir) {
        Path name = studyDir.toAbsolutePath().normalize().getFileName();
        return name == null ? studyDir.toString() : name.toString();
    }

    /** How the reader describes a file that is not DICOM at all. */
    private static final String NOT_DICOM = "not a DICOM file";
    /** How the reader describes a DICOM object without pixels (RTSTRUCT, SR, RT plan). */
    private static final String NOT_AN_IMAGE = "no pixel data";
    /** Modalities of images derived from a series (segmentations), never a series to detect on. */
    private static final java.util.Set<String> DERIVED_MODALITIES = java.util.Set.of("SEG");

    private static String relative(Path studyDir, Path file) {
        return file == null ? "?" : studyDir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString();
    }

    /** How a warning about a file that could not be read starts. */
    public static final String SKIPPED = "skipped ";

    /** The warnings of {@code volume} about files that could not be read (see {@link #load}). */
    public static List<String> skippedFiles(Volume volume) {
        return volume.info().warnings().stream().filter(w -> w.startsWith(SKIPPED)).toList();
    }

    /**
     * The reader's other warnings about {@code volume}'s series (gaps, uneven spacing, tilt, images
     * left out, header notes): what {@code ./tumorj info} prints, for a batch's log and warnings.txt.
     */
    public static List<String> readerWarnings(Volume volume) {
        return volume.info().warnings().stream().filter(w -> !w.startsWith(SKIPPED)).toList();
    }

    /**
     * Those of the reader's warnings that say slices of the series are missing from the volume (a
     * gap in the positions, with where the missing slices would lie; images left out for their
     * size): such a study is partial, as one with unreadable files is.
     */
    public static List<String> missingSlices(Volume volume) {
        return readerWarnings(volume).stream().filter(DicomSeries::saysSlicesAreMissing).toList();
    }

    private DicomSeries choose(Path studyDir, DicomScan scan) throws IOException {
        java.util.List<DicomSeries> grey = scan.series().stream()
                .filter(s -> !s.isColor() && !DERIVED_MODALITIES.contains(s.summary().modality())).toList();
        java.util.List<String> descriptions = grey.stream().map(s -> s.summary().seriesDescription()).toList();
        int index = SeriesChoice.choose(studyDir, descriptions, seriesDescription);
        if (index < 0) {
            throw new IOException(studyDir + ": no grey DICOM series (" + scan.series().size() + " series, "
                    + scan.problems().size() + " unreadable files)");
        }
        return grey.get(index);
    }
}
