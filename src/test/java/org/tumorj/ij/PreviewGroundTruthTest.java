package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.annotation.RoiSetZip;
import org.tumorj.dataset.AnnotationReader;
import org.tumorj.detect.DenseDetector;
import org.tumorj.detect.DetectionParams;
import org.tumorj.detect.Detections;
import org.tumorj.detect.FakeBackbone;
import org.tumorj.detect.FakeHead;
import org.tumorj.detect.TestVolumes;
import org.tumorj.evaluation.GroundTruth;
import org.tumorj.evaluation.Lesion;
import org.tumorj.evaluation.LesionMatching;
import org.tumorj.pipeline.DicomStudies;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * Headless: the preview PNG of a shipped, annotated phantom study draws its lesions as they were
 * outlined, green where a finding hit the lesion and red where none did, false positives yellow,
 * at the lesion's place in the montage. The findings come from a stand-in probability volume: a
 * disc on the first lesion (a hit) and one away from every lesion (a false positive).
 */
class PreviewGroundTruthTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final Path STUDY = Path.of("test-images/phantoms/ct/ct-0001");
    private static final Path SHOWN = Path.of("target/screenshots/preview-ground-truth.png");
    private static Volume volume;
    private static GroundTruth truth;

    @BeforeAll
    static void load() throws IOException {
        volume = DicomStudies.standard(Progress.none()).load(STUDY, Progress.none());
        AnnotationClasses classes = AnnotationClasses.defaults();
        truth = GroundTruth.fromAnnotations(volume.info(),
                AnnotationReader.standard(RoiSetZip.NO_GROUP_NAMES).read(STUDY, volume),
                label -> classes.role(label) == AnnotationClasses.Role.POSITIVE);
    }

    @Test
    void previewOutlinesTheHitLesionGreenTheMissedOneRedAndTheFalsePositiveYellow(@TempDir Path out)
            throws IOException {
        assertTrue(truth.lesions().size() >= 2, "ct-0001 has lesions to hit and to miss");
        Lesion hit = truth.lesions().get(0);
        Lesion missed = truth.lesions().get(1);
        double r = hit.radiusMm() / volume.info().spacingX();
        TestVolumes.Disc onHit = new TestVolumes.Disc(hit.centroidPx().x(), hit.centroidPx().y(), Math.max(3, r * 0.8),
                hit.sliceFirst(), hit.sliceLast(), 0.9f);
        int[] free = freeCorner();
        TestVolumes.Disc elsewhere = new TestVolumes.Disc(free[0], free[1], 4, free[2], free[2], 0.8f);
        Detections d = new DenseDetector(new FakeBackbone(1, 2), new FakeHead(2), TestVolumes.identity(1),
                DetectionParams.of(0.5)).detect(TestVolumes.discs(volume.info(), 0.05f, onHit, elsewhere), "ct-0001",
                Progress.none());
        LesionMatching m = LesionMatching.of(d, truth);
        assertEquals(2, d.findings().size());
        assertTrue(m.isHit(hit.id()) && !m.isHit(missed.id()), "the stand-in finds the first lesion only");
        assertEquals(1, m.falsePositives().size());

        new DetectionOutputs().write(out, volume, d, m);
        java.nio.file.Files.createDirectories(SHOWN.getParent()); // for a person to look at
        java.nio.file.Files.copy(out.resolve(DetectionOutputs.PREVIEW_PNG), SHOWN,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        BufferedImage png = ImageIO.read(out.resolve(DetectionOutputs.PREVIEW_PNG).toFile());
        List<Integer> tiles = DetectionFiles.montageSlices(d, volume.depth(), ReferenceOverlay.lesionSlices(m));
        assertOutlined(png, tiles, hit, ReferenceOverlay.HIT, ReferenceOverlay.MISSED);
        assertOutlined(png, tiles, missed, ReferenceOverlay.MISSED, ReferenceOverlay.HIT);
        int fpTile = tiles.indexOf(free[2]);
        assertTrue(count(png, tile(tiles, fpTile), free[0] - 6, free[1] - 6, 13, 13, ReferenceOverlay.FALSE_POSITIVE) > 5,
                "the false positive's outline is yellow");
        assertTrue(png.getHeight() >= rows(tiles) * volume.height() + 15, "a legend strip under the tiles");
    }

    @Test
    void previewOfAStudyWithoutAnnotationsHasNoLesionColours(@TempDir Path out) throws IOException {
        int[] free = freeCorner();
        Detections d = new DenseDetector(new FakeBackbone(1, 2), new FakeHead(2), TestVolumes.identity(1),
                DetectionParams.of(0.5)).detect(TestVolumes.discs(volume.info(), 0.05f,
                new TestVolumes.Disc(free[0], free[1], 4, free[2], free[2], 0.8f)), "ct-0001", Progress.none());
        new DetectionOutputs().write(out, volume, d);
        BufferedImage png = ImageIO.read(out.resolve(DetectionOutputs.PREVIEW_PNG).toFile());
        assertEquals(0, count(png, new int[] {0, 0}, 0, 0, png.getWidth(), png.getHeight(), ReferenceOverlay.HIT));
        assertTrue(png.getHeight() < volume.height() + 10, "one tile and no legend strip: " + png.getHeight());
    }

    /**
     * Most points along the lesion's outline on its centre slice are drawn in {@code colour}, none in
     * {@code not}: its outline is at the lesion's place, in the colour of what happened to it.
     */
    private static void assertOutlined(BufferedImage png, List<Integer> tiles, Lesion lesion, Color colour, Color not) {
        int z = (int) Math.round(lesion.centroidPx().z());
        GroundTruth.Outline o = truth.outlines().stream().filter(x -> x.lesionId() == lesion.id() && x.z() == z)
                .findFirst().orElseThrow();
        int[] origin = tile(tiles, tiles.indexOf(z));
        int near = 0;
        for (int i = 0; i < o.xs().length; i++) {
            near += count(png, origin, Math.round(o.xs()[i]) - 1, Math.round(o.ys()[i]) - 1, 3, 3, colour) > 0 ? 1 : 0;
        }
        assertTrue(near >= o.xs().length * 0.7, "lesion " + lesion.id() + ": " + near + " of " + o.xs().length
                + " outline points drawn in " + colour);
        var box = bounds(o);
        assertFalse(count(png, origin, box[0] - 2, box[1] - 2, box[2] + 5, box[3] + 5, not) > 0,
                "lesion " + lesion.id() + " is not also drawn in " + not);
    }

    /** A slice and a spot 30 px from the image's corner that are no lesion's: a false positive's place. */
    private static int[] freeCorner() {
        int z = truth.lesions().get(0).sliceFirst();
        double[] p = volume.info().toPatient(30, 30, z);
        for (Lesion l : truth.lesions()) {
            double dx = p[0] - l.centroidMm().x(), dy = p[1] - l.centroidMm().y(), dz = p[2] - l.centroidMm().z();
            assertTrue(Math.sqrt(dx * dx + dy * dy + dz * dz) > l.radiusMm() + 10, "the corner is off every lesion");
        }
        return new int[] {30, 30, z};
    }

    private static int[] bounds(GroundTruth.Outline o) {
        float x0 = Float.MAX_VALUE, y0 = Float.MAX_VALUE, x1 = -1, y1 = -1;
        for (int i = 0; i < o.xs().length; i++) {
            x0 = Math.min(x0, o.xs()[i]);
            y0 = Math.min(y0, o.ys()[i]);
            x1 = Math.max(x1, o.xs()[i]);
            y1 = Math.max(y1, o.ys()[i]);
        }
        return new int[] {(int) x0, (int) y0, (int) (x1 - x0), (int) (y1 - y0)};
    }

    /** Top-left corner of montage tile {@code i}: MontageMaker lays out tiles row by row at scale 1. */
    private static int[] tile(List<Integer> tiles, int i) {
        int columns = (int) Math.ceil(Math.sqrt(tiles.size()));
        return new int[] {(i % columns) * volume.width(), (i / columns) * volume.height()};
    }

    private static int rows(List<Integer> tiles) {
        int columns = (int) Math.ceil(Math.sqrt(tiles.size()));
        return (int) Math.ceil((double) tiles.size() / columns);
    }

    /**
     * Pixels of {@code colour}'s hue in the rectangle x, y, w, h of a tile: its full channels at
     * least 60 above its empty ones (outlines are antialiased over a grey image, whose channels are equal).
     */
    private static int count(BufferedImage img, int[] origin, int x, int y, int w, int h, Color colour) {
        int n = 0;
        for (int j = Math.max(0, y); j < Math.min(img.getHeight() - origin[1], y + h); j++) {
            for (int i = Math.max(0, x); i < Math.min(img.getWidth() - origin[0], x + w); i++) {
                Color c = new Color(img.getRGB(origin[0] + i, origin[1] + j));
                if (ofHue(c, colour)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean ofHue(Color c, Color pure) {
        int[] v = {c.getRed(), c.getGreen(), c.getBlue()};
        int[] p = {pure.getRed(), pure.getGreen(), pure.getBlue()};
        int lowestFull = 255, highestEmpty = 0;
        for (int k = 0; k < 3; k++) {
            if (p[k] > 127) {
                lowestFull = Math.min(lowestFull, v[k]);
            } else {
                highestEmpty = Math.max(highestEmpty, v[k]);
            }
        }
        return lowestFull - highestEmpty >= 60;
    }
}
