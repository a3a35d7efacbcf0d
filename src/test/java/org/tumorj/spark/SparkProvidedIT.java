package org.tumorj.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark is {@code provided} (issue 17): the plugin jar and {@code target/lib}, which Fiji and the
 * plain command line run from, carry none of it; {@code batch} run from them says how to get
 * Spark instead of failing on a missing class.
 */
class SparkProvidedIT {
    @TempDir Path dir;

    @Test
    void neitherThePluginJarNorItsLibrariesCarrySpark() throws Exception {
        try (ZipFile jar = new ZipFile(jar().toFile())) {
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("org/apache/spark/")
                    || e.getName().startsWith("scala/")), "Spark or Scala classes in " + jar());
        }
        try (Stream<Path> jars = Files.list(lib())) {
            List<String> spark = jars.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("spark-") || n.startsWith("scala-") || n.startsWith("hadoop-")).toList();
            assertEquals(List.of(), spark, "Spark's jars in " + lib());
        }
    }

    @Test
    void batchWithoutSparkSaysHowToGetIt() throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                jar().toAbsolutePath() + File.pathSeparator + lib().toAbsolutePath() + File.separator + "*",
                "org.tumorj.cli.TumorJCli", "batch", "--spark", "local[1]", "--model", dir.resolve("m").toString(),
                "--input", dir.toString(), "--out", dir.resolve("out").toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.startsWith("error: Apache Spark is not on the class path") && out.contains("./tumorj batch"), out);
    }

    private static Path jar() {
        return Path.of(System.getProperty("tumorj.jar", "target/TumorJ_.jar"));
    }

    private static Path lib() {
        return Path.of(System.getProperty("tumorj.lib", "target/lib"));
    }
}
