package org.tumorj.util;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small caches of what was last read: slices walked in order, a few kept around the current one. */
public final class Recent {
    private Recent() {}

    /** A map keeping at most {@code keep} entries, the one read longest ago dropped first; not thread-safe. */
    public static <K, V> Map<K, V> keeping(int keep) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > keep;
            }
        };
    }
}
