package org.tumorj.backbone;

import java.nio.file.Path;

/**
 * Where TumorJ keeps files it derives from shipped ones (converted SavedModels, native helpers'
 * temp files): {@code -Dtumorj.cache=DIR}, else {@code $TUMORJ_CACHE}, else {@code ~/.tumorj}.
 */
public final class BackboneCache {
    private BackboneCache() {}

    public static Path root() {
        String prop = System.getProperty("tumorj.cache");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("TUMORJ_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".tumorj");
    }
}
