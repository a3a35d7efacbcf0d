package org.tumorj.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.util.Progress;

/** A Fiji with TumorJ's jars dropped in and nothing unpacked: the natives come out of their jar once. */
class NativeJarUnpackerTest {
    private static final String PLATFORM = "linux-x86_64";
    private static final String DIR = NativeJarUnpacker.ENTRY_PREFIX + PLATFORM + "/";

    @TempDir
    Path tmp;

    private static Path jar(Path file, Map<String, String> entries) throws IOException {
        Files.createDirectories(file.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    private Path nativeJar(Path folder) throws IOException {
        return jar(folder.resolve("tensorflow-core-native-1.0.0-rc.1-" + PLATFORM + ".jar"), Map.of(
                DIR + "libjnitensorflow.so", "jni", DIR + "libtensorflow_cc.so.2", "tensorflow",
                DIR + "THIRD_PARTY_TF_JNI_LICENSES/a.txt", "licence", DIR + "LICENSE", "apache",
                "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"));
    }

    @Test
    void theJarInFijisJarsFolderIsFoundAndUnpackedOnceWithItsBytes() throws IOException {
        Path fijiJars = tmp.resolve("Fiji.app/jars");
        Path jar = nativeJar(fijiJars);
        jar(fijiJars.resolve("tensorflow-core-native-1.0.0-rc.1-macosx-arm64.jar"), Map.of("x", "y"));
        Optional<Path> found = NativeJarUnpacker.findJar(PLATFORM, null, List.of(tmp.resolve("Fiji.app/plugins"), fijiJars));
        assertEquals(Optional.of(jar), found);

        List<String> said = new ArrayList<>();
        long[] lastDone = {0};
        Progress progress = new Progress() {
            @Override public void update(String step, long done, long total) { lastDone[0] = done; }
            @Override public void log(String message) { said.add(message); }
            @Override public boolean isCancelled() { return false; }
        };
        Path cache = tmp.resolve("cache");
        Path natives = NativeJarUnpacker.unpacked(jar, PLATFORM, cache, progress);
        assertEquals("tensorflow", Files.readString(natives.resolve("libtensorflow_cc.so.2")));
        assertEquals("jni", Files.readString(natives.resolve("libjnitensorflow.so")));
        assertEquals("licence", Files.readString(natives.resolve("THIRD_PARTY_TF_JNI_LICENSES/a.txt")));
        assertFalse(Files.exists(natives.resolve("META-INF")), "only the platform's folder is unpacked");
        assertEquals(1, said.size(), "one line names what is unpacked, from where, to where: " + said);
        assertEquals("jni".length() + "tensorflow".length() + "licence".length() + "apache".length(), lastDone[0]);

        byte[] before = Files.readAllBytes(natives.resolve("libtensorflow_cc.so.2"));
        Files.writeString(natives.resolve("marker"), "kept");
        assertEquals(natives, NativeJarUnpacker.unpacked(jar, PLATFORM, cache, progress));
        assertEquals("kept", Files.readString(natives.resolve("marker")), "a second start unpacks nothing");
        assertEquals(1, said.size());
        assertArrayEquals(before, Files.readAllBytes(natives.resolve("libtensorflow_cc.so.2")));
        try (Stream<Path> left = Files.list(natives.getParent())) {
            assertEquals(List.of(natives), left.toList(), "no temporary folder is left behind");
        }
    }

    @Test
    void aJarOnTheClassPathWinsOverTheFolders() throws IOException {
        Path onClassPath = nativeJar(tmp.resolve("classpath"));
        nativeJar(tmp.resolve("folder"));
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {onClassPath.toUri().toURL()}, null)) {
            assertEquals(Optional.of(onClassPath), NativeJarUnpacker.findJar(PLATFORM, loader, List.of(tmp.resolve("folder"))));
        }
        assertEquals(Optional.empty(), NativeJarUnpacker.findJar(PLATFORM, null, List.of(tmp.resolve("nowhere"))));
    }

    @Test
    void aJarWithoutThisPlatformsNativesOrNotAJarIsRefusedByName() throws IOException {
        Path wrong = jar(tmp.resolve("tensorflow-core-native-1.0.0-rc.1-" + PLATFORM + ".jar"),
                Map.of(NativeJarUnpacker.ENTRY_PREFIX + "macosx-arm64/libjnitensorflow.dylib", "mac"));
        IOException e = assertThrows(IOException.class, () -> NativeJarUnpacker.unpacked(wrong, PLATFORM, tmp.resolve("c"),
                Progress.none()));
        assertTrue(e.getMessage().contains(wrong.toString()) && e.getMessage().contains("no TensorFlow natives"), e.getMessage());

        Path broken = tmp.resolve("b/tensorflow-core-native-1.0.0-rc.1-" + PLATFORM + ".jar");
        Files.createDirectories(broken.getParent());
        try (OutputStream out = Files.newOutputStream(broken)) {
            out.write("not a zip".getBytes(StandardCharsets.UTF_8));
        }
        e = assertThrows(IOException.class, () -> NativeJarUnpacker.unpacked(broken, PLATFORM, tmp.resolve("c"), Progress.none()));
        assertTrue(e.getMessage().contains(broken.toString()), e.getMessage());
        try (Stream<Path> left = Files.list(tmp.resolve("c/natives"))) {
            assertEquals(0, left.count(), "a failed unpack leaves nothing that would be taken for natives");
        }
    }
}
