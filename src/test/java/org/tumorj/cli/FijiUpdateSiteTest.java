package org.tumorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.backbone.TensorFlowRuntime;

/** The folder {@code ./tumorj update-site} writes is what Fiji.app looks like after the update. */
class FijiUpdateSiteTest {
    private static final String LINUX_JAR = "tensorflow-core-native-1.0.0-rc.1-linux-x86_64.jar";
    private static final String WINDOWS_JAR = "tensorflow-core-native-1.0.0-rc.1-windows-x86_64.jar";

    @TempDir Path dir;

    private FijiUpdateSite site(List<String> report) throws Exception {
        Path build = Files.createDirectories(dir.resolve("build"));
        Path jar = Files.writeString(build.resolve("TumorJ_.jar"), "plugin");
        Path lib = Files.createDirectories(build.resolve("lib"));
        for (String name : List.of("gson-2.13.1.jar", "boofcv-ip-1.1.7.jar", "ij-1.54p.jar")) {
            Files.writeString(lib.resolve(name), name);
        }
        Path natives = Files.createDirectories(build.resolve("native-jars"));
        Files.writeString(natives.resolve(LINUX_JAR), "linux natives");
        Files.writeString(natives.resolve(WINDOWS_JAR), "windows natives");
        return new FijiUpdateSite(jar, lib, natives, report::add);
    }

    @Test
    void pluginLibrariesAndEachPlatformsNativeJarWhereFijiKeepsThem() throws Exception {
        Path out = dir.resolve("site");
        List<String> report = new ArrayList<>();

        site(report).writeTo(out);

        assertEquals(List.of("jars/boofcv-ip-1.1.7.jar", "jars/gson-2.13.1.jar", "jars/linux64/" + LINUX_JAR,
                "jars/win64/" + WINDOWS_JAR, "plugins/TumorJ_.jar"), files(out), "ImageJ itself is Fiji's, never the site's");
        assertEquals("linux natives", Files.readString(out.resolve("jars/linux64/" + LINUX_JAR)));
        assertTrue(Files.notExists(dir.resolve("site.partial")));
        assertTrue(report.contains("jars/win64/" + WINDOWS_JAR), report.toString());
    }

    @Test
    void tumorJInstalledFromTheSiteFindsItsNativeJarInThePlatformFolder() throws Exception {
        Path fiji = dir.resolve("Fiji.app");
        site(new ArrayList<>()).writeTo(fiji);

        List<Path> folders = TensorFlowRuntime.nativeJarFolders(fiji.resolve("plugins/TumorJ_.jar"));

        assertTrue(folders.contains(fiji.resolve("jars").resolve(TensorFlowRuntime.fijiPlatform(TensorFlowRuntime.platform()))
                .toAbsolutePath()), folders.toString());
        if (TensorFlowRuntime.platform().equals("linux-x86_64")) {
            assertTrue(folders.stream().anyMatch(f -> Files.isRegularFile(f.resolve(LINUX_JAR))), folders.toString());
        }
        assertEquals("linux64", TensorFlowRuntime.fijiPlatform("linux-x86_64"));
        assertEquals("macos-arm64", TensorFlowRuntime.fijiPlatform("macosx-arm64"));
    }

    @Test
    void aFolderThatIsNotEmptyIsRefusedAndLeftAsItWas() throws Exception {
        Path out = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(out.resolve("notes.txt"), "mine");

        CliException e = assertThrows(CliException.class, () -> site(new ArrayList<>()).writeTo(out));

        assertTrue(e.getMessage().contains("busy") && e.getMessage().contains("not an empty folder"), e.getMessage());
        assertEquals(List.of("notes.txt"), files(out));
    }

    @Test
    void aNativeJarOfNoKnownPlatformIsRefusedByName() throws Exception {
        FijiUpdateSite site = site(new ArrayList<>());
        Files.writeString(dir.resolve("build/native-jars/tensorflow-core-native-1.0.0-rc.1.jar"), "no classifier");

        CliException e = assertThrows(CliException.class, () -> site.writeTo(dir.resolve("site")));

        assertTrue(e.getMessage().contains("tensorflow-core-native-1.0.0-rc.1.jar") && e.getMessage().contains("not a"
                + " platform's native jar"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("site")));
    }

    private static List<String> files(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
