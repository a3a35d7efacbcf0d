package org.tumorj.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tumorj.backbone.TensorFlowRuntime;
import org.tumorj.util.AtomicFiles;

/**
 * Installs TumorJ into a Fiji or ImageJ folder so that it runs there with no environment
 * variable: the plugin jar into {@code plugins/}, its runtime jars beside Fiji's own
 * ({@code jars/}, or {@code plugins/jars/} in plain ImageJ), and the TensorFlow natives into
 * {@code plugins/tumorj-natives/<platform>/}, where TumorJ looks for them beside its jar.
 *
 * <p>A library the folder already holds in another version is kept, not replaced (Fiji's updater
 * owns it) and reported; TensorFlow 1.x jars (CSBDeep, StarDist) are reported as a clash, since
 * they shadow TumorJ's TensorFlow classes. ImageJ itself is never copied. Natives are hard-linked
 * where the file system allows (they are 600 MB), else copied. Running it again updates TumorJ.
 */
public final class FijiInstall {
    private static final Pattern VERSIONED = Pattern.compile("(.+?)-(\\d[\\w.\\-]*)\\.jar");
    /** Jars that put TensorFlow 1.x classes on Fiji's class path (CSBDeep / StarDist update sites). */
    private static final Pattern TENSORFLOW_1 = Pattern.compile("(libtensorflow|tensorflow|libtensorflow_jni[\\w-]*|proto)-1\\.\\d+.*\\.jar");

    private final Path pluginJar;
    private final Path libraries;
    private final Path natives;
    private final Consumer<String> report;

    /**
     * @param pluginJar the built {@code TumorJ_.jar}
     * @param libraries its runtime jars ({@code target/lib})
     * @param natives the unpacked TensorFlow natives of this platform (a folder), or its
     *     {@code tensorflow-core-native} jar, which goes to {@code jars/<platform>/} and is unpacked
     *     on first use
     * @param report one line per thing done or found
     */
    public FijiInstall(Path pluginJar, Path libraries, Path natives, Consumer<String> report) {
        this.pluginJar = pluginJar;
        this.libraries = libraries;
        this.natives = natives;
        this.report = report;
    }

    /** The problems found (clashes); empty when TumorJ should run as installed. */
    public List<String> into(Path fiji) throws IOException, CliException {
        Path plugins = fiji.resolve("plugins");
        if (!Files.isDirectory(plugins)) {
            throw CliException.forFile(fiji, "not a Fiji or ImageJ folder (it has no plugins/ folder); give Fiji.app"
                    + " or the folder that holds ImageJ's ij.jar and plugins/");
        }
        Path jars = Files.isDirectory(fiji.resolve("jars")) ? fiji.resolve("jars") : plugins.resolve("jars");
        Files.createDirectories(jars);
        List<String> clashes = tensorFlowClashes(fiji);
        copy(pluginJar, plugins.resolve(pluginJar.getFileName()));
        report.accept("plugin: " + plugins.resolve(pluginJar.getFileName()));
        Map<String, Path> present = artifacts(jars);
        int added = 0;
        for (Path jar : jarsIn(libraries)) {
            String artifact = artifact(jar.getFileName().toString());
            if (artifact.equals("ij")) {
                continue; // ImageJ runs TumorJ; it never ships inside it
            }
            Path there = present.get(artifact);
            if (there == null || there.getFileName().equals(jar.getFileName())) {
                copy(jar, jars.resolve(jar.getFileName()));
                added++;
            } else {
                report.accept("kept " + fiji.relativize(there) + " (TumorJ was built with " + jar.getFileName() + ")");
            }
        }
        report.accept("libraries: " + added + " in " + fiji.relativize(jars));
        if (Files.isRegularFile(natives)) {
            Path dir = Files.createDirectories(jars.resolve(TensorFlowRuntime.fijiPlatform(TensorFlowRuntime.platform())));
            copy(natives, dir.resolve(natives.getFileName()));
            report.accept("TensorFlow natives: " + fiji.relativize(dir.resolve(natives.getFileName()))
                    + " (unpacked once, on first use)");
        } else {
            Path target = plugins.resolve(TensorFlowRuntime.NATIVES_BESIDE_JAR).resolve(natives.getFileName());
            boolean linked = installNatives(target);
            report.accept("TensorFlow natives: " + fiji.relativize(target) + (linked ? " (hard links)" : " (copied)"));
        }
        clashes.forEach(c -> report.accept("CLASH: " + c));
        return clashes;
    }

    private List<String> tensorFlowClashes(Path fiji) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path dir : List.of(fiji.resolve("jars"), fiji.resolve("plugins"), fiji.resolve("plugins").resolve("jars"))) {
            for (Path jar : jarsIn(dir)) {
                if (TENSORFLOW_1.matcher(jar.getFileName().toString()).matches()) {
                    out.add(fiji.relativize(jar) + " is TensorFlow 1.x (CSBDeep, StarDist) and shadows TumorJ's"
                            + " TensorFlow; disable that update site in this Fiji, or install TumorJ into a second Fiji");
                }
            }
        }
        return out;
    }

    /** The natives, replaced whole: hard links when they can be, else copies. */
    private boolean installNatives(Path target) throws IOException {
        if (Files.isDirectory(target)) {
            AtomicFiles.deleteRecursively(target);
        }
        Files.createDirectories(target);
        boolean linked = true;
        try (Stream<Path> files = Files.walk(natives)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(natives.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    linked &= linkOrCopy(f, to);
                }
            }
        }
        return linked;
    }

    /** A hard link where the file system allows (natives are hundreds of MB), else a copy; true if linked. */
    static boolean linkOrCopy(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from.toRealPath());
            return true;
        } catch (FileSystemException | UnsupportedOperationException e) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            return false;
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        AtomicFiles.write(to, out -> Files.copy(from, out));
    }

    private static Map<String, Path> artifacts(Path dir) throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        for (Path jar : jarsIn(dir)) {
            out.put(artifact(jar.getFileName().toString()), jar);
        }
        return out;
    }

    /** {@code gson-2.13.1.jar} -> {@code gson}. */
    static String artifact(String fileName) {
        Matcher m = VERSIONED.matcher(fileName);
        return (m.matches() ? m.group(1) : fileName.replaceFirst("\\.jar$", "")).toLowerCase(Locale.ROOT);
    }

    /** The jars directly in {@code dir}, sorted; none when it is not a folder. */
    static List<Path> jarsIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }
}
