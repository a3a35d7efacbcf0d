package org.tumorj.ij;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.process.ColorProcessor;
import ij.process.FloatPolygon;
import ij.process.ImageProcessor;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tumorj.evaluation.GroundTruth;
import org.tumorj.evaluation.Lesion;
import org.tumorj.evaluation.LesionMatching;

/**
 * The reference standard in a detection picture, so a hit can be judged by eye: each annotated
 * lesion outlined as drawn, green when a finding hit it and red when none did, by the evaluation's
 * hit rule ({@link LesionMatching}); findings that hit no lesion outlined yellow, those on a lesion
 * cyan (the score colours would otherwise show yellow and red too); and a legend strip under
 * the picture with the counts.
 */
public final class ReferenceOverlay {
    private ReferenceOverlay() {}

    public static final Color HIT = new Color(0, 255, 0);
    public static final Color MISSED = new Color(255, 0, 0);
    public static final Color FALSE_POSITIVE = new Color(255, 255, 0);
    public static final Color ON_LESION = new Color(0, 255, 255);
    /** Name and {@link FindingsOverlay#KIND} of the lesion outlines. */
    public static final String LESION = "tumorj-lesion";

    /**
     * Adds the lesion outlines to the overlay of {@code imp} (on which {@link FindingsOverlay#show}
     * drew the findings) and recolours the findings' outlines and labels by what they hit.
     */
    public static void add(ImagePlus imp, LesionMatching m) {
        Overlay overlay = imp.getOverlay() == null ? new Overlay() : imp.getOverlay();
        Set<String> falsePositives = new java.util.HashSet<>();
        m.falsePositives().forEach(f -> falsePositives.add(Integer.toString(f.id())));
        for (Roi r : overlay.toArray()) {
            Object finding = r.getProperty(FindingsOverlay.FINDING);
            if (finding != null) {
                r.setStrokeColor(falsePositives.contains(finding.toString()) ? FALSE_POSITIVE : ON_LESION);
            }
        }
        for (GroundTruth.Outline o : m.truth().outlines()) {
            PolygonRoi roi = new PolygonRoi(new FloatPolygon(o.xs(), o.ys()), Roi.POLYGON);
            roi.setName(LESION);
            roi.setProperty(FindingsOverlay.KIND, LESION);
            roi.setStrokeColor(m.isHit(o.lesionId()) ? HIT : MISSED);
            FindingsOverlay.position(imp, roi, o.z());
            overlay.add(roi);
        }
        imp.setOverlay(overlay);
    }

    /** Slices that show each lesion at its centre, the missed ones first, then the hit ones (0-based). */
    public static List<Integer> lesionSlices(LesionMatching m) {
        Set<Integer> slices = new LinkedHashSet<>();
        for (boolean missed : new boolean[] {true, false}) {
            for (Lesion l : m.truth().lesions()) {
                if (m.isHit(l.id()) != missed) {
                    slices.add((int) Math.round(l.centroidPx().z()));
                }
            }
        }
        return new ArrayList<>(slices);
    }

    /** The picture with a legend strip below it: what each colour means, with the counts. */
    public static ImagePlus withLegend(ImagePlus picture, LesionMatching m) {
        int lesions = m.truth().lesions().size(), hit = m.hitLesions();
        int fp = m.falsePositives().size();
        List<Entry> entries = List.of(new Entry(HIT, "lesion hit (" + hit + ")"),
                new Entry(MISSED, "lesion missed (" + (lesions - hit) + ")"),
                new Entry(ON_LESION, "finding on a lesion"), new Entry(FALSE_POSITIVE, "false positive (" + fp + ")"));
        ImageProcessor src = picture.getProcessor().convertToRGB();
        Font font = new Font("SansSerif", Font.PLAIN, 11);
        int lineH = 15, width = src.getWidth();
        List<List<Entry>> lines = wrap(entries, src, font, width);
        ColorProcessor out = new ColorProcessor(width, src.getHeight() + lines.size() * lineH + 4);
        out.setColor(Color.BLACK);
        out.fill();
        out.insert(src, 0, 0);
        out.setFont(font);
        out.setAntialiasedText(false); // the legend's colours stay the outlines' exact colours
        for (int i = 0; i < lines.size(); i++) {
            int x = 4, y = src.getHeight() + 2 + (i + 1) * lineH - 3;
            for (Entry e : lines.get(i)) {
                out.setColor(e.colour());
                out.fillRect(x, y - 9, 9, 9);
                out.setColor(Color.WHITE);
                out.drawString(e.text(), x + 12, y);
                x += entryWidth(out, e);
            }
        }
        return new ImagePlus(picture.getTitle(), out);
    }

    private record Entry(Color colour, String text) {}

    /** The entries, as many to a line as fit the picture's width (at least one). */
    private static List<List<Entry>> wrap(List<Entry> entries, ImageProcessor ip, Font font, int width) {
        ip.setFont(font);
        List<List<Entry>> lines = new ArrayList<>();
        List<Entry> line = new ArrayList<>();
        int used = 4;
        for (Entry e : entries) {
            int w = entryWidth(ip, e);
            if (!line.isEmpty() && used + w > width) {
                lines.add(line);
                line = new ArrayList<>();
                used = 4;
            }
            line.add(e);
            used += w;
        }
        lines.add(line);
        return lines;
    }

    private static int entryWidth(ImageProcessor ip, Entry e) {
        return 12 + ip.getStringWidth(e.text()) + 10;
    }

}
