package org.tumorj;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core must stay plain Java: only the glue and the commands may touch ImageJ, AWT windows or Swing. */
class ArchitectureTest {
    private static final Path SRC = Path.of("src/main/java/org/tumorj");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "^import\\s+(static\\s+)?(ij\\.|javax\\.swing\\.|java\\.awt\\.(?!image\\.|geom\\.)|org\\.scijava\\.)",
            Pattern.MULTILINE);

    @Test
    void coreImportsNothingFromImageJOrSwing() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(SRC)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !SRC.relativize(p).startsWith("ij"))
                    .filter(ArchitectureTest::importsForbidden)
                    .map(Path::toString)
                    .toList();
        }
        assertEquals(List.of(), offenders, "core classes importing ImageJ/Swing/AWT UI");
    }

    @Test
    void everyPackageSaysWhatLivesThere() throws IOException {
        List<String> missing;
        try (Stream<Path> dirs = Files.walk(SRC)) {
            missing = dirs.filter(Files::isDirectory)
                    .filter(ArchitectureTest::holdsJava)
                    .filter(d -> !Files.exists(d.resolve("package-info.java")))
                    .map(Path::toString)
                    .toList();
        }
        assertEquals(List.of(), missing, "packages without package-info.java");
    }

    private static boolean importsForbidden(Path p) {
        try {
            return FORBIDDEN.matcher(Files.readString(p)).find();
        } catch (IOException e) {
            throw new IllegalStateException(p + ": " + e.getMessage(), e);
        }
    }

    private static boolean holdsJava(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java"));
        } catch (IOException e) {
            throw new IllegalStateException(dir + ": " + e.getMessage(), e);
        }
    }
}
