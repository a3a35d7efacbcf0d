package org.tumorj.dataset;

import java.io.IOException;
import java.nio.file.Path;
import org.tumorj.volume.Volume;

/** Loads the image volume of a study folder; the caller plugs in the DICOM reader. */
@FunctionalInterface
public interface VolumeLoader {
    Volume load(Path studyDir) throws IOException;
}
