package org.tumorj.dicom;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of scanning a file or folder: the series found (largest first) and, for every
 * file that could not be used, the reason (non-DICOM files, truncated files, ...).
 */
public record DicomScan(List<DicomSeries> series, List<DicomException> problems) {

    public DicomScan {
        series = series.stream()
                .sorted(Comparator.comparingInt((DicomSeries s) -> -s.summary().slices())
                        .thenComparing(s -> s.summary().seriesInstanceUID()))
                .toList();
        problems = List.copyOf(problems);
    }

    /** The series with the most slices, if any. */
    public Optional<DicomSeries> largest() {
        return series.isEmpty() ? Optional.empty() : Optional.of(series.get(0));
    }

    /**
     * The series with this SeriesInstanceUID (the first, when radiographs share one), with this
     * SOPInstanceUID (a radiograph is a series of its own image), or with this 1-based index in
     * {@link #series()}.
     */
    public Optional<DicomSeries> find(String uidOrIndex) {
        for (DicomSeries s : series) {
            if (s.summary().seriesInstanceUID().equals(uidOrIndex)) {
                return Optional.of(s);
            }
        }
        for (DicomSeries s : series) {
            if (s.files().size() == 1 && s.first().sopInstanceUid.equals(uidOrIndex)) {
                return Optional.of(s);
            }
        }
        try {
            int i = Integer.parseInt(uidOrIndex.trim());
            return i >= 1 && i <= series.size() ? Optional.of(series.get(i - 1)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
