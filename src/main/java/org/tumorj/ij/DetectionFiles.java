package org.tumorj.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.plugin.MontageMaker;
import ij.process.ImageProcessor;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.tumorj.detect.Detections;
import org.tumorj.detect.Finding;
import org.tumorj.detect.FindingSlice;
import org.tumorj.evaluation.LesionMatching;

/**
 * The detection pictures written through ImageJ: the stack with its overlay (TIFF that Fiji opens
 * with the overlay) and a PNG montage of the slices with findings.
 * Each is written under a temporary name beside the target and renamed into place, so a
 * half-written file never carries the final name. Saving never renames or marks the user's image.
 */
public final class DetectionFiles {
    private DetectionFiles() {}

    /** At most this many slices in the montage. */
    public static final int MONTAGE_TILES = 16;

    @FunctionalInterface
    private interface Saver {
        boolean save(String path);
    }

    /** The image with its current overlay as a TIFF (the pixels are shared, not copied). */
    public static void saveOverlayTiff(ImagePlus imp, Path target) throws IOException {
        ImagePlus copy = new ImagePlus(imp.getTitle(), imp.getStack());
        copy.setCalibration(imp.getCalibration());
        copy.setDimensions(imp.getNChannels(), imp.getNSlices(), imp.getNFrames());
        copy.setOverlay(imp.getOverlay());
        copy.getProcessor().setMinAndMax(imp.getDisplayRangeMin(), imp.getDisplayRangeMax());
        FileSaver saver = new FileSaver(copy);
        atomically(target, copy.getStackSize() > 1 ? saver::saveAsTiffStack : saver::saveAsTiff);
    }

    /** {@link #saveMontagePng(ImagePlus, Detections, LesionMatching, Path)} of a study without annotations. */
    public static void saveMontagePng(ImagePlus imp, Detections d, Path target) throws IOException {
        saveMontagePng(imp, d, null, target);
    }

    /**
     * A montage of the slices with findings (for each finding, the slice where it is largest, at
     * most {@link #MONTAGE_TILES}, in slice order), overlay burnt in, labelled with the slice
     * number; the middle slice when there are no findings. {@code imp} must carry the overlay.
     * With {@code matching} (the study is annotated: {@link ReferenceOverlay#add} drew its lesions)
     * the centre slice of each lesion is shown too, the missed ones before any finding, and a legend
     * strip is added below.
     */
    public static void saveMontagePng(ImagePlus imp, Detections d, LesionMatching matching, Path target)
            throws IOException {
        List<Integer> slices = montageSlices(d, imp.getNSlices(),
                matching == null ? List.of() : ReferenceOverlay.lesionSlices(matching));
        ImageStack tiles = null;
        for (int z : slices) {
            ImagePlus flat = flattenSlice(imp, z);
            if (tiles == null) {
                tiles = new ImageStack(flat.getWidth(), flat.getHeight());
            }
            tiles.addSlice("slice " + (z + 1), flat.getProcessor());
        }
        int n = tiles.getSize();
        int columns = (int) Math.ceil(Math.sqrt(n));
        int rows = (int) Math.ceil((double) n / columns);
        double scale = Math.min(1, 384.0 / Math.max(imp.getWidth(), imp.getHeight()));
        ImagePlus montage = new MontageMaker().makeMontage2(new ImagePlus("montage", tiles), columns, rows,
                scale, 1, n, 1, 2, true);
        if (matching != null) {
            montage = ReferenceOverlay.withLegend(montage, matching);
        }
        FileSaver saver = new FileSaver(montage);
        atomically(target, saver::saveAsPng);
    }

    /** @param lesions slices shown before any finding's (lesion centres, missed ones first) */
    static List<Integer> montageSlices(Detections d, int depth, List<Integer> lesions) {
        TreeSet<Integer> slices = new TreeSet<>(lesions.subList(0, Math.min(lesions.size(), MONTAGE_TILES)));
        for (Finding f : d.findings()) {
            if (slices.size() == MONTAGE_TILES) {
                break;
            }
            slices.add(largestSlice(f));
        }
        if (slices.isEmpty()) {
            slices.add(depth / 2);
        }
        return new ArrayList<>(slices);
    }

    private static int largestSlice(Finding f) {
        int best = f.sliceFirst();
        for (FindingSlice s : f.slices()) {
            if (f.areaMm2(s.z()) > f.areaMm2(best)) {
                best = s.z();
            }
        }
        return best;
    }

    /** Slice {@code z} (0-based) in the image's display range, with the overlay elements on that slice. */
    private static ImagePlus flattenSlice(ImagePlus imp, int z) {
        ImageProcessor ip = imp.getStack().getProcessor(z + 1).duplicate();
        ip.setMinAndMax(imp.getDisplayRangeMin(), imp.getDisplayRangeMax());
        ImagePlus one = new ImagePlus("slice " + (z + 1), ip);
        Overlay all = imp.getOverlay();
        if (all != null) {
            Overlay here = new Overlay();
            for (Roi r : all.toArray()) {
                int pos = imp.isHyperStack() ? r.getZPosition() : r.getPosition();
                if (pos == 0 || pos == z + 1) {
                    Roi c = (Roi) r.clone();
                    c.setPosition(0);
                    here.add(c);
                }
            }
            one.setOverlay(here);
        }
        return one.flatten();
    }

    /** Runs an ImageJ saver on a temporary sibling, then renames it to {@code target}. */
    private static void atomically(Path target, Saver saver) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial");
        try {
            if (!saver.save(tmp.toString())) {
                throw new IOException(target + ": ImageJ could not write the file (disk full or not writable?)");
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
