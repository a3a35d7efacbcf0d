package org.tumorj.spark;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.tumorj.api.TumorJ;
import org.tumorj.util.Progress;

/**
 * The studies a Spark batch detects in, read on the driver before any executor starts: a folder
 * (its studies, as {@code ./tumorj detect} lists them), a manifest CSV with a {@code path} column,
 * or a text file of study paths, one a line. Relative paths in a manifest or list are taken from
 * the file's own folder. A local path must be readable at the same place by every executor (a
 * shared disk: NFS, Lustre, GPFS; or the one machine of {@code local[*]}); a URI
 * ({@code hdfs://}, {@code s3a://}, {@code file://}) is read through Hadoop's file systems.
 */
final class StudyInputs {
    /** The manifest CSV column holding each study's path. */
    static final String PATH_COLUMN = "path";

    private StudyInputs() {}

    /**
     * The studies of {@code input}, in order: local paths (absolute) for a local input, and
     * entries written as URIs ({@code hdfs://}, {@code s3a://}, {@code file://}) as they are. An
     * input given as a URI is read through Hadoop's file systems ({@link #resolveUri}). An
     * unreadable or empty input fails here, naming it.
     */
    static List<String> resolve(String input, Configuration conf) throws IOException {
        return HadoopFiles.isUri(input) ? resolveUri(input, conf) : resolve(Path.of(input));
    }

    /** The study paths of a local {@code input}, in order; an unreadable or empty input fails here, naming it. */
    static List<String> resolve(Path input) throws IOException {
        if (Files.isDirectory(input)) {
            return TumorJ.studies(input, new Progress() { // a folder not taken for a study is named, as by detect
                @Override public void update(String step, long done, long total) {}
                @Override public boolean isCancelled() { return false; }
                @Override public void log(String message) { System.err.println("tumorj: " + message); }
            }).stream().map(p -> p.toAbsolutePath().toString()).toList();
        }
        if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
            throw new IOException(input + ": no such folder or readable file; give a folder of studies, a manifest CSV"
                    + " with a '" + PATH_COLUMN + "' column, or a text file of study paths");
        }
        Path base = input.toAbsolutePath().getParent();
        List<String> studies = new ArrayList<>();
        for (String p : entries(input.toString(), Files.readAllLines(input, StandardCharsets.UTF_8))) {
            studies.add(HadoopFiles.isUri(p) ? p : base.resolve(p).normalize().toString());
        }
        return studies;
    }

    /**
     * The studies of an input given as a URI: a folder's subfolders (sorted by name, hidden ones
     * left out), or the folder itself when it has none; or a manifest or list read through Hadoop,
     * its relative entries taken from its own folder on the same file system.
     */
    static List<String> resolveUri(String input, Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path path = HadoopFiles.path(input);
        FileSystem fs = HadoopFiles.fileSystem(path, conf);
        FileStatus status;
        try {
            status = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            throw new IOException(input + ": no such folder or file; give a folder of studies, a manifest CSV with a '"
                    + PATH_COLUMN + "' column, or a text file of study paths", e);
        }
        if (status.isDirectory()) {
            List<String> folders = Arrays.stream(fs.listStatus(path)).filter(FileStatus::isDirectory)
                    .map(FileStatus::getPath).filter(p -> !p.getName().startsWith(".") && !p.getName().startsWith("_"))
                    .sorted(Comparator.comparing(org.apache.hadoop.fs.Path::getName)).map(Object::toString).toList();
            return folders.isEmpty() ? List.of(status.getPath().toString()) : folders;
        }
        List<String> lines;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(path), StandardCharsets.UTF_8))) {
            lines = in.lines().toList();
        }
        List<String> studies = new ArrayList<>();
        for (String p : entries(input, lines)) {
            studies.add(HadoopFiles.isUri(p) ? p : new org.apache.hadoop.fs.Path(status.getPath().getParent(), p).toString());
        }
        return studies;
    }

    /** The study entries of a manifest (a {@code .csv} name) or list, as written. */
    private static List<String> entries(String input, List<String> lines) throws IOException {
        List<String> paths = input.toLowerCase(Locale.ROOT).endsWith(".csv") ? manifestPaths(input, lines) : listed(lines);
        if (paths.isEmpty()) {
            throw new IOException(input + ": lists no study; nothing to detect");
        }
        return paths;
    }

    /** The non-blank lines of a list, less {@code #} comments. */
    private static List<String> listed(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** The {@code path} cells of a manifest (simple CSV: no commas inside the path cells). */
    private static List<String> manifestPaths(String manifest, List<String> lines) throws IOException {
        List<String> rows = listed(lines);
        if (rows.isEmpty()) {
            throw new IOException(manifest + ": empty manifest; expected a header with a '" + PATH_COLUMN + "' column");
        }
        List<String> header = Arrays.stream(rows.get(0).split(",", -1)).map(StudyInputs::unquoted).toList();
        int column = header.indexOf(PATH_COLUMN);
        if (column < 0) {
            throw new IOException(manifest + ": no '" + PATH_COLUMN + "' column in the header " + header
                    + "; add one holding each study's folder");
        }
        List<String> paths = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            String[] cells = rows.get(i).split(",", -1);
            if (cells.length <= column || unquoted(cells[column]).isBlank()) {
                throw new IOException(manifest + ": line " + (i + 1) + " has no " + PATH_COLUMN + "; give every row one");
            }
            paths.add(unquoted(cells[column]));
        }
        return paths;
    }

    private static String unquoted(String cell) {
        String c = cell.strip();
        return c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"") ? c.substring(1, c.length() - 1) : c;
    }
}
