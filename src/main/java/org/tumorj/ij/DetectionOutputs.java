package org.tumorj.ij;

import ij.ImagePlus;
import java.io.IOException;
import java.nio.file.Path;
import org.tumorj.detect.Detections;
import org.tumorj.pipeline.StudyOutputs;
import org.tumorj.volume.Volume;

/**
 * The image files of one study's results, written through ImageJ so they open in Fiji as they
 * were drawn: the stack with its overlay (outlines, labels, heat map) as TIFF, the heat map as a
 * float TIFF, and a PNG montage of the slices with findings.
 */
public final class DetectionOutputs implements StudyOutputs {
    public static final String OVERLAY_TIFF = "overlay.tif";
    public static final String HEAT_MAP_TIFF = "heatmap.tif";
    public static final String PREVIEW_PNG = "preview.png";

    @Override
    public void write(Path folder, Volume volume, Detections detections) throws IOException {
        ImagePlus imp = VolumeImages.toImagePlus(volume, "");
        imp.setTitle(detections.study());
        FindingsOverlay.show(imp, detections, true);
        DetectionFiles.saveOverlayTiff(imp, folder.resolve(OVERLAY_TIFF));
        DetectionFiles.saveHeatMapTiff(detections, folder.resolve(HEAT_MAP_TIFF));
        DetectionFiles.saveMontagePng(imp, detections, folder.resolve(PREVIEW_PNG));
    }

    @Override
    public java.util.List<String> files() {
        return java.util.List.of(OVERLAY_TIFF, HEAT_MAP_TIFF, PREVIEW_PNG);
    }

    /** The CSV plus these image files: what a batch writes per study. */
    public static StudyOutputs all(boolean includePatientId) {
        return StudyOutputs.csv(includePatientId).andThen(new DetectionOutputs());
    }
}
