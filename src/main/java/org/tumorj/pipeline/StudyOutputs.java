package org.tumorj.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.Set;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.tumorj.detect.Detections;
import org.tumorj.detect.DetectionsCsv;
import org.tumorj.detect.ProbabilityMaps;
import org.tumorj.evaluation.LesionMatching;
import org.tumorj.export.TiffStack;
import org.tumorj.interop.Algorithm;
import org.tumorj.interop.DicomExport;
import org.tumorj.interop.RtStructureSetObject;
import org.tumorj.interop.SegmentationObject;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * Writes one study's results into a folder that {@link BatchDetection} then moves into place
 * whole. The core writes {@code detections.csv} and the heat map ({@value #HEAT_MAP_TIFF});
 * pictures drawn by ImageJ (the overlay TIFF and the PNG preview, {@code org.tumorj.ij}) join
 * them as a {@link ServiceLoader} provider of this interface when ImageJ is on the class path.
 */
public interface StudyOutputs {
    String CSV = "detections.csv";
    String CANDIDATES_CSV = "candidates.csv";
    String HEAT_MAP_TIFF = "heatmap.tif";

    void write(Path folder, Volume volume, Detections detections) throws IOException;

    /**
     * As {@link #write(Path, Volume, Detections)}, for a study whose annotations lie beside its
     * images: outputs that picture the reference standard (ImageJ's preview) draw it from
     * {@code matching}; the others ignore it.
     *
     * @param matching the study's lesions matched to its findings by the evaluation's hit rule, or
     *     null when the study has no annotations
     */
    default void write(Path folder, Volume volume, Detections detections, LesionMatching matching) throws IOException {
        write(folder, volume, detections);
    }

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

    /** Probabilities at slice resolution, a 32-bit TIFF stack calibrated in mm like the series, slice by slice. */
    static StudyOutputs heatMap() {
        return new StudyOutputs() {
            @Override
            public void write(Path folder, Volume volume, Detections detections) throws IOException {
                ProbabilityMaps maps = detections.maps();
                List<float[]> slices = new AbstractList<>() {
                    @Override public float[] get(int z) { return maps.slice(z); }
                    @Override public int size() { return maps.depth(); }
                };
                VolumeInfo info = detections.info();
                TiffStack.ofFloats(maps.width(), maps.height(), slices)
                        .calibrated(info.spacingX(), info.spacingY(), info.spacingZ(), "mm").withDisplayRange(0, 1)
                        .write(folder.resolve(HEAT_MAP_TIFF));
            }

            @Override
            public List<String> files() {
                return List.of(HEAT_MAP_TIFF);
            }
        };
    }

    /**
     * What a detection run writes per study: {@code detections.csv} (patient ID column only when
     * asked), the heat map, and the outputs of every provider found (ImageJ's pictures); a
     * provider whose library is missing is left out.
     */
    static StudyOutputs standard(boolean includePatientId) {
        StudyOutputs all = csv(includePatientId).andThen(heatMap());
        try {
            for (StudyOutputs provider : ServiceLoader.load(StudyOutputs.class, StudyOutputs.class.getClassLoader())) {
                all = all.andThen(provider);
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            // ImageJ is not on the class path: the pictures it draws are left out, the rest is written
        }
        return all;
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

    /**
     * The findings as DICOM objects ({@code seg.dcm}, {@code rtstruct.dcm}, as asked) beside
     * {@code detections.csv}, each written atomically, and the probability map as a fractional
     * Segmentation ({@code seg-fractional.dcm}) when asked. A study without findings gets no SEG or
     * RTSTRUCT (a SEG needs a segment, a structure set an ROI); its CSV says there was nothing; the
     * fractional SEG is written either way. Not listed in {@link #files()} for that reason, so
     * adding exports to a batch done earlier needs {@code --redo}. A series they cannot describe
     * (not read from DICOM, or a projection without a Frame of Reference) fails the study with a
     * message saying so.
     */
    static StudyOutputs dicomObjects(Set<DicomExport> exports, Algorithm algorithm) {
        Set<DicomExport> kinds = Set.copyOf(exports);
        return (folder, volume, detections) -> {
            for (DicomExport kind : kinds.stream().sorted().toList()) {
                if (kind.needsFindings() && detections.findings().isEmpty()) {
                    continue;
                }
                Path file = folder.resolve(kind.fileName());
                switch (kind) {
                    case SEG -> SegmentationObject.of(volume, detections.findings(), detections.study(), algorithm)
                            .write(file);
                    case RTSTRUCT -> RtStructureSetObject.of(volume, detections.findings(), detections.study(),
                            algorithm).write(file);
                    case SEG_FRACTIONAL -> SegmentationObject.writeProbability(file, volume, detections.maps(),
                            detections.study(), algorithm);
                }
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
            public void write(Path folder, Volume volume, Detections detections, LesionMatching matching)
                    throws IOException {
                first.write(folder, volume, detections, matching);
                other.write(folder, volume, detections, matching);
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
