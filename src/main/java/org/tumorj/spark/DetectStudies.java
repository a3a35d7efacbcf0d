package org.tumorj.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.tumorj.api.TumorJ;
import org.tumorj.pipeline.BatchDetection;
import org.tumorj.pipeline.StudyOutputs;
import org.tumorj.util.Progress;

/**
 * The work of one Spark task: each of its studies detected with the executor's model (opened by
 * the first task of the process, {@link ModelCache}) and written to {@code output/<study>} as
 * {@code ./tumorj detect} writes it, then reported as a {@link StudyRow}. A study that fails is a
 * row with its reason; the task goes on. A retried task (a lost executor) finds the studies the
 * first attempt finished complete and skips them, and a study it was writing left only a
 * temporary folder: nothing is lost, nothing is written twice.
 */
final class DetectStudies implements FlatMapFunction<Iterator<StudyTask>, StudyRow> {
    private static final long serialVersionUID = 1L;
    private final JobSettings settings;

    DetectStudies(JobSettings settings) {
        this.settings = settings;
    }

    @Override
    public Iterator<StudyRow> call(Iterator<StudyTask> tasks) throws IOException {
        boolean[] openedNow = {false};
        ModelCache.Loaded loaded = tasks.hasNext() ? ModelCache.get(Path.of(settings.model()), openedNow) : null;
        double loadSeconds = openedNow[0] ? loaded.loadSeconds() : 0;
        TumorJ.FolderDetection request = settings.request();
        Progress log = new ExecutorLog();
        List<StudyRow> rows = new ArrayList<>();
        while (tasks.hasNext()) {
            StudyTask task = tasks.next();
            long start = System.nanoTime();
            BatchDetection.StudyResult r = TumorJ.detectStudy(loaded.model(), request, Path.of(task.path()),
                    task.position(), log);
            double seconds = (System.nanoTime() - start) / 1e9;
            rows.add(new StudyRow(task.index(), r.study(), r.status(), r.findings(), r.detail(), seconds, loadSeconds,
                    executorId(), findingRows(r)));
            loadSeconds = 0; // the load belongs to the first study of the task that opened the model
        }
        return rows.iterator();
    }

    /** The data rows of the study's {@code detections.csv} (none when it failed). */
    private String findingRows(BatchDetection.StudyResult r) throws IOException {
        Path csv = Path.of(settings.output()).resolve(r.study()).resolve(StudyOutputs.CSV);
        if (r.status().equals(BatchDetection.StudyResult.FAILED) || !Files.isRegularFile(csv)) {
            return "";
        }
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        int headerEnd = text.indexOf('\n');
        return headerEnd < 0 ? "" : text.substring(headerEnd + 1);
    }

    private static String executorId() {
        SparkEnv env = SparkEnv.get();
        return env == null ? "" : env.executorId();
    }

    /** Log lines to the executor's stderr (the console in local mode), already redacted when de-identified. */
    private static final class ExecutorLog implements Progress {
        @Override public void update(String step, long done, long total) {}
        @Override public boolean isCancelled() { return false; }
        @Override public void log(String message) { System.err.println("tumorj: " + message); }
    }
}
