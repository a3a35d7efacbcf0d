package org.tumorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a cluster job or a Python pipeline runs it: the built jars (the plugin and
 * the tools, for phantoms) and their runtime jars with ImageJ taken out of the class path.
 * Phantoms, train, detect and evaluate must all work and write their files (ROI Manager zips, CSV, heat-map TIFF); only the pictures ImageJ
 * draws (overlay TIFF, PNG preview) are left out.
 */
class NoImageJCliIT {
    @TempDir Path work;

    @Test
    void trainDetectAndEvaluateRunWithNoImageJOnTheClassPath() throws Exception {
        run("phantoms", "--out", work.resolve("studies").toString(), "--modality", "CT", "--studies", "3", "--seed", "5",
                "--size", "128", "--slices", "12");
        assertTrue(Files.exists(work.resolve("studies").resolve(firstStudy()).resolve("RoiSet.zip")));
        run("train", "--studies", work.resolve("studies").toString(), "--out", work.resolve("model").toString(),
                "--epochs", "4");
        run("detect", "--model", work.resolve("model").toString(), "--input", work.resolve("studies").toString(),
                "--out", work.resolve("found").toString());
        Path study = work.resolve("found").resolve(firstStudy());
        assertTrue(Files.exists(study.resolve("detections.csv")), "detections.csv");
        assertTrue(Files.exists(study.resolve("heatmap.tif")), "heatmap.tif");
        assertFalse(Files.exists(study.resolve("overlay.tif")), "ImageJ drew an overlay: it was on the class path");
        String report = run("evaluate", "--model", work.resolve("model").toString(), "--studies",
                work.resolve("studies").toString());
        assertTrue(report.contains("sensitivity"), report);
    }

    private String firstStudy() throws IOException {
        try (Stream<Path> s = Files.list(work.resolve("studies"))) {
            return s.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
    }

    /** Runs {@code ./tumorj ARGS} on the two jars and their libraries minus ImageJ; its output, or a failure with it. */
    private String run(String... args) throws Exception {
        Path jar = Path.of(System.getProperty("tumorj.jar", "target/TumorJ_.jar"));
        Path tools = Path.of(System.getProperty("tumorj.toolsJar", "target/TumorJ_-tools.jar"));
        List<String> cp = new ArrayList<>(List.of(jar.toAbsolutePath().toString(), tools.toAbsolutePath().toString()));
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("tumorj.lib", "target/lib")))) {
            jars.filter(j -> !j.getFileName().toString().matches("ij-.*\\.jar")).map(j -> j.toAbsolutePath().toString())
                    .sorted().forEach(cp::add);
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx4g", "-Djava.awt.headless=true", "-Dai.djl.offline=true", "-cp", String.join(File.pathSeparator, cp),
                "org.tumorj.cli.TumorJCli"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putIfAbsent("TENSORFLOW_LIBRARY_PATH",
                Path.of("target/tf-natives/org/tensorflow/internal/c_api/linux-x86_64").toAbsolutePath().toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "timed out: " + String.join(" ", args));
        assertEquals(0, p.exitValue(), String.join(" ", args) + "\n" + out);
        assertFalse(out.contains("NoClassDefFoundError") || out.contains("ClassNotFoundException"), out);
        assertFalse(out.contains("SLF4J"), "SLF4J warned (no -Dslf4j.internal.verbosity here, as in Fiji):\n" + out);
        return out;
    }
}
