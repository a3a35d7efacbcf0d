package org.tumorj.dicom;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tumorj.util.CancelledException;
import org.tumorj.util.Progress;

/**
 * A series' slices decoded on a pool of one thread per processor and handed out in slice order.
 * One task per file, so a multi-frame file is parsed once. At most {@code ahead} files are decoded
 * beyond the one the consumer waits for, and a file's slices are let go once handed out: a series
 * read slice by slice holds a few slices, not all of them. A file that cannot be decoded fails the
 * first slice that needs it with that file's own {@link DicomException}, so the error a caller sees
 * is the first failing file in slice order, whatever the threads' timing.
 */
final class OrderedSlices<T> implements AutoCloseable {

    /** Decodes slice {@code index} of the series with its file's decoder. */
    @FunctionalInterface
    interface SliceDecoding<T> {
        T decode(PixelDecoder decoder, int index);
    }

    private final List<DicomSeries.Slice> slices;
    private final SliceDecoding<T> decoding;
    private final Progress progress;
    private final int ahead;
    /** The slice indices of each file, files in the order of their first slice. */
    private final List<List<Integer>> files = new ArrayList<>();
    private final int[] fileOf, placeInFile, lastSliceOf;
    private final List<Future<List<T>>> decoded = new ArrayList<>();
    private final ExecutorService pool;
    private int next;

    OrderedSlices(DicomSeries series, Progress progress, int ahead, SliceDecoding<T> decoding) {
        this.slices = series.slices();
        this.decoding = decoding;
        this.progress = progress;
        this.ahead = ahead;
        this.fileOf = new int[slices.size()];
        this.placeInFile = new int[slices.size()];
        groupByFile();
        this.lastSliceOf = new int[files.size()];
        for (int f = 0; f < files.size(); f++) {
            List<Integer> own = files.get(f);
            lastSliceOf[f] = own.get(own.size() - 1);
        }
        this.pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads(), files.size())), r -> {
            Thread t = new Thread(r, "tumorj-dicom-decode");
            t.setDaemon(true); // never keeps a finished command's JVM alive
            return t;
        });
    }

    /** One decoding thread per processor: the work is CPU-bound once the files are cached. */
    static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }

    private void groupByFile() {
        Map<DicomImage, Integer> fileIndex = new IdentityHashMap<>();
        for (int i = 0; i < slices.size(); i++) {
            int f = fileIndex.computeIfAbsent(slices.get(i).image(), k -> {
                files.add(new ArrayList<>());
                return files.size() - 1;
            });
            fileOf[i] = f;
            placeInFile[i] = files.get(f).size();
            files.get(f).add(i);
        }
    }

    int size() {
        return slices.size();
    }

    /** The next slice in order; blocks until its file is decoded, and starts the files after it. */
    T next() {
        if (next >= slices.size()) {
            throw new NoSuchElementException("all " + slices.size() + " slices were handed out");
        }
        int index = next++;
        int f = fileOf[index];
        submitThrough((int) Math.min(files.size() - 1L, (long) f + ahead)); // ahead may be Integer.MAX_VALUE
        T slice = await(decoded.get(f)).get(placeInFile[index]);
        if (index == lastSliceOf[f]) {
            decoded.set(f, null); // handed out in full: let it go
        }
        progress.update("Decoding pixels", index + 1, slices.size());
        return slice;
    }

    /** Every slice, in order (the whole series in memory). */
    List<T> all() {
        List<T> out = new ArrayList<>(slices.size());
        while (next < slices.size()) {
            out.add(next());
        }
        return out;
    }

    private void submitThrough(int lastFile) {
        while (decoded.size() <= lastFile) {
            int f = decoded.size();
            decoded.add(pool.submit(() -> decodeFile(f)));
        }
    }

    private List<T> decodeFile(int f) {
        progress.checkCancelled();
        List<Integer> own = files.get(f);
        PixelDecoder decoder = decoderFor(slices.get(own.get(0)).image());
        List<T> out = new ArrayList<>(own.size());
        for (int index : own) {
            out.add(decoding.decode(decoder, index));
        }
        return out;
    }

    /** A native file's pixels are read alone (its header was parsed by the scan); others parsed whole. */
    private static PixelDecoder decoderFor(DicomImage image) {
        boolean plain = !image.syntax.encapsulated() && !image.syntax.deflated();
        ParsedFile parsed = plain ? DicomParser.nativePixels(image) : DicomParser.parse(image.path, true);
        return new PixelDecoder(parsed, image);
    }

    /** The task's result, or its own exception (a DicomException naming the file) as the task threw it. */
    private static <R> R await(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stops the decoding of files nobody will ask for (after an error, or a consumer that stopped). */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
