package org.tumorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.backbone.TensorFlowRuntime;

/** What {@code ./tumorj install-fiji} leaves in a Fiji folder, and what it refuses to touch. */
class FijiInstallTest {
    @TempDir Path dir;

    private FijiInstall installer(List<String> report) throws Exception {
        Path build = Files.createDirectories(dir.resolve("build"));
        Path jar = Files.writeString(build.resolve("TumorJ_.jar"), "plugin");
        Path lib = Files.createDirectories(build.resolve("lib"));
        for (String name : List.of("gson-2.13.1.jar", "boofcv-ip-1.1.7.jar", "ij-1.54p.jar")) {
            Files.writeString(lib.resolve(name), name);
        }
        Path natives = Files.createDirectories(build.resolve("natives").resolve("linux-x86_64"));
        Files.writeString(natives.resolve("libtensorflow_cc.so.2"), "native");
        return new FijiInstall(jar, lib, natives, report::add);
    }

    @Test
    void installsBesideFijisJarsKeepsTheirVersionsAndNeverCopiesImageJ() throws Exception {
        Path fiji = dir.resolve("Fiji.app");
        Files.createDirectories(fiji.resolve("plugins"));
        Files.writeString(Files.createDirectories(fiji.resolve("jars")).resolve("gson-2.10.1.jar"), "fiji's gson");
        List<String> report = new ArrayList<>();

        assertEquals(List.of(), installer(report).into(fiji));

        assertEquals("plugin", Files.readString(fiji.resolve("plugins/TumorJ_.jar")));
        assertTrue(Files.exists(fiji.resolve("jars/boofcv-ip-1.1.7.jar")));
        assertEquals("fiji's gson", Files.readString(fiji.resolve("jars/gson-2.10.1.jar")));
        assertTrue(Files.notExists(fiji.resolve("jars/gson-2.13.1.jar")), "Fiji's updater owns its gson");
        assertTrue(Files.notExists(fiji.resolve("jars/ij-1.54p.jar")));
        assertEquals("native", Files.readString(fiji.resolve("plugins/tumorj-natives/linux-x86_64/libtensorflow_cc.so.2")));
        assertTrue(report.contains("kept jars/gson-2.10.1.jar (TumorJ was built with gson-2.13.1.jar)"), report.toString());
    }

    @Test
    void plainImageJGetsItsJarsUnderPluginsAndATensorFlowOneClashIsReported() throws Exception {
        Path imagej = dir.resolve("ImageJ");
        Files.writeString(Files.createDirectories(imagej.resolve("plugins")).resolve("libtensorflow-1.15.0.jar"), "tf1");
        List<String> report = new ArrayList<>();

        List<String> clashes = installer(report).into(imagej);

        assertTrue(Files.exists(imagej.resolve("plugins/jars/boofcv-ip-1.1.7.jar")));
        assertEquals(1, clashes.size(), clashes.toString());
        assertTrue(clashes.get(0).contains("plugins/libtensorflow-1.15.0.jar is TensorFlow 1.x"), clashes.get(0));
    }

    @Test
    void nativesGivenAsTheirJarGoToThePlatformFolderOfJars() throws Exception {
        Path fiji = dir.resolve("Fiji.app");
        Files.createDirectories(fiji.resolve("plugins"));
        Files.createDirectories(fiji.resolve("jars"));
        String name = "tensorflow-core-native-1.0.0-rc.1-" + TensorFlowRuntime.platform() + ".jar";
        Path nativeJar = Files.writeString(Files.createDirectories(dir.resolve("release")).resolve(name), "native jar");
        FijiInstall fromJar = new FijiInstall(Files.writeString(dir.resolve("TumorJ_.jar"), "plugin"),
                Files.createDirectories(dir.resolve("lib")), nativeJar, new ArrayList<String>()::add);

        assertEquals(List.of(), fromJar.into(fiji));

        Path installed = fiji.resolve("jars").resolve(TensorFlowRuntime.fijiPlatform(TensorFlowRuntime.platform()))
                .resolve(name);
        assertEquals("native jar", Files.readString(installed));
        assertTrue(TensorFlowRuntime.nativeJarFolders(fiji.resolve("plugins/TumorJ_.jar")).contains(installed.getParent()),
                "where TumorJ in that Fiji looks for it");
        assertTrue(Files.notExists(fiji.resolve("plugins").resolve(TensorFlowRuntime.NATIVES_BESIDE_JAR)));
    }

    @Test
    void aFolderThatIsNotFijiIsRefusedByName() throws Exception {
        CliException e = assertThrows(CliException.class, () -> installer(new ArrayList<>()).into(dir.resolve("nothing")));
        assertTrue(e.getMessage().contains("nothing") && e.getMessage().contains("no plugins/ folder"), e.getMessage());
    }
}
