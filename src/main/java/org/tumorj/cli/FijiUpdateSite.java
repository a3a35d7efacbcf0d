package org.tumorj.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tumorj.backbone.TensorFlowRuntime;
import org.tumorj.util.AtomicFiles;

/**
 * Writes the files of a Fiji update site for TumorJ, laid out as they land in {@code Fiji.app}:
 * {@code plugins/TumorJ_.jar}, its libraries in {@code jars/} (ImageJ itself left out: Fiji has
 * it), and each platform's {@code tensorflow-core-native} jar in {@code jars/<platform>/}
 * ({@code linux64}, {@code win64}, {@code macosx}), the folder Fiji's launcher puts on the class
 * path on that platform only. TumorJ unpacks the natives from that jar once, into the user's
 * TumorJ folder, on first use (see {@code NativeJarUnpacker}): no 600 MB of unpacked natives on
 * the site, and no environment variable. Uploading the folder is the Fiji updater's job
 * ({@code Help > Update... > Manage update sites}, or its command line).
 */
final class FijiUpdateSite {
    private static final String NATIVE_JAR = "tensorflow-core-native-";
    /** A platform's native jar; group 1 its classifier. The others (no classifier, -gpu) are refused. */
    private static final Pattern PLATFORM_JAR = Pattern.compile(
            "tensorflow-core-native-[\\w.\\-]+?-((?:linux|macosx|windows)-(?:x86_64|arm64))\\.jar");

    private final Path pluginJar;
    private final Path libraries;
    private final Path nativeJars;
    private final Consumer<String> report;

    /**
     * @param pluginJar the built {@code TumorJ_.jar}
     * @param libraries its runtime jars ({@code target/lib})
     * @param nativeJars a folder of {@code tensorflow-core-native-VERSION-PLATFORM.jar} files, one
     *     per platform the site serves ({@code target/native-jars} holds this machine's)
     */
    FijiUpdateSite(Path pluginJar, Path libraries, Path nativeJars, Consumer<String> report) {
        this.pluginJar = pluginJar;
        this.libraries = libraries;
        this.nativeJars = nativeJars;
        this.report = report;
    }

    /** Writes the layout into {@code out} (a new or empty folder), all of it or nothing. */
    void writeTo(Path out) throws IOException, CliException {
        if (Files.exists(out) && (!Files.isDirectory(out) || !isEmpty(out))) {
            throw CliException.forFile(out, "exists and is not an empty folder; give a new folder for the update site");
        }
        List<Path> natives = FijiInstall.jarsIn(nativeJars).stream().filter(j -> j.getFileName().toString().startsWith(NATIVE_JAR))
                .toList();
        if (natives.isEmpty()) {
            throw CliException.forFile(nativeJars, "holds no " + NATIVE_JAR + "*.jar; build TumorJ first (mvn package"
                    + " copies this platform's), and add other platforms' jars from Maven Central there");
        }
        Path staging = out.resolveSibling(out.getFileName() + ".partial");
        AtomicFiles.deleteRecursively(staging);
        Files.createDirectories(staging.resolve("plugins"));
        Path jars = Files.createDirectories(staging.resolve("jars"));
        Files.copy(pluginJar, staging.resolve("plugins").resolve(pluginJar.getFileName()));
        int count = 0;
        for (Path jar : FijiInstall.jarsIn(libraries)) {
            if (!FijiInstall.artifact(jar.getFileName().toString()).equals("ij")) {
                Files.copy(jar, jars.resolve(jar.getFileName()));
                count++;
            }
        }
        report.accept("plugins/" + pluginJar.getFileName() + ", " + count + " libraries in jars/");
        for (Path nativeJar : natives) {
            String name = nativeJar.getFileName().toString();
            Matcher m = PLATFORM_JAR.matcher(name);
            if (!m.matches()) {
                throw CliException.forFile(nativeJar, "not a platform's native jar (tensorflow-core-native-VERSION-"
                        + "{linux,macosx,windows}-{x86_64,arm64}.jar); remove it from " + nativeJars);
            }
            String platform = TensorFlowRuntime.fijiPlatform(m.group(1));
            Path dir = Files.createDirectories(jars.resolve(platform));
            FijiInstall.linkOrCopy(nativeJar, dir.resolve(name));
            report.accept("jars/" + platform + "/" + name);
        }
        if (Files.isDirectory(out)) {
            Files.delete(out);
        }
        Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

}
