package org.tumorj.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.tumorj.annotation.Annotation;
import org.tumorj.detect.ProbabilityMap;
import org.tumorj.detect.ProbabilityMaps;
import org.tumorj.volume.Shutter;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * The pixel grid a study is processed on and how it lies on the original pixels: working pixel
 * {@code i} covers original pixels {@code [i fx, (i + 1) fx)} (pixel-edge coordinates), so an
 * original position (edges) is the working one times the factor, and a pixel centre {@code c}
 * (centres at integers) maps to {@code (c + 0.5) f - 0.5}. The factors are exact (working spacing
 * over original spacing), not rounded to integers, so the working spacing is the same for every
 * scanner; the last working row and column may cover less than a whole footprint.
 *
 * @param width original columns
 * @param height original rows
 * @param factorX original pixels per working pixel along x, {@code >= 1}
 * @param factorY the same along y
 */
public record WorkingGrid(int width, int height, double factorX, double factorY) {

    public WorkingGrid {
        if (!(factorX >= 1 && factorY >= 1) || Double.isInfinite(factorX) || Double.isInfinite(factorY)) {
            throw new IllegalArgumentException("working grid factors must be finite and >= 1 (never upsampling), got "
                    + factorX + " x " + factorY);
        }
    }

    /** The original grid itself: nothing is resampled. */
    public static WorkingGrid identity(int width, int height) {
        return new WorkingGrid(width, height, 1, 1);
    }

    public boolean isIdentity() { return factorX == 1 && factorY == 1; }
    public int workingWidth() { return AreaAverage.outputSize(width, factorX); }
    public int workingHeight() { return AreaAverage.outputSize(height, factorY); }

    /** Original pixel-centre x of working pixel-centre x {@code x}. */
    public double toOriginalX(double x) { return (x + 0.5) * factorX - 0.5; }
    public double toOriginalY(double y) { return (y + 0.5) * factorY - 0.5; }
    /** Working pixel-centre x of original pixel-centre x {@code x}. */
    public double toWorkingX(double x) { return (x + 0.5) / factorX - 0.5; }
    public double toWorkingY(double y) { return (y + 0.5) / factorY - 0.5; }

    /** The volume area-averaged onto this grid, each slice; the volume itself when identity. */
    public Volume toWorking(Volume volume) {
        check(volume.info());
        if (isIdentity()) {
            return volume;
        }
        List<float[]> slices = new ArrayList<>(volume.depth());
        for (float[] s : volume.slices()) {
            slices.add(AreaAverage.downsample(s, width, height, factorX, factorY));
        }
        return new Volume(toWorking(volume.info()), slices);
    }

    /**
     * The geometry of the working image: coarser spacing, the origin at working pixel 0's centre,
     * the shutter on working pixels; identifiers, window and VOI LUT unchanged.
     */
    public VolumeInfo toWorking(VolumeInfo i) {
        return new VolumeInfo(i.modality(), i.studyInstanceUid(), i.seriesInstanceUid(), i.seriesDescription(),
                i.patientId(), workingWidth(), workingHeight(), i.spacingX() * factorX, i.spacingY() * factorY,
                i.spacingZ(), i.toPatient(toOriginalX(0), toOriginalY(0), 0), i.rowDirection(), i.columnDirection(),
                i.windowCenter(), i.windowWidth(), i.invertedForDisplay(), i.sopInstanceUids(), i.warnings(),
                i.voiLut(), toWorking(i.shutter()));
    }

    /** A polygon (pixel-edge coordinates) on the working grid: every vertex divided by the factors. */
    public Annotation toWorking(Annotation a) {
        // new arrays: the annotation's own are shared with the study it came from, which training
        // still uses on the original grid (scaling them in place moved every radiograph's lesions)
        float[] xs = new float[a.xs().length], ys = new float[xs.length];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = (float) (a.xs()[k] / factorX);
            ys[k] = (float) (a.ys()[k] / factorY);
        }
        return new Annotation(a.label(), a.sliceIndex(), a.sopInstanceUid(), xs, ys);
    }

    /**
     * The shutter on working pixels. Its shapes are in pixel-centre coordinates (a rectangle's
     * edges are inclusive pixel columns and rows), so they map as centres do; a circle's radius
     * scales by the mean factor (exact for square pixels).
     */
    public Shutter toWorking(Shutter s) {
        if (isIdentity() || s.isNone()) {
            return s;
        }
        double[] r = s.rectangle(), c = s.circle(), p = s.polygon();
        if (r != null) {
            r = new double[] {toWorkingX(r[0]), toWorkingX(r[1]), toWorkingY(r[2]), toWorkingY(r[3])};
        }
        if (c != null) {
            c = new double[] {toWorkingX(c[0]), toWorkingY(c[1]), c[2] * 2 / (factorX + factorY)};
        }
        if (p != null) {
            for (int k = 0; k < p.length; k += 2) {
                p[k] = toWorkingX(p[k]);
                p[k + 1] = toWorkingY(p[k + 1]);
            }
        }
        return new Shutter(r, c, p);
    }

    /**
     * Maps computed on the working grid, described on the original pixels: the same cells, their
     * centres where the working pixels they summarise lie in the original image. Nothing is
     * upsampled here; {@link ProbabilityMaps#slice} does that on demand, one slice at a time.
     */
    public ProbabilityMaps toOriginal(ProbabilityMaps working) {
        if (isIdentity()) {
            return working;
        }
        List<ProbabilityMap> maps = new ArrayList<>(working.depth());
        for (int z = 0; z < working.depth(); z++) {
            maps.add(working.map(z).onFinerGrid(factorX, factorY));
        }
        return new ProbabilityMaps(maps, width, height);
    }

    private void check(VolumeInfo info) {
        if (info.width() != width || info.height() != height) {
            throw new IllegalArgumentException("working grid made for " + width + "x" + height + " pixels, but series "
                    + info.seriesInstanceUid() + " is " + info.width() + "x" + info.height());
        }
    }
}
