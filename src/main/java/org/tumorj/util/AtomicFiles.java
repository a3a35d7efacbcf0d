package org.tumorj.util;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes outputs under a temporary name beside the target and renames them into place, so an
 * interrupted run leaves either the old file or the new one, never a half-written one.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Something that writes to a stream. */
    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    /** Something that fills a (temporary) directory. */
    @FunctionalInterface
    public interface DirectoryWriter {
        void write(Path dir) throws IOException;
    }

    public static void write(Path target, StreamWriter writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createFile(temporarySibling(dir, target, ".partial"));
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Fills a temporary sibling directory, then swaps it in for {@code target} (which is replaced
     * if it exists). Used for model bundles and per-study output folders.
     */
    public static void writeDirectory(Path target, DirectoryWriter writer) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createDirectory(temporarySibling(parent, target, ".partial"));
        try {
            writer.write(tmp);
            Path old = null;
            if (Files.exists(target)) {
                old = parent.resolve("." + target.getFileName() + ".old-" + System.nanoTime());
                move(target, old);
            }
            move(tmp, target);
            if (old != null) {
                deleteRecursively(old);
            }
        } finally {
            if (Files.exists(tmp)) {
                deleteRecursively(tmp);
            }
        }
    }

    /**
     * Removes the temporary siblings a killed run left in {@code dir} ({@code .NAME.NONCE.partial},
     * written by this class; not a {@code .old} folder of an interrupted swap, which may hold the
     * only copy of an earlier output), when older than {@code minimumAge}: a temporary folder is only filled
     * for the seconds its outputs take to write, so an old one belongs to no live run, while a
     * young one may belong to a second batch writing into the same folder.
     *
     * @return how many were removed
     */
    public static int removeLeftovers(Path dir, java.time.Duration minimumAge) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        java.time.Instant before = java.time.Instant.now().minus(minimumAge);
        int removed = 0;
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.filter(AtomicFiles::isLeftover).toList()) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(before)) {
                    deleteRecursively(p);
                    removed++;
                }
            }
        }
        return removed;
    }

    private static boolean isLeftover(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".partial");
    }

    /**
     * A fresh hidden name beside the target. Not Files.createTemp*: those make owner-only files
     * (0600), and outputs must get the user's normal permissions so a lab can share them.
     */
    private static Path temporarySibling(Path dir, Path target, String suffix) {
        long nonce = java.util.concurrent.ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
        return dir.resolve("." + target.getFileName() + "." + Long.toString(nonce, 36) + suffix);
    }

    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Checks, before any work, that the folder {@code target} can be written: it is not a file,
     * and the process may create files where the writes go. With {@code beside}, outputs are
     * swapped in from a temporary sibling (a model bundle), so its parent must be writable;
     * otherwise they go into the folder itself (a batch's study folders), so an existing folder
     * must be writable, and a missing one's nearest existing ancestor. Training for minutes to
     * then fail on a read-only output folder is what this prevents.
     *
     * @throws IOException naming the path and the problem
     */
    public static void checkWritable(Path target, boolean beside) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IOException(target + ": exists and is not a folder; choose another output folder");
        }
        Path existing = beside || !Files.isDirectory(absolute) ? absolute.getParent() : absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new IOException(target + ": cannot be created, " + existing + " is not a folder");
        }
        try {
            Files.deleteIfExists(Files.createTempFile(existing, ".tumorj-write-check", ".tmp"));
        } catch (IOException e) {
            throw new IOException(target + ": cannot write there (" + existing + " is read-only or not ours: "
                    + e.getClass().getSimpleName() + "); choose another output folder", e);
        }
    }
}
