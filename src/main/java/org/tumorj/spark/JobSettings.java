package org.tumorj.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.tumorj.api.TumorJ;

/**
 * What every task needs to detect as {@code ./tumorj detect} would, sent to the executors
 * (strings: paths are not serialisable). {@code output} is a local path or a URI for Hadoop's
 * file systems ({@link HadoopFiles}).
 */
record JobSettings(String model, String output, String series, boolean includePatientId, String deidentifySalt,
        boolean allowOtherSeries, boolean candidates, boolean skipExisting) implements Serializable {

    /**
     * The request {@code ./tumorj detect} would make for the same options (its input is per study
     * here), writing into {@code out}: the output folder, or a local one whose study folders are
     * then copied to an output on another file system.
     */
    TumorJ.FolderDetection request(Path out) {
        // no input folder: each task is given its studies (TumorJ.detectStudy reads neither input nor shard)
        return new TumorJ.FolderDetection(Path.of(model), null, out, series, includePatientId, deidentifySalt,
                allowOtherSeries, candidates, skipExisting);
    }
}
