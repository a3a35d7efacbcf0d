package org.tumorj.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.tumorj.api.TumorJ;

/**
 * The model bundles open in this JVM, each opened by the first task that needs it and kept for
 * every later task of the executor: the network and its TensorFlow natives load once per
 * executor process, not once per study. Tasks running side by side in one executor share the
 * opened model (the backbone keeps a pool of predictors; the head is synchronised).
 */
final class ModelCache {
    /**
     * An opened model and what opening it cost.
     *
     * @param loadSeconds how long this JVM took to open it
     */
    record Loaded(TumorJ.OpenedModel model, double loadSeconds) {}

    private static final Map<Path, Loaded> OPEN = new HashMap<>();

    private ModelCache() {}

    /**
     * The model of {@code bundle}, opened now when this JVM has not opened it yet.
     *
     * @param openedNow set to true when this call opened it (its load time belongs to this task)
     */
    static synchronized Loaded get(Path bundle, boolean[] openedNow) {
        Path key = bundle.toAbsolutePath().normalize();
        Loaded loaded = OPEN.get(key);
        openedNow[0] = loaded == null;
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
    }
}
