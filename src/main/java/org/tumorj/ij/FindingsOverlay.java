package org.tumorj.ij;

import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tumorj.detect.BodyMask;
import org.tumorj.detect.Detections;
import org.tumorj.detect.DetectionsCsv;
import org.tumorj.detect.Finding;
import org.tumorj.detect.LungFieldMask;
import org.tumorj.detect.FindingSlice;
import org.tumorj.volume.BoundingBox;
import org.tumorj.volume.Contour;

/**
 * Puts detections back onto the image: each finding's outline on each of its slices, coloured by
 * score on the fire scale and labelled "id score"; the probability map as a semi-transparent heat
 * map (one {@link ImageRoi} per slice, same scale); a colour bar as the legend. TumorJ's overlay
 * elements carry their kind as name and as the ROI property {@value #KIND} (ImageJ forgets the name
 * of an image ROI when it reads a TIFF back, but keeps properties), so commands can remove or toggle
 * them without touching the user's own overlay. Works headless: no window is needed to build,
 * flatten or save an overlay.
 */
public final class FindingsOverlay {
    private FindingsOverlay() {}

    /** Name of every finding outline in the overlay (the ROI Manager copies are "tumor &lt;id&gt;"). */
    public static final String OUTLINE = "tumorj-outline";
    public static final String LABEL = "tumorj-label";
    public static final String HEAT_MAP = "tumorj-heatmap";
    public static final String LEGEND = "tumorj-legend";
    /**
     * Probabilities below this, or below the detection threshold when that is lower, are
     * transparent in the heat map, so empty tissue stays readable. (Per-pixel models correct
     * their probabilities to the real tumour prior: their findings can score 0.05.)
     */
    public static final double HEAT_MAP_FLOOR = 0.2;
    public static final double HEAT_MAP_OPACITY = 0.4;
    /** ROI property of a finding's outlines and labels: the finding's id, so pictures can recolour them. */
    public static final String FINDING = "tumorj.finding";
    /** ROI property naming the kind of a TumorJ overlay element. */
    public static final String KIND = "tumorj.kind";
    /** Image property holding the heat-map ROIs while the heat map is hidden. */
    private static final String HIDDEN_HEAT_MAP = "tumorj.hiddenHeatMap";

    /**
     * Replaces TumorJ's elements in the overlay of {@code imp} (the user's own overlay ROIs stay)
     * with the outlines, labels and legend of {@code d}, plus the heat map when {@code heatMap}.
     */
    public static void show(ImagePlus imp, Detections d, boolean heatMap) {
        checkSize(imp, d);
        Overlay overlay = imp.getOverlay() == null ? new Overlay() : imp.getOverlay();
        removeOurs(overlay);
        List<Roi> heat = heatMapRois(imp, d);
        imp.setProperty(HIDDEN_HEAT_MAP, heatMap ? null : heat);
        if (heatMap) {
            heat.forEach(overlay::add);
        }
        outlineRois(imp, d).forEach(overlay::add);
        legendRois(imp, heatMapFloor(d)).forEach(overlay::add);
        imp.setOverlay(overlay);
    }

    /** Shows or hides the heat map of an image on which {@link #show} was called. */
    public static void setHeatMapVisible(ImagePlus imp, boolean visible) {
        Overlay overlay = imp.getOverlay();
        if (overlay == null) {
            return;
        }
        List<Roi> shown = elements(overlay, HEAT_MAP);
        if (visible && shown.isEmpty() && imp.getProperty(HIDDEN_HEAT_MAP) instanceof List<?> hidden) {
            Overlay rebuilt = new Overlay();
            hidden.forEach(r -> rebuilt.add((Roi) r));
            for (Roi r : overlay.toArray()) {
                rebuilt.add(r);
            }
            imp.setProperty(HIDDEN_HEAT_MAP, null);
            imp.setOverlay(rebuilt);
        } else if (!visible && !shown.isEmpty()) {
            shown.forEach(overlay::remove);
            imp.setProperty(HIDDEN_HEAT_MAP, shown);
            imp.updateAndDraw();
        }
    }

    /** Whether {@link #setHeatMapVisible} (or {@link #show} without it) keeps a hidden heat map for the image. */
    public static boolean hasHiddenHeatMap(ImagePlus imp) {
        return imp.getProperty(HIDDEN_HEAT_MAP) instanceof List<?>;
    }

    public static boolean isHeatMapVisible(ImagePlus imp) {
        return imp.getOverlay() != null && !elements(imp.getOverlay(), HEAT_MAP).isEmpty();
    }

    /** Removes TumorJ's outlines, labels, heat map and legend, keeping everything else. */
    public static void removeOurs(Overlay overlay) {
        for (String kind : new String[] {OUTLINE, LABEL, HEAT_MAP, LEGEND}) {
            elements(overlay, kind).forEach(overlay::remove);
        }
    }

    /** The overlay elements of one kind ({@link #OUTLINE}, {@link #LABEL}, {@link #HEAT_MAP}, {@link #LEGEND}). */
    public static List<Roi> elements(Overlay overlay, String kind) {
        List<Roi> out = new ArrayList<>();
        for (Roi r : overlay.toArray()) {
            if (kind.equals(r.getProperty(KIND)) || kind.equals(r.getName())) {
                out.add(r);
            }
        }
        return out;
    }

    private static <R extends Roi> R tag(R roi, String kind) {
        roi.setName(kind);
        roi.setProperty(KIND, kind);
        return roi;
    }

    /** Outline and label ROIs, positioned on their slices. */
    public static List<Roi> outlineRois(ImagePlus imp, Detections d) {
        List<Roi> rois = new ArrayList<>();
        Font font = new Font("SansSerif", Font.PLAIN, fontSize(imp));
        java.util.Map<Integer, List<java.awt.Rectangle>> labelled = new java.util.HashMap<>();
        for (Finding f : d.findings()) {
            Color c = ScoreColors.of(f.score());
            int labelledZ = -1;
            for (FindingSlice s : f.slices()) {
                Roi outline = polygon(s.contour());
                tag(outline, OUTLINE);
                outline.setStrokeColor(c);
                outline.setProperty(FINDING, Integer.toString(f.id()));
                position(imp, outline, s.z());
                rois.add(outline);
                if (s.z() != labelledZ) {
                    rois.add(label(imp, f, s, font, c, labelled.computeIfAbsent(s.z(), z -> new ArrayList<>())));
                    labelledZ = s.z();
                }
            }
        }
        return rois;
    }

    /**
     * The finding's number and score above its outline; moved down, a line at a time, past the
     * labels already placed on the slice ({@code taken}), so neighbouring findings stay readable.
     */
    private static Roi label(ImagePlus imp, Finding f, FindingSlice s, Font font, Color c, List<java.awt.Rectangle> taken) {
        var box = s.region().bounds();
        double y = Math.max(0, box.y() - font.getSize() - 2);
        TextRoi t = new TextRoi(box.x(), y, f.id() + " " + scoreText(f.score()), font);
        for (int tries = 0; tries < 8 && taken.stream().anyMatch(r -> r.intersects(t.getBounds())); tries++) {
            t.setLocation(t.getXBase(), t.getYBase() + t.getBounds().height + 1);
        }
        taken.add(t.getBounds());
        tag(t, LABEL);
        t.setProperty(FINDING, Integer.toString(f.id()));
        t.setStrokeColor(c);
        position(imp, t, s.z());
        return t;
    }

    /** Two decimals, or three significant digits near 0 and 1, where two decimals would show 0.00 or 1.00 for all. */
    static String scoreText(double score) {
        return String.format(java.util.Locale.ROOT, score < 0.01 || score > 0.99 ? "%.3g" : "%.2f", score);
    }

    /** ImageJ traced-polygon ROI with pixel-corner vertices: its mask is the region's pixels. */
    static PolygonRoi polygon(Contour c) {
        return new PolygonRoi(c.xs(), c.ys(), c.size(), Roi.TRACED_ROI);
    }

    /**
     * One ImageRoi per slice whose highest probability reaches {@link #HEAT_MAP_FLOOR} or the
     * detection threshold, whichever is lower (the others
     * would be fully transparent), the probability scaled to 0..255 through the fire LUT. On CT
     * detected with the body mask (as findings are), the map is drawn only inside the body: the
     * air around the patient stays transparent, whatever the model made of it; on a radiograph,
     * only inside the lung fields when they are found.
     */
    public static List<Roi> heatMapRois(ImagePlus imp, Detections d) {
        List<Roi> rois = new ArrayList<>();
        int w = d.maps().width(), h = d.maps().height();
        float floor = heatMapFloor(d);
        for (int z = 0; z < d.maps().depth(); z++) {
            if (d.maps().map(z).max() < floor) {
                continue;
            }
            float[] p = d.maps().slice(z);
            boolean[] body = bodyMask(imp, d, z);
            byte[] px = new byte[w * h];
            for (int i = 0; i < px.length; i++) {
                px[i] = p[i] < floor || body != null && !body[i] ? 0 : (byte) colour(p[i], floor);
            }
            ByteProcessor bp = new ByteProcessor(w, h, px, ScoreColors.lut());
            ImageRoi roi = new ImageRoi(0, 0, bp);
            roi.setZeroTransparent(true);
            roi.setOpacity(HEAT_MAP_OPACITY);
            tag(roi, HEAT_MAP);
            position(imp, roi, z);
            rois.add(roi);
        }
        return rois;
    }

    /**
     * The body on slice {@code z} of the image (its HU, as Open DICOM Series gives them), the mask
     * the findings were cut with ({@link BodyMask}); null when the findings were not masked (not
     * CT, mask off) or the image holds no HU any more (converted).
     */
    private static boolean[] bodyMask(ImagePlus imp, Detections d, int z) {
        if (d.info().isProjection()) {
            return lungFields(imp, d);
        }
        if (!d.params().bodyMask() || !"CT".equalsIgnoreCase(d.info().modality()) || imp.getBitDepth() != 32) {
            return null;
        }
        int index = imp.isHyperStack() ? imp.getStackIndex(1, z + 1, 1) : z + 1;
        return BodyMask.compute((float[]) imp.getStack().getPixels(index), imp.getWidth(), imp.getHeight(),
                d.params().airHu());
    }

    /**
     * The lung fields of a radiograph ({@link LungFieldMask}), where a reader looks for nodules.
     * The drawing is masked here; a chest radiograph bundle's findings were already cut with the
     * same mask, and an older bundle's finding outside the fields (behind the heart or the
     * diaphragm, where readers miss nodules) keeps its box drawn. Null (the whole image) when none
     * are found, e.g. not a chest image, or when the image no longer holds the radiograph's values
     * (converted or resized).
     */
    private static boolean[] lungFields(ImagePlus imp, Detections d) {
        int w = d.info().width(), h = d.info().height();
        if (imp.getBitDepth() != 16 && imp.getBitDepth() != 32 || imp.getWidth() != w || imp.getHeight() != h
                || d.maps().width() != w || d.maps().height() != h) {
            return null;
        }
        ImageProcessor ip = imp.getStack().getProcessor(1);
        ij.measure.Calibration cal = imp.getCalibration();
        float[] px = new float[imp.getWidth() * imp.getHeight()];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) cal.getCValue(ip.getf(i)); // modality values, as the detector saw them
        }
        boolean[] lungs = LungFieldMask.compute(px, d.info());
        if (lungs != null) {
            for (Finding f : d.findings()) {
                BoundingBox b = f.bounds();
                for (int y = Math.max(0, b.y()); y < Math.min(h, b.y() + b.height()); y++) {
                    Arrays.fill(lungs, y * w + Math.max(0, b.x()), y * w + Math.min(w, b.x() + b.width()), true);
                }
            }
        }
        return lungs;
    }

    /**
     * The probability below which the heat map is transparent: half the weakest reported
     * finding's peak (findings are grown at half their peak), at most {@link #HEAT_MAP_FLOOR};
     * that floor when nothing was found. Not the detection threshold: with a finding scorer the
     * threshold applies to scores, on another scale than pixel probabilities, and a low one would
     * colour the whole image.
     */
    static float heatMapFloor(Detections d) {
        double weakest = d.findings().stream().mapToDouble(Finding::probabilityMax).min().orElse(2 * HEAT_MAP_FLOOR);
        return (float) Math.min(HEAT_MAP_FLOOR, weakest / 2);
    }

    /**
     * The fire-LUT index of a probability at or above the floor: the floor itself at a quarter of
     * the scale, 1 at the top, so that a finding just above a low threshold is visible, not black.
     */
    static int colour(float p, float floor) {
        float t = floor >= 1 ? 1 : (Math.min(1f, p) - floor) / (1 - floor);
        return Math.max(1, Math.round(64 + t * 191));
    }

    /**
     * A vertical colour bar (probability 0 at the bottom, 1 at the top) with its scale and the
     * heat map's floor marked, on every slice; its title kept inside the image.
     */
    public static List<Roi> legendRois(ImagePlus imp, double floor) {
        int fs = fontSize(imp);
        int barW = Math.max(6, imp.getWidth() / 40), barH = Math.max(40, imp.getHeight() / 4);
        int x = imp.getWidth() - barW - 3 * fs - 4, y = fs + 6;
        ColorProcessor bar = new ColorProcessor(barW, barH);
        for (int j = 0; j < barH; j++) {
            bar.setColor(ScoreColors.of(1 - (double) j / (barH - 1)));
            bar.drawLine(0, j, barW - 1, j);
        }
        ImageRoi image = new ImageRoi(x, y, bar);
        Font font = new Font("SansSerif", Font.PLAIN, fs);
        List<Roi> rois = new ArrayList<>(List.of(image,
                text(x + barW + 2, y - fs / 2.0, "1.0", font),
                text(x + barW + 2, y + barH - fs / 2.0, "0.0", font),
                text(x + barW + 2, y + (1 - floor) * barH - fs / 2.0,
                        String.format(java.util.Locale.ROOT, floor < 0.01 ? "%.1g" : "%.2f", floor), font),
                title(imp, x - fs, y - fs - 4, "p(tumor)", font)));
        rois.forEach(r -> tag(r, LEGEND));
        return rois;
    }

    /** Text whose right end stays inside the image: moved left when it would run past the edge. */
    private static TextRoi title(ImagePlus imp, double x, double y, String s, Font font) {
        TextRoi t = text(x, y, s, font);
        double overrun = t.getBounds().x + t.getBounds().width + 2 - imp.getWidth();
        if (overrun > 0) {
            t.setLocation(Math.max(0, t.getXBase() - overrun), t.getYBase());
        }
        return t;
    }

    private static TextRoi text(double x, double y, String s, Font font) {
        TextRoi t = new TextRoi(x, Math.max(0, y), s, font);
        t.setStrokeColor(Color.WHITE);
        return t;
    }

    /**
     * One polygon ROI per finding and slice, named "tumor &lt;id&gt;" and positioned, for review and
     * correction in the ROI Manager; corrected ROIs can be used as training annotations.
     */
    public static List<Roi> reviewRois(ImagePlus imp, Detections d) {
        List<Roi> rois = new ArrayList<>();
        for (Finding f : d.findings()) {
            for (FindingSlice s : f.slices()) {
                Roi r = polygon(s.contour());
                r.setName("tumor " + f.id());
                r.setStrokeColor(ScoreColors.of(f.score()));
                position(imp, r, s.z());
                rois.add(r);
            }
        }
        return rois;
    }

    /**
     * Adds {@link #reviewRois} to a ROI Manager. The ROI Manager is a window: in a headless JVM it
     * cannot exist (use {@link #reviewRois} there).
     */
    public static void addToRoiManager(ImagePlus imp, Detections d, RoiManager manager) {
        for (Roi r : reviewRois(imp, d)) {
            manager.add(imp, r, -1);
        }
    }

    /**
     * A Results table with one row per finding of every series, in order, under the column names
     * of {@code detections.csv} (without the patient ID), so that a macro reads
     * {@code getResult("score", 0)} as a script reads the file.
     */
    public static ResultsTable resultsTable(List<Detections> series) {
        ResultsTable rt = new ResultsTable();
        List<String> columns = DetectionsCsv.header(false);
        for (Detections d : series) {
            for (Finding f : d.findings()) {
                rt.incrementCounter();
                List<String> cells = DetectionsCsv.row(d, f, false);
                for (int c = 0; c < columns.size(); c++) {
                    addCell(rt, columns.get(c), cells.get(c));
                }
            }
        }
        if (rt.size() > 0) { // without findings the columns do not exist, and ImageJ refuses index -1
            for (String column : new String[] {"score", "probability_max", "probability_mean"}) {
                rt.setDecimalPlaces(rt.getColumnIndex(column), 4);
            }
        }
        return rt;
    }

    /** A number where the cell is one (so that macros compute with it), text otherwise (study, series UID). */
    private static void addCell(ResultsTable rt, String column, String cell) {
        boolean text = "study".equals(column) || "series".equals(column);
        if (text) {
            rt.addValue(column, cell);
        } else {
            rt.addValue(column, Double.parseDouble(cell));
        }
    }

    /** Slice position: plain stacks by index, hyperstacks by (channel 0 = all, z, frame 0 = all). */
    static void position(ImagePlus imp, Roi roi, int z) {
        if (imp.isHyperStack()) {
            roi.setPosition(0, z + 1, 0);
        } else {
            roi.setPosition(z + 1);
        }
    }

    private static int fontSize(ImagePlus imp) {
        return Math.max(9, Math.min(imp.getWidth(), imp.getHeight()) / 32);
    }

    private static void checkSize(ImagePlus imp, Detections d) {
        if (imp.getWidth() != d.maps().width() || imp.getHeight() != d.maps().height()
                || imp.getNSlices() != d.maps().depth()) {
            throw new IllegalArgumentException("image " + imp.getTitle() + " is " + imp.getWidth() + "x" + imp.getHeight()
                    + "x" + imp.getNSlices() + " but the detections are for a " + d.maps().width() + "x"
                    + d.maps().height() + "x" + d.maps().depth() + " series");
        }
    }
}
