package org.tumorj.dataset;

import java.io.IOException;
import java.nio.file.Path;
import org.tumorj.volume.Volume;

/** Loads the image volume of a study folder; the caller plugs in the DICOM reader. */
@FunctionalInterface
public interface VolumeLoader {
    Volume load(Path studyDir) throws IOException;

    /** As {@link #load(Path)}, with what it logs going to {@code log} (a batch's de-identifying log). */
    default Volume load(Path studyDir, org.tumorj.util.Progress log) throws IOException {
        return load(studyDir);
    }
}
