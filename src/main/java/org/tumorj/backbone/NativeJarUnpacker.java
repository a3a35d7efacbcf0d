package org.tumorj.backbone;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.tumorj.util.AtomicFiles;
import org.tumorj.util.Progress;

/**
 * TensorFlow's native libraries taken from the {@code org.tensorflow:tensorflow-core-native} jar of
 * this platform and unpacked once into TumorJ's folder, for a Fiji or ImageJ where a user dropped
 * TumorJ's jars (release download, update site) and nothing unpacked them: DJL loads the natives
 * from a folder, not from a jar.
 *
 * <p>The jar is the one on the class path, or one named {@code tensorflow-core-native-*-PLATFORM.jar}
 * in the folders given (beside TumorJ's jar, Fiji's {@code jars/}). It is unpacked into
 * {@code natives/<jar name>} under the cache root, through a temporary folder moved into place in
 * one step, so a killed unpack leaves no half folder that would be taken for a whole one, and two
 * processes unpacking at once both end with the same complete folder.
 */
final class NativeJarUnpacker {
    static final String ENTRY_PREFIX = "org/tensorflow/internal/c_api/";
    private static final String JAR_PREFIX = "tensorflow-core-native-";

    private NativeJarUnpacker() {}

    /** The platform's native jar: on the class path first, else the newest-named one in {@code folders}. */
    static Optional<Path> findJar(String platform, ClassLoader loader, List<Path> folders) {
        URL license = loader == null ? null : loader.getResource(ENTRY_PREFIX + platform + "/LICENSE");
        if (license != null && "jar".equals(license.getProtocol())) {
            try {
                JarURLConnection jar = (JarURLConnection) license.openConnection();
                return Optional.of(Path.of(jar.getJarFileURL().toURI()));
            } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
                // not a file jar (nested, remote): look in the folders
            }
        }
        List<Path> found = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> {
                    String name = f.getFileName().toString();
                    return name.startsWith(JAR_PREFIX) && name.endsWith("-" + platform + ".jar");
                }).forEach(found::add);
            } catch (IOException e) {
                // an unreadable folder holds no jar we could use
            }
            if (!found.isEmpty()) {
                break;
            }
        }
        return found.stream().max(Comparator.comparing(p -> p.getFileName().toString()));
    }

    /**
     * The folder holding the natives of {@code jar} for {@code platform}, unpacking them under
     * {@code cacheRoot} the first time.
     *
     * @throws IOException naming the jar when it holds no natives for the platform or cannot be read,
     *     and the folder when it cannot be written
     */
    static Path unpacked(Path jar, String platform, Path cacheRoot, Progress progress) throws IOException {
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        Path target = cacheRoot.resolve("natives").resolve(name);
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempDirectory(target.getParent(), "." + name + ".partial-");
        try {
            extract(jar, ENTRY_PREFIX + platform + "/", partial, progress);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // another process finished first: its folder is complete, ours is dropped below
            }
            return target;
        } finally {
            AtomicFiles.deleteRecursively(partial);
        }
    }

    private static void extract(Path jar, String prefix, Path into, Progress progress) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries()).stream()
                    .filter(e -> !e.isDirectory() && e.getName().startsWith(prefix)).toList();
            if (entries.stream().noneMatch(e -> e.getName().contains("jnitensorflow"))) {
                throw new IOException(jar + " holds no TensorFlow natives under " + prefix
                        + ": it is not the tensorflow-core-native jar of this platform");
            }
            long total = entries.stream().mapToLong(e -> Math.max(0, e.getSize())).sum(), done = 0;
            progress.log("unpacking the TensorFlow natives (" + (total >> 20) + " MB, once) from " + jar + " into "
                    + into.getParent());
            byte[] buffer = new byte[1 << 20];
            for (ZipEntry e : entries) {
                Path out = into.resolve(e.getName().substring(prefix.length())).normalize();
                if (!out.startsWith(into)) {
                    throw new IOException(jar + ": entry " + e.getName() + " points outside its folder");
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(e); OutputStream os = Files.newOutputStream(out)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        os.write(buffer, 0, n);
                        done += n;
                        progress.update("unpacking TensorFlow natives", done, total);
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(jar + " is not a readable jar (" + e.getMessage() + "); download it again", e);
        }
    }
}
