package org.tumorj.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TensorFlow 1.x jar ahead of TumorJ (Fiji with CSBDeep): detected, and avoided by isolation. */
class IsolatedTensorFlowTest {
    @TempDir
    Path dir;

    /** A stand-in for libtensorflow 1.15's org.tensorflow.Graph. */
    private Path fakeTensorFlow1() throws Exception {
        Path src = dir.resolve("src/org/tensorflow/Graph.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package org.tensorflow; public final class Graph { public Graph() {} }");
        Path out = dir.resolve("fake-tf1");
        Files.createDirectories(out);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-proc:none", "-d", out.toString(), src.toString()));
        return out;
    }

    private static Path location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void foreignTensorFlowIsDetectedWithBothLocations() throws Exception {
        Path fake = fakeTensorFlow1();
        ClassLoader l = IsolatedTensorFlow.loader(List.of(fake, location(TensorFlowRuntime.class), location(org.tensorflow.Graph.class)));
        Method check = Class.forName(TensorFlowRuntime.class.getName(), true, l).getDeclaredMethod("checkNoForeignTensorFlow");
        check.setAccessible(true);
        InvocationTargetException e = org.junit.jupiter.api.Assertions.assertThrows(InvocationTargetException.class, () -> check.invoke(null));
        String message = e.getCause().getMessage();
        assertTrue(message.contains("another TensorFlow Java") && message.contains("fake-tf1"), message);
    }

    @Test
    void defaultBackboneIsolatesItselfFromAForeignTensorFlow() throws Exception {
        Path fake = fakeTensorFlow1();
        Path classes = location(TensorFlowRuntime.class);
        Path testClasses = location(IsolationDemo.class);
        List<String> flat = new ArrayList<>(List.of(fake.toString(), classes.toString(), testClasses.toString()));
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.endsWith(".jar")).forEach(flat::add);
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-Djava.awt.headless=true", "-cp", String.join(File.pathSeparator, flat),
                IsolationDemo.class.getName(), dir.resolve("cache").toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "isolated JVM did not finish");
        assertTrue(out.contains("parent Graph has toGraphDef: false"), out);
        assertTrue(out.contains("embedding length 1280 from ChildFirst"), out);
        double cos = Double.parseDouble(out.substring(out.indexOf("cosine to reference ") + 20).strip().split("\\s")[0]);
        assertTrue(cos >= 0.9999, out);
    }
}
