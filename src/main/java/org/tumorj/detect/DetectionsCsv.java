package org.tumorj.detect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tumorj.util.AtomicFiles;

/**
 * {@code detections.csv}: one row per finding, comma-separated, RFC 4180 quoting, UTF-8, header
 * first. Slices are 1-based as ImageJ shows them; pixel coordinates are 0-based column/row with
 * pixel centres at integers (ImageJ's Measure reports centroids 0.5 higher); mm are DICOM patient
 * coordinates (LPS). The patient ID column appears only when asked for; patient names never.
 * Numbers have fixed decimals so the same detections always give the same bytes. A text cell
 * starting with {@code = + - @} gets a leading apostrophe (spreadsheet formula injection).
 */
public final class DetectionsCsv {
    private DetectionsCsv() {}

    /** The columns, in order, without {@code patient_id}. */
    public static final List<String> COLUMNS = List.of(
            "study", "series", "finding_id", "slice_first", "slice_last", "slice_count",
            "centroid_x_px", "centroid_y_px", "centroid_slice",
            "centroid_x_mm", "centroid_y_mm", "centroid_z_mm",
            "area_mm2", "volume_mm3", "voxels", "score", "probability_max", "probability_mean",
            "bbox_x_px", "bbox_y_px", "bbox_width_px", "bbox_height_px");

    /** Inserted after {@code series} when {@code includePatientId} is set. */
    public static final String PATIENT_ID = "patient_id";

    /** Writes the findings of all series, in the given order, to {@code target} atomically. */
    public static void write(Path target, List<Detections> series, boolean includePatientId) throws IOException {
        AtomicFiles.writeString(target, format(series, includePatientId));
    }

    /** The file's content. */
    public static String format(List<Detections> series, boolean includePatientId) {
        StringBuilder out = new StringBuilder();
        line(out, header(includePatientId));
        for (Detections d : series) {
            for (Finding f : d.findings()) {
                List<String> r = row(d, f, includePatientId);
                for (int text = 0; text < (includePatientId ? 3 : 2); text++) { // study, series[, patient_id]
                    r.set(text, notAFormula(r.get(text)));
                }
                line(out, r);
            }
        }
        return out.toString();
    }

    /**
     * A text cell that a spreadsheet would run as a formula (a leading {@code =}, {@code +},
     * {@code -} or {@code @}: a study folder may be named so) with an apostrophe in front, as
     * spreadsheets themselves mark text; only for text columns, never for numbers.
     */
    public static String notAFormula(String text) {
        return text != null && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    public static List<String> header(boolean includePatientId) {
        List<String> h = new ArrayList<>(COLUMNS);
        if (includePatientId) {
            h.add(2, PATIENT_ID);
        }
        return h;
    }

    /**
     * The cells of one finding's row, in the order of {@link #header}: what the file holds, and
     * what ImageJ's Results table shows under the same column names.
     */
    public static List<String> row(Detections d, Finding f, boolean includePatientId) {
        List<String> r = new ArrayList<>(COLUMNS.size() + 1);
        r.add(d.study());
        r.add(d.info().seriesInstanceUid());
        if (includePatientId) {
            r.add(d.info().patientId());
        }
        r.add(Integer.toString(f.id()));
        r.add(Integer.toString(f.sliceFirst() + 1));
        r.add(Integer.toString(f.sliceLast() + 1));
        r.add(Integer.toString(f.sliceLast() - f.sliceFirst() + 1));
        r.add(fixed(f.centroidPx().x(), 2));
        r.add(fixed(f.centroidPx().y(), 2));
        r.add(fixed(f.centroidPx().z() + 1, 2));
        r.add(fixed(f.centroidMm().x(), 2));
        r.add(fixed(f.centroidMm().y(), 2));
        r.add(fixed(f.centroidMm().z(), 2));
        r.add(fixed(f.maxAreaMm2(), 2));
        r.add(fixed(f.volumeMm3(), 2));
        r.add(Long.toString(f.voxelCount()));
        r.add(fixed(f.score(), SCORE_DECIMALS));
        r.add(fixed(f.probabilityMax(), SCORE_DECIMALS));
        r.add(fixed(f.probabilityMean(), SCORE_DECIMALS));
        r.add(Integer.toString(f.bounds().x()));
        r.add(Integer.toString(f.bounds().y()));
        r.add(Integer.toString(f.bounds().width()));
        r.add(Integer.toString(f.bounds().height()));
        return r;
    }

    /**
     * Prior-corrected probabilities of faint findings are small (1e-4 and below) and confident
     * ones close to 1: seven decimals keep both ranked apart for FROC analysis.
     */
    static final int SCORE_DECIMALS = 7;

    static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(fields.get(i)));
        }
        out.append('\n');
    }

    /** RFC 4180: quote fields holding a comma, quote or line break; double inner quotes. */
    static String quoted(String s) {
        String v = s == null ? "" : s;
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
