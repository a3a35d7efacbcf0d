package org.tumorj.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * Coverage-guided fuzzing of the reader (Jazzer). The contract, for any bytes: the read ends in a
 * decoded image or a {@link DicomException}; never another exception, never a hang (10 s), never
 * more memory than {@link #allocationBound}.
 *
 * <p>Normal test runs replay the seeds (the shipped corpus) and every committed crash input in
 * {@code src/test/resources/org/tumorj/dicom/DicomFuzzTestInputs/<method>/}. Fuzzing is
 * {@code scripts/fuzz-dicom [seconds] [method]} (JAZZER_FUZZ=1).
 */
class DicomFuzzTest {
    private static final long HANG_SECONDS = 10;
    /** Runs each read; replaced after a hang, since the hung thread cannot be stopped. */
    private static ExecutorService worker = newWorker();
    private static volatile Thread workerThread;
    private static Path dir;
    private static Path neighbour;

    @BeforeAll
    static void createFolder() throws IOException {
        dir = Files.createTempDirectory("tumorj-fuzz");
        neighbour = dir.resolve("neighbour.dcm"); // a valid slice the fuzzed file shares a folder with
        Files.copy(TestImages.file("pydicom/CT2/17106"), neighbour);
    }

    @AfterAll
    static void deleteFolder() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** One file through header scan, pixel decoding of every frame, and the header text. */
    @FuzzTest(maxDuration = "30s")
    void singleFile(byte[] bytes) throws Exception {
        Path file = write("single.dcm", bytes);
        withDeadline(() -> {
            long[] samples = new long[1];
            long allocated = allocation(() -> samples[0] = decodeAll(file));
            if (allocated > allocationBound(bytes.length, samples[0])) {
                // Loading (and instrumenting) a codec's classes allocates too; a second read of
                // the same bytes measures the reader alone.
                allocated = allocation(() -> decodeAll(file));
            }
            assertTrue(allocated <= allocationBound(bytes.length, samples[0]),
                    "allocated " + allocated + " bytes for a " + bytes.length + "-byte file of " + samples[0] + " samples");
            return null;
        });
    }

    /** The file beside a valid CT slice, through the public API: folder scan, series, volume. */
    @FuzzTest(maxDuration = "30s")
    void folderScan(byte[] bytes) throws Exception {
        write("single.dcm", bytes);
        withDeadline(() -> {
            DicomReader reader = DicomReader.standard();
            DicomScan scan = reader.scan(dir, Progress.none());
            for (DicomException problem : scan.problems()) {
                // the scan's safety net turns any other RuntimeException into "cannot be read: ..."
                if (problem.problem().startsWith("cannot be read: ") && problem.getCause() instanceof RuntimeException) {
                    throw new AssertionError("scan hid an unexpected exception", problem.getCause());
                }
            }
            for (DicomSeries series : scan.series()) {
                readSeries(reader, series);
            }
            return null;
        });
    }

    /**
     * The documented bound (docs/robustness.md): 64 MiB, plus 64 bytes per input byte (buffers,
     * element values, inflated data sets), plus 16 bytes per declared sample (the raw int and the
     * float value; a codec's raster), and samples are capped at {@link PixelFormat#MAX_SAMPLES}.
     */
    static long allocationBound(long inputBytes, long samples) {
        return (64L << 20) + 64 * inputBytes + 16 * samples;
    }

    private static long decodeAll(Path file) {
        try {
            DicomImage header = DicomImage.read(file);
            PixelDecoder decoder = PixelDecoder.open(file);
            PixelFormat f = decoder.image().format;
            assertEquals(header.format, f, "header-only and full parse disagree");
            assertTrue((long) f.pixels() * f.samplesPerPixel() * f.frames() <= PixelFormat.MAX_SAMPLES);
            for (int i = 0; i < f.frames(); i++) {
                if (f.color()) {
                    assertEquals(f.pixels(), decoder.colorFrame(i).length);
                } else {
                    decoder.greyFrame(i, new float[f.pixels()]);
                }
            }
            DicomReader.standard().headerText(file, false);
            SeriesBuilder.build(List.of(header));
            return (long) f.pixels() * f.samplesPerPixel() * f.frames();
        } catch (DicomException e) {
            assertEquals(file, e.file(), "a DicomException names the file: " + e.getMessage());
            return 0;
        }
    }

    private static void readSeries(DicomReader reader, DicomSeries series) {
        try {
            if (series.isColor()) {
                reader.readColor(series, Progress.none());
            } else {
                Volume v = reader.readVolume(series, Progress.none());
                assertEquals(series.summary().slices(), v.slices().size());
            }
        } catch (DicomException e) {
            assertTrue(e.file() != null, "a DicomException names the file: " + e.getMessage());
        }
    }

    private static Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the read on a worker thread; more than HANG_SECONDS is a finding (a hang). */
    private static void withDeadline(java.util.concurrent.Callable<Void> read) throws Exception {
        Future<Void> result = worker.submit(read);
        try {
            getUnlessInstrumenting(result);
        } catch (TimeoutException e) {
            AssertionError hang = new AssertionError("the read did not finish within " + HANG_SECONDS + " s (a hang); "
                    + "the cause shows where the reader was");
            Throwable where = new Throwable("reader thread");
            where.setStackTrace(workerThread.getStackTrace());
            hang.initCause(where);
            result.cancel(true);
            worker.shutdownNow();
            worker = newWorker(); // the next input gets a fresh thread
            throw hang;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw (Error) e.getCause();
        }
    }

    /**
     * Waits HANG_SECONDS, and longer while the reader is only stalled in Jazzer's instrumentation
     * of a class it is loading (seconds per class on a busy machine; not the reader's time).
     */
    private static void getUnlessInstrumenting(Future<Void> result) throws Exception {
        while (true) {
            try {
                result.get(HANG_SECONDS, TimeUnit.SECONDS);
                return;
            } catch (TimeoutException e) {
                boolean instrumenting = java.util.Arrays.stream(workerThread.getStackTrace())
                        .anyMatch(f -> f.getClassName().startsWith("com.code_intelligence.jazzer.agent"));
                if (!instrumenting) {
                    throw e;
                }
            }
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "dicom-fuzz-worker");
            t.setDaemon(true); // a hung read must not keep the JVM alive after the finding is reported
            workerThread = t;
            return t;
        });
    }

    /** Bytes the calling thread allocates while running {@code read}. */
    private static long allocation(Runnable read) {
        long before = allocatedBytes();
        read.run();
        return allocatedBytes() - before;
    }

    /** Bytes allocated by the calling thread so far (HotSpot's per-thread counter). */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
