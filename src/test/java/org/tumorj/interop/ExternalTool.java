package org.tumorj.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An independent program the export tests check TumorJ's files with (dciodvfy, pydicom). Absent,
 * the test is skipped with a message saying which Debian package to install
 * ({@code scripts/install-test-tools} installs them all).
 */
public final class ExternalTool {
    private ExternalTool() {}

    /** What a run printed (stdout and stderr together) and how it ended. */
    public record Run(int exitCode, String output) {}

    public static void assumeInstalled(String program, String debianPackage) {
        assumeTrue(Files.isExecutable(Path.of(program)), program + " is not installed: apt-get install " + debianPackage
                + " (or run scripts/install-test-tools); the check against it is skipped");
    }

    static void assumePythonModule(String module, String debianPackage) throws IOException {
        assumeInstalled("/usr/bin/python3", "python3");
        assumeTrue(run(List.of("/usr/bin/python3", "-c", "import " + module)).exitCode() == 0, "python module " + module
                + " is missing: apt-get install " + debianPackage + " (or run scripts/install-test-tools); skipped");
    }

    public static Run run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command + " did not finish in 120 s");
            }
            return new Run(p.exitValue(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command, e);
        }
    }
}
