package org.tumorj.dataset;

import java.nio.file.Path;

/**
 * One study folder: its DICOM files with the annotations beside them. The id is the folder
 * name; the patient id, when known (from the DICOM PatientID), keeps all of a patient's studies
 * on one side of the split. It is sensitive: used for grouping, never logged.
 */
public record Study(String id, Path dir, String patientId) {

    public Study {
        patientId = patientId == null ? "" : patientId;
    }

    public static Study of(Path dir) {
        return new Study(dir.getFileName().toString(), dir, "");
    }

    public Study withPatientId(String newPatientId) {
        return new Study(id, dir, newPatientId);
    }

    /** What the split keeps together: the patient when known, else the study alone. */
    public String splitKey() {
        return patientId.isBlank() ? "study:" + id : "patient:" + patientId.strip();
    }
}
