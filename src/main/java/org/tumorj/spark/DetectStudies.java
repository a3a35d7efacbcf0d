package org.tumorj.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.tumorj.api.TumorJ;
import org.tumorj.pipeline.BatchDetection;
import org.tumorj.pipeline.StudyOutputs;
import org.tumorj.util.AtomicFiles;
import org.tumorj.util.Progress;

/**
 * The work of one Spark task: each of its studies detected with the executor's model (opened by
 * the first task of the process, {@link ModelCache}) and written to {@code output/<study>} as
 * {@code ./tumorj detect} writes it, then reported as a {@link StudyRow}. A study that fails is a
 * row with its reason; the task goes on. A retried task (a lost executor) finds the studies the
 * first attempt finished complete and skips them, and a study it was writing left only a
 * temporary folder: nothing is lost, nothing is written twice. A study or output on Hadoop's file
 * systems (a URI) is staged through a local temporary folder ({@link HadoopFiles}).
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
        Progress log = new ExecutorLog();
        List<StudyRow> rows = new ArrayList<>();
        while (tasks.hasNext()) {
            StudyTask task = tasks.next();
            long start = System.nanoTime();
            Detected d = HadoopFiles.isUri(task.path()) || HadoopFiles.isUri(settings.output())
                    ? detectStaged(loaded.model(), task, log) : detectInPlace(loaded.model(), task, log);
            double seconds = (System.nanoTime() - start) / 1e9;
            BatchDetection.StudyResult r = d.result();
            rows.add(new StudyRow(task.index(), r.study(), r.status(), r.findings(), r.detail(), seconds, loadSeconds,
                    executorId(), d.findingRows()));
            loadSeconds = 0; // the load belongs to the first study of the task that opened the model
        }
        return rows.iterator();
    }

    /** A study's result and the data rows of its {@code detections.csv}. */
    private record Detected(BatchDetection.StudyResult result, String findingRows) {}

    /** A local study into a local output: {@code ./tumorj detect}'s own step, nothing copied. */
    private Detected detectInPlace(TumorJ.OpenedModel model, StudyTask task, Progress log) throws IOException {
        Path out = Path.of(settings.output());
        BatchDetection.StudyResult r = TumorJ.detectStudy(model, settings.request(out), Path.of(task.path()),
                task.position(), log);
        return new Detected(r, findingRows(out, r));
    }

    /**
     * A study or an output on Hadoop's file systems: the study copied to a local temporary folder
     * (under its own name, so its output folder and pseudonym are the ones {@code detect} gives),
     * detected there into a local output, and its folder copied back under a temporary name and
     * renamed into place ({@link HadoopFiles#publish}). A study whose folder there is complete is
     * skipped without being copied. The temporary folder is removed after.
     */
    private Detected detectStaged(TumorJ.OpenedModel model, StudyTask task, Progress log) throws IOException {
        Path stage = Files.createTempDirectory("tumorj-stage-");
        try {
            Configuration conf = HadoopFiles.configuration(SparkEnv.get() == null ? new SparkConf() : SparkEnv.get().conf());
            boolean remoteOut = HadoopFiles.isUri(settings.output());
            Path out = remoteOut ? Files.createDirectory(stage.resolve("out")) : Path.of(settings.output());
            TumorJ.FolderDetection request = settings.request(out);
            Path study = Path.of(task.path());
            org.apache.hadoop.fs.Path source = null;
            FileSystem sourceFs = null;
            IOException unreadable = null;
            if (HadoopFiles.isUri(task.path())) {
                source = HadoopFiles.path(task.path());
                study = Files.createDirectory(stage.resolve("in")).resolve(source.getName());
                boolean file = false;
                try {
                    sourceFs = HadoopFiles.fileSystem(source, conf);
                    file = sourceFs.getFileStatus(source).isFile();
                } catch (IOException e) {
                    unreadable = e;
                }
                // a stand-in of the same kind until the copy: it names the study as detect would
                study = file ? Files.createFile(study) : Files.createDirectory(study);
            }
            String label = TumorJ.studyLabel(model, request, study);
            if (unreadable != null) {
                return failed(task, label, "could not be read from its file system", unreadable, log);
            }
            FileSystem outFs = remoteOut ? HadoopFiles.fileSystem(HadoopFiles.path(settings.output()), conf) : null;
            org.apache.hadoop.fs.Path target = remoteOut
                    ? new org.apache.hadoop.fs.Path(HadoopFiles.path(settings.output()), label) : null;
            List<String> files = TumorJ.studyFiles(model, request);
            if (remoteOut && settings.skipExisting() && HadoopFiles.holdsAll(outFs, target, files)) {
                // complete there: its detections.csv and stand-ins for the other files let detect skip it as it would
                Path done = Files.createDirectories(out.resolve(label));
                HadoopFiles.download(outFs, new org.apache.hadoop.fs.Path(target, StudyOutputs.CSV),
                        done.resolve(StudyOutputs.CSV));
                for (String f : files.subList(1, files.size())) {
                    Files.createFile(done.resolve(f));
                }
            } else if (source != null) {
                try {
                    Files.delete(study);
                    HadoopFiles.download(sourceFs, source, study);
                } catch (IOException e) {
                    return failed(task, label, "could not be read from its file system", e, log);
                }
            }
            BatchDetection.StudyResult r = TumorJ.detectStudy(model, request, study, task.position(), log);
            String rows = findingRows(out, r);
            Path written = out.resolve(r.study());
            if (remoteOut && !r.status().equals(BatchDetection.StudyResult.DONE_EARLIER) && Files.isDirectory(written)) {
                try {
                    HadoopFiles.publish(written, outFs, target);
                } catch (IOException e) {
                    return failed(task, label, "its outputs could not be copied to " + settings.output(), e, log);
                }
            }
            return new Detected(r, rows);
        } finally {
            AtomicFiles.deleteRecursively(stage);
        }
    }

    /**
     * A study that could not be copied in or out: a failed row, logged. De-identified, the reason
     * names neither the study's URI nor the file system's message (which would hold it).
     */
    private Detected failed(StudyTask task, String label, String what, IOException e, Progress log) {
        boolean deidentified = settings.deidentifySalt() != null && !settings.deidentifySalt().isBlank();
        String reason = deidentified ? what + " (" + e.getClass().getSimpleName() + ")"
                : task.path() + ": " + what + ": " + e.getMessage();
        String line = (task.position() + " " + label + ": failed: " + reason).replace('\n', ' ').replace('\r', ' ');
        log.log(line);
        return new Detected(new BatchDetection.StudyResult(label, BatchDetection.StudyResult.FAILED, "", reason, line), "");
    }

    /** The data rows of the study's {@code detections.csv} under {@code output} (none when it failed). */
    private static String findingRows(Path output, BatchDetection.StudyResult r) throws IOException {
        Path csv = output.resolve(r.study()).resolve(StudyOutputs.CSV);
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
