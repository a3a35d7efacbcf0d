package org.tumorj.pipeline;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.volume.VolumeInfo;

/**
 * The pixel spacing projection radiographs (CR, DX, MG, ...) are trained and detected at.
 *
 * <p>Why 0.8 mm: a radiograph has 0.1-0.2 mm pixels over 2000-3000 pixels a side, while the
 * backbone sees objects well at tens of pixels and has a 16-pixel cell at input scale 2. At 0.8 mm
 * the nodules and masses a lab annotates (5-30 mm) are 6-40 working pixels, 12-75 pixels at the
 * network: lesion-sized for its receptive field, one to five cells across on the stride-16 grid
 * (8 px, 6.4 mm, with the shifted passes). A 3000 x 3000 image at 0.143 mm becomes 537 x 537, about
 * what a CT slice costs. Finer spacings find smaller lesions at the square of the cost (tiling keeps
 * the memory bounded, see {@link org.tumorj.detect.TiledPrediction}).
 *
 * <p>Never upsampled: an image already coarser than the working spacing is used as it is. CT and
 * MR keep their native resolution (their in-plane 0.5-1 mm already suits the backbone, and the
 * existing CT models were trained that way). The spacing is recorded in the model bundle's training
 * record under {@value #KEY}, so detection resamples exactly as training did; a bundle without it
 * runs at native resolution, as bundles always did.
 *
 * @param spacingMm working spacing in mm; 0 for native resolution
 */
public record WorkingResolution(double spacingMm) {
    public static final double DEFAULT_SPACING_MM = 0.8;
    /** Key in the bundle's training record. */
    public static final String KEY = "workingSpacingMm";
    /** Every image at its own resolution. */
    public static final WorkingResolution NATIVE = new WorkingResolution(0);

    public WorkingResolution {
        if (!(spacingMm >= 0) || Double.isInfinite(spacingMm)) {
            throw new IllegalArgumentException("working spacing must be a finite number of mm >= 0 (0: native), got "
                    + spacingMm);
        }
    }

    /** 0.8 mm for radiographs. */
    public static WorkingResolution defaults() {
        return new WorkingResolution(DEFAULT_SPACING_MM);
    }

    public boolean isNative() { return spacingMm == 0; }

    /** The spacing a bundle's training record names; native when it names none (older bundles, CT). */
    public static WorkingResolution fromTraining(JsonObject training) {
        JsonElement e = training == null ? null : training.get(KEY);
        return e == null || e.isJsonNull() ? NATIVE : new WorkingResolution(e.getAsDouble());
    }

    /** Records the spacing in a training record when some study was resampled by it. */
    void recordIn(JsonObject training, List<LoadedStudy> studies) {
        if (studies.stream().anyMatch(s -> !gridFor(s.volume().info()).isIdentity())) {
            training.addProperty(KEY, spacingMm);
        }
    }

    /**
     * The grid a series is processed on: for a projection with pixels finer than the working
     * spacing, factors {@code spacing / pixel spacing} per axis; otherwise the original grid
     * (also when the pixel spacing is unknown).
     */
    public WorkingGrid gridFor(VolumeInfo info) {
        if (isNative() || !info.isProjection() || !(info.spacingX() > 0) || !(info.spacingY() > 0)) {
            return WorkingGrid.identity(info.width(), info.height());
        }
        double fx = Math.max(1, spacingMm / info.spacingX()), fy = Math.max(1, spacingMm / info.spacingY());
        return new WorkingGrid(info.width(), info.height(), fx, fy);
    }

    /** The study on its working grid: volume area-averaged, annotations scaled; itself when identity. */
    public LoadedStudy resample(LoadedStudy study) {
        WorkingGrid grid = gridFor(study.volume().info());
        if (grid.isIdentity()) {
            return study;
        }
        return new LoadedStudy(study.study(), grid.toWorking(study.volume()),
                study.annotations().stream().map(grid::toWorking).toList());
    }
}
