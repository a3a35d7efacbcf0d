package org.tumorj.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.tumorj.detect.Detections;
import org.tumorj.detect.DetectionsCsv;
import org.tumorj.volume.Volume;

/**
 * Writes one study's results into a folder that {@link BatchDetection} then moves into place
 * whole. The core writes {@code detections.csv}; the ImageJ glue adds the overlay TIFF, heat-map
 * TIFF and PNG preview (see {@code org.tumorj.ij.DetectionOutputs}).
 */
@FunctionalInterface
public interface StudyOutputs {
    String CSV = "detections.csv";

    void write(Path folder, Volume volume, Detections detections) throws IOException;

    /** Only {@code detections.csv}; patient ID column only when asked. */
    static StudyOutputs csv(boolean includePatientId) {
        return (folder, volume, detections) ->
                DetectionsCsv.write(folder.resolve(CSV), List.of(detections), includePatientId);
    }

    /** This, then the other. */
    default StudyOutputs andThen(StudyOutputs other) {
        return (folder, volume, detections) -> {
            write(folder, volume, detections);
            other.write(folder, volume, detections);
        };
    }
}
