package org.tumorj.ij;

import ij.ImageJ;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.tumorj.backbone.TensorFlowRuntime;
import org.tumorj.cli.CliException;
import org.tumorj.cli.FijiInstall;
import org.tumorj.util.AtomicFiles;

/**
 * Runs ImageJ macros the way a lab does: plain ImageJ 1 ({@code ij.jar}) in its own JVM, with
 * TumorJ installed in a fresh ImageJ folder by {@code ./tumorj install-fiji}'s code
 * ({@code plugins/TumorJ_.jar}, runtime jars in {@code plugins/jars/}, TensorFlow natives in
 * {@code plugins/tumorj-natives/}), started with no {@code TENSORFLOW_LIBRARY_PATH}, with its own
 * {@code IJ_Prefs.txt} so the user's preferences are never read or written. Needs the packaged jar ({@code mvn package}) and a display: ImageJ 1 builds its menus
 * even in batch mode. Tests call {@link #requireDisplay()} first; CI runs under {@code xvfb-run -a}.
 */
public final class ImageJMacroRunner implements AutoCloseable {
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private final Path home;
    private int macroCount;

    /**
     * What a run printed and how it ended: stdout and stderr together; for a GUI run the Log
     * window's text first.
     */
    public record Result(int exitCode, boolean timedOut, String output) {
        public List<String> lines() {
            return output.lines().toList();
        }

        /** The lines starting with {@code prefix}, the prefix removed: a macro's {@code print("name=...")} values. */
        public List<String> values(String prefix) {
            return lines().stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
        }

        /** For assertion messages: how the run ended and everything it printed. */
        public String describe() {
            return (timedOut ? "timed out" : "exit code " + exitCode) + "; output:\n" + output;
        }
    }

    private ImageJMacroRunner(Path home) {
        this.home = home;
    }

    /** Skips the calling test, saying why, when there is no display to start ImageJ on. */
    public static void requireDisplay() {
        String display = System.getenv("DISPLAY");
        Assumptions.assumeTrue(display != null && !display.isBlank(),
                "no DISPLAY: ImageJ 1 needs a display even with -batch; run under xvfb-run -a (./tumorj test does)");
    }

    /**
     * A fresh ImageJ folder under {@code target/} with the built plugin installed.
     *
     * @throws IllegalStateException when the jar has not been built, saying how to build it
     */
    public static ImageJMacroRunner install() throws IOException {
        Path jar = Path.of(System.getProperty("tumorj.jar", "target/TumorJ_.jar"));
        Path lib = Path.of(System.getProperty("tumorj.lib", "target/lib"));
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new IllegalStateException(jar + " or " + lib + " missing: integration tests run after"
                    + " 'mvn package' (use mvn verify)");
        }
        Files.createDirectories(Path.of("target"));
        Path home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "imagej-home-");
        Files.createDirectories(home.resolve("plugins"));
        Files.createDirectories(home.resolve("macros"));
        String natives = System.getenv("TENSORFLOW_LIBRARY_PATH");
        try {
            new FijiInstall(jar, lib, natives != null ? Path.of(natives) : TensorFlowRuntime.nativesFolder().orElseThrow(),
                    line -> { }).into(home); // as ./tumorj install-fiji does: ImageJ then runs with no variable set
        } catch (CliException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        Files.writeString(home.resolve("IJ_Prefs.txt"), "");
        writeGroupColours(Files.createDirectories(home.resolve("luts")).resolve("glasbey.lut"));
        return new ImageJMacroRunner(home);
    }

    /**
     * Also puts the compiled test classes on ImageJ's plugin class path, so a macro can reach test
     * helpers with {@code call("org.tumorj.ij.RecorderProbe.record", ...)}.
     */
    public ImageJMacroRunner withTestClasses() throws IOException {
        Path classes = Path.of("target/test-classes").toAbsolutePath();
        Files.createSymbolicLink(home.resolve("plugins").resolve("test-classes"), classes);
        return this;
    }

    public Path home() {
        return home;
    }

    /** Runs the macro with {@code -batch} (no ImageJ window); {@code print} output goes to stdout. */
    public Result runBatch(String macro, String argument, Duration timeout) throws IOException, InterruptedException {
        return run(List.of("-batch"), macro, argument, timeout);
    }

    /**
     * Starts ImageJ's real window and runs the macro in it ({@code -macro}); ImageJ quits after the
     * macro. {@code -port0} keeps this ImageJ from handing its macro to another one already running.
     */
    public Result runGui(String macro, String argument, Duration timeout) throws IOException, InterruptedException {
        // With a window, print() goes to the Log window, not stdout: the macro saves the Log on its way out.
        Path log = home.resolve("gui-log-" + (macroCount + 1) + ".txt");
        String quitting = macro + "\nFile.saveString(getInfo(\"log\"), \"" + log.toString().replace("\\", "/")
                + "\");\nrun(\"Quit\");\n";
        Result r = run(List.of("-port0", "-macro"), quitting, argument, timeout);
        String logText = Files.isRegularFile(log) ? Files.readString(log) : "(the macro did not reach its end: no Log)\n";
        return new Result(r.exitCode(), r.timedOut(), logText + r.output());
    }

    private Result run(List<String> mode, String macro, String argument, Duration timeout)
            throws IOException, InterruptedException {
        Path macroFile = home.resolve("macros").resolve("test-" + (++macroCount) + ".ijm");
        AtomicFiles.writeString(macroFile, macro);
        List<String> cmd = new ArrayList<>(javaCommand());
        cmd.addAll(List.of("-cp", ijJar().toString(), "ij.ImageJ", "-ijpath", home.toString()));
        if (mode.contains("-port0")) {
            cmd.add("-port0");
        }
        cmd.add(mode.get(mode.size() - 1));
        cmd.add(macroFile.toString());
        if (argument != null) {
            cmd.add(argument);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true);
        pb.environment().remove("TENSORFLOW_LIBRARY_PATH"); // as Fiji started from a desktop icon: TumorJ finds its natives
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(p.getInputStream(), out), "imagej-output");
        reader.start();
        boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        String threads = finished ? "" : threadDump(p);
        if (!finished) {
            kill(p);
        }
        reader.join(KILL_GRACE.toMillis());
        String output;
        synchronized (out) {
            output = out.toString(StandardCharsets.UTF_8);
        }
        output += threads;
        return new Result(finished ? p.exitValue() : -1, !finished, output);
    }

    /** The JVM that runs the tests, with the same offline/natives settings (the env is inherited). */
    private static List<String> javaCommand() {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true"));
        for (String key : List.of("jna.tmpdir", "jna.nosys")) {
            String v = System.getProperty(key);
            if (v != null) {
                cmd.add("-D" + key + "=" + v);
            }
        }
        return cmd;
    }

    /** The ImageJ 1 jar the tests compile against: the same version a user installs. */
    static Path ijJar() {
        try {
            return Path.of(ImageJ.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate ij.jar on the test class path: " + e.getMessage(), e);
        }
    }

    /**
     * ImageJ colours ROI groups from {@code luts/glasbey.lut}, which Fiji ships and plain ImageJ does
     * not; without it every group change logs "LUT not found". A raw 768-byte LUT of distinct hues.
     */
    private static void writeGroupColours(Path lut) throws IOException {
        byte[] rgb = new byte[768];
        for (int i = 0; i < 256; i++) {
            float hue = (i * 0.618034f) % 1f;
            int c = java.awt.Color.HSBtoRGB(hue, 0.85f, i == 0 ? 0f : 1f);
            rgb[i] = (byte) (c >> 16);
            rgb[256 + i] = (byte) (c >> 8);
            rgb[512 + i] = (byte) c;
        }
        Files.write(lut, rgb);
    }

    /**
     * Where a run that timed out was waiting, usually a dialog ImageJ opened (an unknown command,
     * a macro error); without it a hung run prints nothing at all.
     */
    private static String threadDump(Process p) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(p.pid()), "Thread.print").redirectErrorStream(true).start();
            byte[] dump = jcmd.getInputStream().readAllBytes();
            jcmd.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return "\n--- threads of the ImageJ that timed out ---\n" + new String(dump, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "\n(no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static void kill(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buf)) > 0; ) {
                synchronized (out) {
                    out.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading ImageJ's output", e);
        }
    }

    /** Deletes the ImageJ folder (symbolic links only, never the jars they point to). */
    @Override
    public void close() throws IOException {
        AtomicFiles.deleteRecursively(home);
    }
}
