package org.tumorj.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import scala.Tuple2;

/**
 * Study folders and outputs on Hadoop's file systems ({@code hdfs://}, {@code s3a://},
 * {@code file://}, any scheme with a {@link FileSystem} on the class path): a location written as
 * a URI goes through them, a plain path stays a {@code java.nio} path. TumorJ's readers and
 * writers work on local files, so a study is copied to a local folder ({@link #download}) and its
 * outputs are copied back under a hidden temporary name, then renamed into place
 * ({@link #publish}): a study's folder appears whole or not at all where the file system renames
 * folders atomically (HDFS, local disks; on S3 a rename is a copy, see docs/scale-out.md).
 * The local file system is used without its {@code .crc} side files, so a {@code file://} output
 * holds what {@code ./tumorj detect} writes and nothing else.
 */
final class HadoopFiles {
    /** A scheme of two or more characters, then a colon and a slash: {@code hdfs://nn/x}, {@code file:/x}. */
    private static final Pattern URI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:/.*");
    private static final String PARTIAL = ".partial";
    private static final String SPARK_HADOOP = "spark.hadoop.";

    private HadoopFiles() {}

    /** Whether {@code location} is a URI for Hadoop's file systems rather than a local path. */
    static boolean isUri(String location) {
        return location != null && URI.matcher(location).matches();
    }

    /** Hadoop's configuration (its {@code *-site.xml}) with Spark's {@code spark.hadoop.*} settings over it. */
    static Configuration configuration(SparkConf spark) {
        Configuration conf = new Configuration();
        for (Tuple2<String, String> e : spark.getAllWithPrefix(SPARK_HADOOP)) {
            conf.set(e._1(), e._2());
        }
        return conf;
    }

    /** The file system of {@code location}; the local one without checksum side files. */
    static FileSystem fileSystem(org.apache.hadoop.fs.Path location, Configuration conf) throws IOException {
        FileSystem fs = location.getFileSystem(conf);
        return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
    }

    static org.apache.hadoop.fs.Path path(String uri) {
        return new org.apache.hadoop.fs.Path(uri);
    }

    /** Copies a study (a folder, or one file) to {@code local}, which must not exist yet. */
    static void download(FileSystem fs, org.apache.hadoop.fs.Path source, Path local) throws IOException {
        FileStatus status = fs.getFileStatus(source);
        if (!status.isDirectory()) {
            try (InputStream in = fs.open(source)) {
                Files.copy(in, local);
            }
            return;
        }
        Files.createDirectories(local);
        for (FileStatus child : fs.listStatus(source)) {
            download(fs, child.getPath(), local.resolve(child.getPath().getName()));
        }
    }

    /**
     * Copies the local folder {@code local} to {@code target} under a hidden temporary name beside
     * it, then renames it into place, replacing an older {@code target}. A copy that fails midway
     * is removed; one killed midway leaves only the temporary name, removed by a later batch
     * ({@link #removeLeftovers}).
     */
    static void publish(Path local, FileSystem fs, org.apache.hadoop.fs.Path target) throws IOException {
        org.apache.hadoop.fs.Path tmp = temporarySibling(target);
        boolean placed = false;
        try {
            upload(local, fs, tmp);
            if (fs.exists(target)) {
                fs.delete(target, true);
            }
            if (!fs.rename(tmp, target)) {
                throw new IOException(target + ": could not be renamed into place from " + tmp.getName());
            }
            placed = true;
        } finally {
            if (!placed) {
                fs.delete(tmp, true);
            }
        }
    }

    private static void upload(Path local, FileSystem fs, org.apache.hadoop.fs.Path target) throws IOException {
        if (!Files.isDirectory(local)) {
            try (OutputStream out = fs.create(target, false)) {
                Files.copy(local, out);
            }
            return;
        }
        fs.mkdirs(target);
        try (Stream<Path> children = Files.list(local)) {
            for (Path child : children.sorted().toList()) {
                upload(child, fs, new org.apache.hadoop.fs.Path(target, child.getFileName().toString()));
            }
        }
    }

    /** Writes {@code text} (UTF-8) to {@code target} whole: a temporary name, then a rename. */
    static void writeString(FileSystem fs, org.apache.hadoop.fs.Path target, String text) throws IOException {
        org.apache.hadoop.fs.Path tmp = temporarySibling(target);
        try {
            try (OutputStream out = fs.create(tmp, false)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            if (fs.exists(target)) {
                fs.delete(target, true);
            }
            if (!fs.rename(tmp, target)) {
                throw new IOException(target + ": could not be renamed into place");
            }
        } finally {
            fs.delete(tmp, true);
        }
    }

    /** Whether {@code folder} holds every one of {@code files}. */
    static boolean holdsAll(FileSystem fs, org.apache.hadoop.fs.Path folder, List<String> files) throws IOException {
        for (String f : files) {
            if (!fs.isFile(new org.apache.hadoop.fs.Path(folder, f))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Creates the output folder and checks that a file can be written in it (then removes that
     * file): an output a batch cannot write fails before Spark starts, naming it.
     */
    static void checkWritable(String output, Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path out = path(output);
        try {
            FileSystem fs = fileSystem(out, conf);
            fs.mkdirs(out);
            org.apache.hadoop.fs.Path probe = temporarySibling(new org.apache.hadoop.fs.Path(out, "write-check"));
            fs.create(probe, false).close();
            fs.delete(probe, false);
        } catch (IOException | RuntimeException e) {
            throw new IOException(output + ": the output folder cannot be written: " + e.getMessage(), e);
        }
    }

    /** Removes temporary names older than {@code minimumAge} that killed tasks left in {@code dir}. */
    static int removeLeftovers(FileSystem fs, org.apache.hadoop.fs.Path dir, Duration minimumAge) throws IOException {
        long before = System.currentTimeMillis() - minimumAge.toMillis();
        int removed = 0;
        for (FileStatus s : fs.listStatus(dir)) {
            String name = s.getPath().getName();
            if (name.startsWith(".") && name.endsWith(PARTIAL) && s.getModificationTime() < before) {
                fs.delete(s.getPath(), true);
                removed++;
            }
        }
        return removed;
    }

    /** A fresh hidden name beside {@code target}, as {@code AtomicFiles} names them on a local disk. */
    static org.apache.hadoop.fs.Path temporarySibling(org.apache.hadoop.fs.Path target) {
        long nonce = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
        return new org.apache.hadoop.fs.Path(target.getParent(), "." + target.getName() + "." + Long.toString(nonce, 36)
                + PARTIAL);
    }
}
