package org.tumorj.model;

import ai.djl.engine.Engine;
import org.tensorflow.proto.ConfigProto;

/**
 * Access to TensorFlow Java's graph mode (the {@code org.tensorflow} classes inside DJL's
 * {@code tensorflow-api} jar), used where DJL cannot help: training and exporting the head.
 *
 * <p>TensorFlow Java alone cannot find the native library: it asks JavaCPP, which looks on the
 * class path and {@code java.library.path}, where TumorJ deliberately keeps no natives. DJL's
 * TensorFlow engine knows {@code TENSORFLOW_LIBRARY_PATH} and loads the very same library, so
 * starting the engine first is all it takes; afterwards graphs and sessions work directly.
 */
public final class TensorFlowRuntime {
    private static volatile boolean loaded;

    private TensorFlowRuntime() {}

    /** Loads the TensorFlow natives through DJL once; call before touching {@code org.tensorflow} classes. */
    public static void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (TensorFlowRuntime.class) {
            if (!loaded) {
                load();
                loaded = true;
            }
        }
    }

    /**
     * A session configuration with one intra-op and one inter-op thread. The head is small, so
     * this costs little, and it makes every float reduction run in the same order each time: the
     * condition for a fixed seed to give bitwise-identical weights.
     */
    public static ConfigProto deterministicConfig() {
        return ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(1)
                .setInterOpParallelismThreads(1)
                .build();
    }

    private static void load() {
        try {
            Engine.getEngine("TensorFlow");
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("TensorFlow native library could not be loaded (" + e.getMessage()
                    + "); set TENSORFLOW_LIBRARY_PATH to target/tf-natives/org/tensorflow/internal/c_api/linux-x86_64"
                    + " (the ./tumorj launcher and the Maven build do this)", e);
        }
    }
}
