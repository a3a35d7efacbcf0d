package org.tumorj.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.tumorj.api.TumorJ;

/**
 * The model bundles open in this JVM, each opened by the first task that needs it and kept for
 * every later task of the executor: the network and its TensorFlow natives load once per
 * executor process, not once per study. Tasks running side by side in one executor share the
 * opened model (the backbone keeps a pool of predictors; the head is synchronised). An embedded
 * {@code local} run opens it on the driver, which is its executor, while the Spark session starts
 * ({@link #preload}); the first task still reports the load time.
 */
final class ModelCache {
    /**
     * An opened model and what opening it cost.
     *
     * @param loadSeconds how long this JVM took to open it
     */
    record Loaded(TumorJ.OpenedModel model, double loadSeconds) {}

    private static final Map<Path, Loaded> OPEN = new HashMap<>();
    /** The bundles whose load time a task has reported already. */
    private static final Set<Path> REPORTED = new HashSet<>();
    /** Why a {@link #preload} failed: met by the first task as is (a second try could only hide the reason). */
    private static final Map<Path, RuntimeException> PRELOAD_FAILED = new HashMap<>();

    private ModelCache() {}

    /**
     * The model of {@code bundle}, opened now when this JVM has not opened it yet.
     *
     * @param openedNow set to true for the first call in this JVM, which opened it or waited for
     *     {@link #preload} to (its load time belongs to this task)
     */
    static synchronized Loaded get(Path bundle, boolean[] openedNow) {
        Path key = bundle.toAbsolutePath().normalize();
        RuntimeException failed = PRELOAD_FAILED.get(key);
        if (failed != null) {
            throw new IllegalStateException(failed.getMessage(), failed);
        }
        Loaded loaded = open(key);
        openedNow[0] = REPORTED.add(key);
        return loaded;
    }

    /**
     * Opens {@code bundle} in a background thread, ahead of the first task (an embedded run's
     * driver is its executor: the load overlaps the Spark session's start). A task that asks for
     * it meanwhile waits for it; a failure is kept for the first task to meet and report. Join the
     * thread before {@link #closeAll}.
     */
    static Thread preload(Path bundle) {
        Path key = bundle.toAbsolutePath().normalize();
        Thread t = new Thread(() -> {
            synchronized (ModelCache.class) {
                try {
                    open(key);
                } catch (RuntimeException | LinkageError e) {
                    PRELOAD_FAILED.put(key, e instanceof RuntimeException r ? r
                            : new IllegalStateException(key + ": the model could not be opened on this executor: " + e, e));
                }
            }
        }, "tumorj-model-preload");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static Loaded open(Path key) {
        Loaded loaded = OPEN.get(key);
        if (loaded == null) {
            long start = System.nanoTime();
            try {
                loaded = new Loaded(TumorJ.openModel(key), (System.nanoTime() - start) / 1e9);
            } catch (IOException e) {
                throw new UncheckedIOException(key + ": the model could not be opened on this executor: " + e.getMessage(), e);
            }
            OPEN.put(key, loaded);
        }
        return loaded;
    }

    /** Closes every model this JVM opened (the end of an embedded run, whose driver is its executor). */
    static synchronized void closeAll() {
        OPEN.values().forEach(l -> l.model().close());
        OPEN.clear();
        REPORTED.clear();
        PRELOAD_FAILED.clear();
    }
}
