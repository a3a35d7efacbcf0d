package org.tumorj.bench;

import java.lang.reflect.Method;
import org.tumorj.backbone.Backbone;
import org.tumorj.detect.FakeBackbone;

/**
 * Opens the backbone a benchmark measures, chosen by a spec string so that benchmarks compile
 * before the real backbone exists and run against it unchanged afterwards:
 * <ul>
 *   <li>{@code fake}: the pure-Java average-pooling stand-in (stride 32, 1280 channels); its
 *       timings say nothing about the real network, only that the harness works;</li>
 *   <li>{@code some.Class#method}: a public static no-argument method returning a {@link Backbone};</li>
 *   <li>{@code some.Class}: a public no-argument constructor.</li>
 * </ul>
 * The spec comes from {@code --backbone SPEC}, else the system property {@code tumorj.backbone},
 * else {@code fake}.
 */
public final class BackboneFactory {
    private BackboneFactory() {}

    public static Backbone open(String spec) throws ReflectiveOperationException {
        if (spec == null || spec.isBlank() || spec.equals("fake")) {
            return new FakeBackbone(32, 1280);
        }
        int hash = spec.indexOf('#');
        Class<?> type = Class.forName(hash < 0 ? spec : spec.substring(0, hash));
        Object made;
        if (hash < 0) {
            made = type.getConstructor().newInstance();
        } else {
            Method m = type.getMethod(spec.substring(hash + 1));
            made = m.invoke(null);
        }
        if (!(made instanceof Backbone b)) {
            throw new IllegalArgumentException(spec + " gave a " + made.getClass().getName() + ", not a Backbone");
        }
        return b;
    }

    public static String defaultSpec() {
        return System.getProperty("tumorj.backbone", "fake");
    }
}
