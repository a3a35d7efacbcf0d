package org.tumorj.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A plain ImageJ or Fiji started from an icon: TumorJ's jar with its runtime jars (SLF4J's API and
 * no provider), none of the launcher's -D options. Starting DJL's engine must print no SLF4J line.
 */
class NoSlf4jWarningsIT {

    @Test
    void theEngineStartsWithoutSlf4jWarnings() throws Exception {
        String out = run();
        assertTrue(out.contains("engine "), out);
        assertEquals(List.of(), out.lines().filter(l -> l.contains("SLF4J")).toList(), out);
    }

    /** The control: on the same class path, SLF4J started by someone else first does warn. */
    @Test
    void slf4jWouldWarnOnThisClassPath() throws Exception {
        String out = run("slf4j-first");
        assertTrue(out.lines().anyMatch(l -> l.contains("SLF4J")), out);
    }

    /** EngineStart on the plugin jar and target/lib, stdout and stderr together. */
    private static String run(String... args) throws IOException, InterruptedException {
        List<String> cp = new ArrayList<>(List.of(Path.of("target/test-classes").toAbsolutePath().toString(),
                Path.of(System.getProperty("tumorj.jar", "target/TumorJ_.jar")).toAbsolutePath().toString()));
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("tumorj.lib", "target/lib")))) {
            jars.map(j -> j.toAbsolutePath().toString()).sorted().forEach(cp::add);
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Djava.awt.headless=true", "-Dtumorj.home=" + Path.of("").toAbsolutePath(),
                "-cp", String.join(File.pathSeparator, cp), EngineStart.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "timed out");
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
