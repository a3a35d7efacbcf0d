package org.tumorj.dataset;

import java.io.IOException;
import java.util.List;
import org.tumorj.annotation.Annotation;
import org.tumorj.volume.Volume;

/** A study with its volume and its annotations attached to the volume's slices. */
public record LoadedStudy(Study study, Volume volume, List<Annotation> annotations) {

    public LoadedStudy {
        annotations = List.copyOf(annotations);
    }

    /** Loads volume and annotations; the patient id comes from the volume when the study has none. */
    public static LoadedStudy load(Study study, VolumeLoader volumes, AnnotationReader annotations) throws IOException {
        Volume v = volumes.load(study.dir());
        Study s = study.patientId().isBlank() && v.info().patientId() != null ? study.withPatientId(v.info().patientId()) : study;
        return new LoadedStudy(s, v, annotations.read(study.dir(), v));
    }

    public String id() {
        return study.id();
    }
}
