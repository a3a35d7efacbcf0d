package org.tumorj.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/** Slices decoded on the pool come out in slice order, streamed or all at once, and errors name the first bad file. */
class VolumeStreamTest {
    private static final String SERIES = "1.2.826.0.1.3680043.9.1313";
    private final DicomReader reader = DicomReader.standard();
    @TempDir Path dir;

    @Test
    void aStreamedSeriesHandsOutTheSameSlicesAsReadVolumeInOrder() throws IOException {
        writeSeries(12, "40\\400");
        DicomSeries series = scan();
        Volume whole = reader.readVolume(series, Progress.none());
        try (VolumeStream stream = reader.streamVolume(series, Progress.none()).orElseThrow()) {
            assertEquals(whole.info().sopInstanceUids(), stream.info().sopInstanceUids());
            assertEquals(40, stream.info().windowCenter());
            List<float[]> slices = stream.slices();
            assertEquals(12, slices.size());
            for (int z = 0; z < 12; z++) {
                assertArrayEquals(whole.slice(z), slices.get(z), "slice " + z);
            }
        }
    }

    @Test
    void aStreamedSliceIsHandedOutOnceAndInOrder() throws IOException {
        writeSeries(3, "40\\400");
        try (VolumeStream stream = reader.streamVolume(scan(), Progress.none()).orElseThrow()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> stream.slices().get(1));
            assertTrue(e.getMessage().contains("asked for slice 1 when slice 0 was next"), e.getMessage());
        }
    }

    /** The window would have to come from the values, which a stream has not seen yet. */
    @Test
    void aSeriesWithoutAWindowInItsHeaderIsNotStreamed() throws IOException {
        writeSeries(3, null);
        assertTrue(reader.streamVolume(scan(), Progress.none()).isEmpty());
    }

    /** Files 3 and 6 of 8 lose their pixels after the scan: the error is always file 3's, whichever thread ends first. */
    @Test
    void theErrorIsTheFirstBadFileInSliceOrder() throws IOException {
        writeSeries(8, "40\\400");
        DicomSeries series = scan();
        truncate(dir.resolve("IM3"));
        truncate(dir.resolve("IM6"));
        for (int run = 0; run < 5; run++) {
            DicomException e = assertThrows(DicomException.class, () -> reader.readVolume(series, Progress.none()));
            assertEquals(dir.resolve("IM3"), e.file());
            assertTrue(e.getMessage().contains("pixel data truncated: the file changed since its header was read"), e.getMessage());
            try (VolumeStream stream = reader.streamVolume(series, Progress.none()).orElseThrow()) {
                List<float[]> slices = stream.slices();
                slices.get(0);
                slices.get(1);
                assertEquals(dir.resolve("IM3"), assertThrows(DicomException.class, () -> slices.get(2)).file());
            }
        }
    }

    /** A consumer at slice 0 has caused at most 1 + ahead files to be decoded; all come out in slice order. */
    @Test
    void noMoreThanAheadFilesAreDecodedBeyondTheConsumer() throws IOException {
        writeSeries(10, null);
        java.util.concurrent.atomic.AtomicInteger decoded = new java.util.concurrent.atomic.AtomicInteger();
        try (OrderedSlices<Integer> slices = new OrderedSlices<>(scan(), Progress.none(), 2, (decoder, index) -> {
            decoded.incrementAndGet();
            return index;
        })) {
            assertEquals(0, slices.next());
            Thread.sleep(200); // time for a pool that ignored the bound to decode more
            assertTrue(decoded.get() <= 3, decoded.get() + " files decoded");
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), slices.all());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private DicomSeries scan() {
        return reader.scan(dir, Progress.none()).largest().orElseThrow();
    }

    /** Slices 1..n at z = 2 mm apart, file {@code IMk} holding slice k, each pixel its slice number plus its index. */
    private void writeSeries(int slices, String window) throws IOException {
        for (int k = 1; k <= slices; k++) {
            short[] pixels = new short[16 * 16];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (short) (100 * k + i);
            }
            TestDicomWriter.ctSlice(SERIES, k, 16, 16, 2.0 * k, pixels, "1", "-1024", window)
                    .writeTo(dir.resolve("IM" + k), TestDicomWriter.EXPLICIT_LE);
        }
    }

    private static void truncate(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 100);
        }
    }
}
