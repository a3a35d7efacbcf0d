package org.tumorj.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.tumorj.api.TumorJ;

/**
 * What every task needs to detect as {@code ./tumorj detect} would, sent to the executors
 * (strings: paths are not serialisable).
 */
record JobSettings(String model, String output, String series, boolean includePatientId, String deidentifySalt,
        boolean allowOtherSeries, boolean candidates, boolean skipExisting) implements Serializable {

    /** The request {@code ./tumorj detect} would make for the same options (its input is per study here). */
    TumorJ.FolderDetection request() {
        Path out = Path.of(output);
        // no input folder: each task is given its studies (TumorJ.detectStudy reads neither input nor shard)
        return new TumorJ.FolderDetection(Path.of(model), null, out, series, includePatientId, deidentifySalt,
                allowOtherSeries, candidates, skipExisting);
    }
}
