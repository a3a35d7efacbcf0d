package org.tumorj.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tumorj.api.TumorJ;
import org.tumorj.util.Progress;

/**
 * The studies a Spark batch detects in, read on the driver before any executor starts: a folder
 * (its studies, as {@code ./tumorj detect} lists them), a manifest CSV with a {@code path} column,
 * or a text file of study paths, one a line. Relative paths in a manifest or list are taken from
 * the file's own folder. Every path must be readable at the same place by every executor (a
 * shared disk: NFS, Lustre, GPFS; or the one machine of {@code local[*]}).
 */
final class StudyInputs {
    /** The manifest CSV column holding each study's path. */
    static final String PATH_COLUMN = "path";

    private StudyInputs() {}

    /** The study paths of {@code input}, in order; an unreadable or empty input fails here, naming it. */
    static List<Path> resolve(Path input) throws IOException {
        if (Files.isDirectory(input)) {
            return TumorJ.studies(input, new Progress() { // a folder not taken for a study is named, as by detect
                @Override public void update(String step, long done, long total) {}
                @Override public boolean isCancelled() { return false; }
                @Override public void log(String message) { System.err.println("tumorj: " + message); }
            });
        }
        if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
            throw new IOException(input + ": no such folder or readable file; give a folder of studies, a manifest CSV"
                    + " with a '" + PATH_COLUMN + "' column, or a text file of study paths");
        }
        List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8);
        List<String> paths = input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                ? manifestPaths(input, lines) : listed(lines);
        if (paths.isEmpty()) {
            throw new IOException(input + ": lists no study; nothing to detect");
        }
        Path base = input.toAbsolutePath().getParent();
        List<Path> studies = new ArrayList<>();
        for (String p : paths) {
            studies.add(base.resolve(p).normalize());
        }
        return studies;
    }

    /** The non-blank lines of a list, less {@code #} comments. */
    private static List<String> listed(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** The {@code path} cells of a manifest (simple CSV: no commas inside the path cells). */
    private static List<String> manifestPaths(Path manifest, List<String> lines) throws IOException {
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
