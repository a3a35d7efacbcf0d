package org.tumorj.backbone;

import ai.djl.engine.Engine;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import org.tumorj.util.Progress;

/**
 * Starts DJL's TensorFlow engine once, offline and without tracking, and checks that the
 * {@code org.tensorflow} classes in use are TumorJ's TensorFlow Java 1.x API and not a
 * TensorFlow 1.x jar (CSBDeep, StarDist) earlier on a shared class path.
 *
 * <p>TF Java's graph classes ({@code Graph}, {@code Session}) bind to the native library that
 * DJL loads from {@code TENSORFLOW_LIBRARY_PATH}; touching them before DJL has loaded it would
 * make JavaCPP look for (and extract) natives itself. Call {@link #ensureLoaded()} first.
 */
public final class TensorFlowRuntime {
    public static final String ENGINE = "TensorFlow";
    /** DJL reads this environment variable or system property to find the TensorFlow natives. */
    static final String NATIVES_KEY = "TENSORFLOW_LIBRARY_PATH";
    /** The folder beside TumorJ's jar that holds the natives per platform (how Fiji installs them). */
    public static final String NATIVES_BESIDE_JAR = "tumorj-natives";
    /** SLF4J's own reporting level; at ERROR it keeps its warnings (no provider, several providers) quiet. */
    static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";
    private static volatile boolean loaded;
    /** Where unpacking the natives from their jar reports: the console's error stream unless a face says otherwise. */
    private static volatile Progress unpackProgress = new Progress() {
        @Override public void update(String step, long done, long total) {}
        @Override public void log(String message) { System.err.println(message); }
        @Override public boolean isCancelled() { return false; }
    };

    private TensorFlowRuntime() {}

    /**
     * Where the one-time unpacking of the natives from their jar reports (Fiji: its status bar).
     * The unpacking itself is not cancellable: the engine cannot start without it.
     */
    public static void reportUnpackingTo(Progress progress) {
        unpackProgress = progress;
    }

    /** Loads the engine (idempotent). Throws {@link IllegalStateException} with a fix on failure. */
    public static synchronized void ensureLoaded() {
        if (loaded) {
            return;
        }
        configureDefaults();
        checkNoForeignTensorFlow();
        try {
            Engine.getEngine(ENGINE);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("TensorFlow could not start: " + e.getMessage()
                    + ". TumorJ needs the TensorFlow 2.16.1 natives unpacked by its build: install TumorJ into Fiji with"
                    + " ./tumorj install-fiji PATH/Fiji.app (it puts them in plugins/" + NATIVES_BESIDE_JAR + "/"
                    + platform() + "), put tensorflow-core-native-1.0.0-rc.1-" + platform() + ".jar beside TumorJ's jar"
                    + " or in Fiji's jars/ (TumorJ unpacks it once), or set TENSORFLOW_LIBRARY_PATH to target/tf-natives/org/tensorflow/internal/c_api/"
                    + platform() + " of a TumorJ build", e);
        }
        loaded = true;
    }

    /**
     * Offline, no tracking, no SLF4J warnings, and native helpers' temp files under TumorJ's own
     * folder, unless the user chose otherwise. Fiji starts without the launcher's -D options, so
     * set them here too.
     */
    static void configureDefaults() {
        // DJL logs through SLF4J; plain ImageJ has its API (TumorJ's jars) and no provider, and SLF4J
        // would print three "SLF4J(W): No SLF4J providers were found" lines on the first DJL call.
        // Read once when SLF4J starts: set before DJL's first class is used (see ensureLoaded).
        setIfAbsent(SLF4J_VERBOSITY, "ERROR");
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        Path tmp = BackboneCache.root().resolve("native-tmp");
        setIfAbsent("jna.tmpdir", tmp.resolve("jna").toString());
        setIfAbsent("org.bytedeco.javacpp.cachedir", tmp.resolve("javacpp").toString());
        if (System.getenv(NATIVES_KEY) == null) {
            nativesFolder().or(TensorFlowRuntime::unpackedFromJar).ifPresent(dir -> setIfAbsent(NATIVES_KEY, dir.toString()));
        }
        // oneDNN kernels make MobileNetV2 on CPU about 2.5x faster here (bench: 142 vs 334 CPU-ms per
        // batch of 8), but TensorFlow leaves them off unless this is set before it loads.
        NativeEnvironment.setIfAbsent("TF_ENABLE_ONEDNN_OPTS", "1");
        // Keep TensorFlow's INFO lines (SavedModel loading, CPU features) out of the user's console.
        NativeEnvironment.setIfAbsent("TF_CPP_MIN_LOG_LEVEL", "1");
    }

    /**
     * Where the unpacked TensorFlow natives are when no one said: the build's folder of a TumorJ
     * checkout ({@code -Dtumorj.home}), or a {@code tumorj-natives/<platform>} folder beside TumorJ's
     * jar (how a Fiji installation ships them).
     */
    public static java.util.Optional<Path> nativesFolder() {
        List<Path> candidates = new ArrayList<>();
        String home = System.getProperty("tumorj.home");
        if (home != null) {
            candidates.add(Path.of(home, "target", "tf-natives", "org", "tensorflow", "internal", "c_api", platform()));
        }
        jarLocation().ifPresent(jar -> candidates.add(jar.resolveSibling(NATIVES_BESIDE_JAR).resolve(platform())));
        return candidates.stream().filter(java.nio.file.Files::isDirectory).findFirst();
    }

    /**
     * The natives unpacked from this platform's {@code tensorflow-core-native} jar (on the class
     * path, beside TumorJ's jar or in Fiji's {@code jars/}) into TumorJ's folder, once; empty
     * when there is no such jar.
     */
    static java.util.Optional<Path> unpackedFromJar() {
        List<Path> folders = jarLocation().map(TensorFlowRuntime::nativeJarFolders).orElse(List.of());
        return NativeJarUnpacker.findJar(platform(), TensorFlowRuntime.class.getClassLoader(), folders).map(jar -> {
            try {
                return NativeJarUnpacker.unpacked(jar, platform(), BackboneCache.root(), unpackProgress);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("could not unpack the TensorFlow natives: " + e.getMessage()
                        + ". Free space under " + BackboneCache.root() + " (or point TUMORJ_CACHE elsewhere) and try again",
                        e);
            }
        });
    }

    /**
     * Where a native jar may lie when TumorJ's jar is {@code pluginJar}: beside it (a release
     * download); for {@code Fiji.app/plugins/TumorJ_.jar} in {@code Fiji.app/jars/} and in
     * {@code Fiji.app/jars/<platform>/}, where an update site puts platform jars; in plain ImageJ
     * the same under {@code plugins/jars/}, where {@code install-fiji} puts libraries there.
     */
    public static List<Path> nativeJarFolders(Path pluginJar) {
        List<Path> folders = new ArrayList<>();
        Path dir = pluginJar.toAbsolutePath().getParent();
        if (dir != null) {
            folders.add(dir);
            List<Path> jarFolders = new ArrayList<>(List.of(dir.resolve("jars")));
            if (dir.getParent() != null) {
                jarFolders.add(0, dir.getParent().resolve("jars"));
            }
            for (Path jars : jarFolders) {
                folders.add(jars);
                folders.add(jars.resolve(fijiPlatform(platform())));
            }
        }
        return folders;
    }

    /**
     * This platform's {@code tensorflow-core-native} jar for a TumorJ jar at {@code pluginJar}:
     * in a build's {@code target/native-jars/}, beside the jar, or in {@code jars/} and
     * {@code jars/<platform>/} of a Fiji-like folder (an update site's files, a release folder).
     */
    public static java.util.Optional<Path> nativeJar(Path pluginJar) {
        List<Path> folders = new ArrayList<>();
        folders.add(pluginJar.toAbsolutePath().resolveSibling("native-jars"));
        folders.addAll(nativeJarFolders(pluginJar));
        return NativeJarUnpacker.findJar(platform(), null, folders);
    }

    /**
     * Fiji's name for a platform's folder under {@code jars/} (linux64, win64, macosx; macos-arm64
     * as Fiji's Apple-silicon builds name it), for a {@code tensorflow-core-native} classifier.
     */
    public static String fijiPlatform(String platform) {
        return switch (platform) {
            case "linux-x86_64" -> "linux64";
            case "windows-x86_64" -> "win64";
            case "macosx-x86_64" -> "macosx";
            case "macosx-arm64" -> "macos-arm64";
            default -> platform;
        };
    }

    private static java.util.Optional<Path> jarLocation() {
        try {
            return java.util.Optional.of(Path.of(TensorFlowRuntime.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()));
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return java.util.Optional.empty(); // no jar location (unusual class loader)
        }
    }

    /** The classifier of org.tensorflow:tensorflow-core-native for this machine. */
    public static String platform() {
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(java.util.Locale.ROOT);
        String a = arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "x86_64";
        return (os.contains("mac") ? "macosx" : os.contains("win") ? "windows" : "linux") + "-" + a;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * TensorFlow 1.x jars define {@code org.tensorflow.Graph} too. If theirs won, TumorJ would fail
     * later with NoSuchMethodError; say so now, naming both jars.
     */
    static void checkNoForeignTensorFlow() {
        foreignTensorFlow().ifPresent(message -> {
            throw new IllegalStateException(message);
        });
    }

    /** A description of the clash when another TensorFlow Java shadows TumorJ's, else empty. */
    static java.util.Optional<String> foreignTensorFlow() {
        String graphJar = location(org.tensorflow.Graph.class);
        String apiJar = location(org.tensorflow.internal.c_api.TF_Graph.class);
        if (graphJar.equals(apiJar)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("another TensorFlow Java is on the class path (" + graphJar
                + ") and shadows TumorJ's (" + apiJar + "); this happens when a TensorFlow 1.x update site "
                + "(CSBDeep, StarDist) is enabled in the same Fiji. See docs/backbone.md, 'TensorFlow clashes'");
    }

    private static String location(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        return url == null ? "(unknown)" : url.toString();
    }

    /**
     * A session configuration with one intra-op and one inter-op thread. The head is small, so
     * this costs little, and it makes every float reduction run in the same order each time: the
     * condition for a fixed seed to give bitwise-identical weights.
     */
    public static org.tensorflow.proto.ConfigProto deterministicConfig() {
        return org.tensorflow.proto.ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(1)
                .setInterOpParallelismThreads(1)
                .build();
    }
}
