package org.tumorj.ij;

import ij.ImagePlus;
import java.io.IOException;
import java.nio.file.Path;
import org.tumorj.detect.Detections;
import org.tumorj.evaluation.LesionMatching;
import org.tumorj.pipeline.StudyOutputs;
import org.tumorj.volume.Volume;

/**
 * The pictures of one study's results, drawn by ImageJ so they open in Fiji as they were drawn:
 * the stack with its overlay (outlines, labels, heat map) as TIFF and a PNG montage of the
 * slices with findings, where a study is annotated also of its lesions, drawn as hit or missed
 * ({@link ReferenceOverlay}). Registered as a {@link StudyOutputs} provider
 * ({@code META-INF/services}), so {@link StudyOutputs#standard} adds them wherever ImageJ is on
 * the class path.
 */
public final class DetectionOutputs implements StudyOutputs {
    public static final String OVERLAY_TIFF = "overlay.tif";
    public static final String PREVIEW_PNG = "preview.png";
    /** Resolved when the class loads, so that without ImageJ the provider fails to load, not to write. */
    private static final Class<?> IMAGEJ = ImagePlus.class;

    @Override
    public void write(Path folder, Volume volume, Detections detections) throws IOException {
        write(folder, volume, detections, null);
    }

    /** The overlay TIFF holds the findings only; the preview adds the annotated lesions when there are any. */
    @Override
    public void write(Path folder, Volume volume, Detections detections, LesionMatching matching) throws IOException {
        ImagePlus imp = VolumeImages.toImagePlus(volume, "");
        imp.setTitle(detections.study());
        FindingsOverlay.show(imp, detections, true);
        DetectionFiles.saveOverlayTiff(imp, folder.resolve(OVERLAY_TIFF));
        if (matching != null) {
            ReferenceOverlay.add(imp, matching);
        }
        DetectionFiles.saveMontagePng(imp, detections, matching, folder.resolve(PREVIEW_PNG));
    }

    @Override
    public java.util.List<String> files() {
        return java.util.List.of(OVERLAY_TIFF, PREVIEW_PNG);
    }
}
