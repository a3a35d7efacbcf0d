package org.tumorj.phantom;

import java.util.List;
import org.tumorj.annotation.Annotation;
import org.tumorj.volume.Volume;

/**
 * One generated study in memory: the volume exactly as its DICOM files store it (rounded
 * modality values), its annotations (lesion outlines labelled {@code tumor}, a few
 * {@code normal-*} regions) and its ground truth. Also answers "which lesion or vessel is at
 * this pixel", from the analytic shapes, for tests and evaluation.
 */
public final class PhantomStudy {
    private final PhantomConfig config;
    private final Volume volume;
    private final List<Annotation> annotations;
    private final AnswerKey groundTruth;
    private final Grid grid;
    private final Anatomy anatomy;
    private final List<PlantedLesion> lesions;
    private final List<Vessel> vessels;
    private final String scannerName;
    private java.util.Map<MrSeries, Volume> mrSeries = java.util.Map.of();

    PhantomStudy(PhantomConfig config, Volume volume, List<Annotation> annotations, AnswerKey groundTruth,
            Grid grid, Anatomy anatomy, List<PlantedLesion> lesions, List<Vessel> vessels, String scannerName) {
        this.config = config;
        this.volume = volume;
        this.annotations = List.copyOf(annotations);
        this.groundTruth = groundTruth;
        this.grid = grid;
        this.anatomy = anatomy;
        this.lesions = List.copyOf(lesions);
        this.vessels = List.copyOf(vessels);
        this.scannerName = scannerName;
    }

    public PhantomConfig config() { return config; }
    /** Folder name, e.g. {@code ct-0003}. */
    public String studyId() { return config.studyId(); }
    /** The fake PatientID, e.g. {@code PHANTOM-0003}. */
    public String patientId() { return config.patientId(); }
    /** The annotated series: CT's only one, MR's T2 (annotations and ground truth refer to its slices). */
    public Volume volume() { return volume; }

    /** MR: every series made, T2 (= {@link #volume()}) included, in {@link MrSeries} order; empty for CT. */
    public java.util.Map<MrSeries, Volume> mrSeries() { return mrSeries; }

    PhantomStudy withMrSeries(java.util.Map<MrSeries, Volume> series) {
        this.mrSeries = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(series));
        return this;
    }
    public List<Annotation> annotations() { return annotations; }
    public AnswerKey groundTruth() { return groundTruth; }
    /** The simulated scanner's name (ManufacturerModelName), e.g. {@code Scanner-B}. */
    public String scannerName() { return scannerName; }

    /** Id of the lesion whose shape holds this pixel centre (column, row, 0-based slice), or 0. */
    public int lesionAt(int column, int row, int slice) {
        double x = grid.x(column), y = grid.y(row), z = grid.z(slice);
        for (PlantedLesion l : lesions) {
            if (l.contains(x, y, z)) {
                return l.id;
            }
        }
        return 0;
    }

    /** Id of the vessel whose lumen holds this pixel centre, or 0. */
    public int vesselAt(int column, int row, int slice) {
        double x = grid.x(column), y = grid.y(row), z = grid.z(slice);
        for (Vessel v : vessels) {
            if (v.distance(x, y, z) <= v.radius && anatomy.inOrgan(v.organ, x, y, z)) {
                return v.id;
            }
        }
        return 0;
    }

    /** Whether this pixel centre lies in the organ ({@code liver} or {@code lung} tissue). */
    public boolean inOrgan(Organ organ, int column, int row, int slice) {
        return anatomy.inOrgan(organ, grid.x(column), grid.y(row), grid.z(slice));
    }
}
