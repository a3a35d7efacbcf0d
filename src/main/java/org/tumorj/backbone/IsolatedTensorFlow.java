package org.tumorj.backbone;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs TumorJ's DJL/TensorFlow code in a class loader of its own, so that a TensorFlow 1.x jar
 * elsewhere on Fiji's class path (CSBDeep, StarDist) cannot shadow TumorJ's {@code org.tensorflow}
 * classes. Renaming the package is no option, since JNI binds native methods to class names.
 *
 * <p>The loader is child-first over a folder of jars (TumorJ's jar, DJL, TensorFlow Java, JNA,
 * protobuf...), except for the plain-Java contracts both sides use ({@link Backbone},
 * {@link BackboneInfo}, {@link FloatTensor}, {@code org.tumorj.util}), which come from the parent so
 * that the returned object is an ordinary {@link Backbone} to the caller.
 */
public final class IsolatedTensorFlow {
    /** Classes and packages (ending in '.') that the isolated code shares with its caller. */
    static final Set<String> SHARED = Set.of("java.", "org.tumorj.util.", Backbone.class.getName(),
            BackboneInfo.class.getName(), FloatTensor.class.getName());

    private IsolatedTensorFlow() {}

    /** A child-first loader over every jar (and folder) listed, sharing {@link #SHARED} with the caller. */
    public static ClassLoader loader(List<Path> classPath) {
        List<URL> urls = new ArrayList<>();
        for (Path p : classPath) {
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(p + ": not usable as a class path entry", e);
            }
        }
        return new ChildFirst(urls.toArray(URL[]::new), IsolatedTensorFlow.class.getClassLoader());
    }

    /**
     * Classes whose jars make up TumorJ's deep-learning stack; their locations, as the caller's
     * loader sees them, form the isolated class path when TumorJ must isolate itself.
     */
    static final List<String> ANCHORS = List.of(Backbones.class.getName(), "ai.djl.engine.Engine",
            "ai.djl.tensorflow.engine.TfEngine", "org.tensorflow.internal.c_api.TF_Graph", "org.bytedeco.javacpp.Loader",
            "com.google.protobuf.Message", "com.google.gson.Gson", "com.sun.jna.Native", "org.slf4j.Logger",
            "org.apache.commons.compress.archivers.ArchiveEntry");

    /** TumorJ's own jar and those of DJL, TensorFlow Java and their dependencies, found from anchor classes. */
    public static List<Path> tumorjClassPath() {
        List<Path> paths = new ArrayList<>();
        for (String anchor : ANCHORS) {
            try {
                Class<?> c = Class.forName(anchor, false, IsolatedTensorFlow.class.getClassLoader());
                Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (!paths.contains(p)) {
                    paths.add(p);
                }
            } catch (ClassNotFoundException | java.net.URISyntaxException | RuntimeException e) {
                // optional dependency absent, or no file location: leave it to the parent
            }
        }
        return paths;
    }

    /** {@link Backbones#openDefault(Path)} inside an isolated loader over {@code classPath}. */
    public static Backbone openDefault(List<Path> classPath, Path cacheRoot) throws IOException {
        ClassLoader isolated = loader(classPath);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(isolated); // DJL finds its engine through ServiceLoader and the context loader
        try {
            Class<?> backbones = Class.forName(Backbones.class.getName(), true, isolated);
            return (Backbone) backbones.getMethod("openDefault", Path.class).invoke(null, cacheRoot);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("opening the isolated backbone failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the isolated class path lacks TumorJ's backbone classes: " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null && !shared(name)) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException e) {
                        c = null; // not ours: the JDK or the caller's
                    }
                }
                if (c == null) {
                    c = getParent().loadClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        public URL getResource(String name) {
            URL own = findResource(name);
            return own != null ? own : super.getResource(name);
        }

        private static boolean shared(String name) {
            for (String s : SHARED) {
                if (s.endsWith(".") ? name.startsWith(s) : name.equals(s)) {
                    return true;
                }
            }
            return false;
        }
    }
}
