package org.tumorj.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.tumorj.detect.Detections;
import org.tumorj.detect.DetectionsCsv;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * Writes one study's results into a folder that {@link BatchDetection} then moves into place
 * whole. The core writes {@code detections.csv}; the ImageJ glue adds the overlay TIFF, heat-map
 * TIFF and PNG preview (see {@code org.tumorj.ij.DetectionOutputs}).
 */
public interface StudyOutputs {
    String CSV = "detections.csv";
    String CANDIDATES_CSV = "candidates.csv";

    void write(Path folder, Volume volume, Detections detections) throws IOException;

    /**
     * The files {@link #write} leaves in a study's folder; a resumed batch redoes a study when any
     * of them is missing. None by default (nothing to check).
     */
    default List<String> files() {
        return List.of();
    }

    /** Only {@code detections.csv}; patient ID column only when asked. */
    static StudyOutputs csv(boolean includePatientId) {
        return new StudyOutputs() {
            @Override
            public void write(Path folder, Volume volume, Detections detections) throws IOException {
                DetectionsCsv.write(folder.resolve(CSV), List.of(detections), includePatientId);
            }

            @Override
            public List<String> files() {
                return List.of(CSV);
            }
        };
    }

    /**
     * {@code candidates.csv}, in the columns of {@code detections.csv}: every finding down to
     * {@link org.tumorj.detect.PeakFindingExtractor#CANDIDATE_FLOOR}, for a FROC analysis over the whole ranked list
     * rather than the one operating point the model's threshold chose.
     */
    static StudyOutputs candidates(TrainedDetector detector, boolean includePatientId) {
        return new StudyOutputs() {
            @Override
            public void write(Path folder, Volume volume, Detections detections) throws IOException {
                Detections all = detector.candidates(volume, detections, Progress.none());
                DetectionsCsv.write(folder.resolve(CANDIDATES_CSV), List.of(all), includePatientId);
            }

            @Override
            public List<String> files() {
                return List.of(CANDIDATES_CSV);
            }
        };
    }

    /** This, then the other. */
    default StudyOutputs andThen(StudyOutputs other) {
        StudyOutputs first = this;
        return new StudyOutputs() {
            @Override
            public void write(Path folder, Volume volume, Detections detections) throws IOException {
                first.write(folder, volume, detections);
                other.write(folder, volume, detections);
            }

            @Override
            public List<String> files() {
                List<String> all = new java.util.ArrayList<>(first.files());
                all.addAll(other.files());
                return all;
            }
        };
    }
}
