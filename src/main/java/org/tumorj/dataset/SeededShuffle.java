package org.tumorj.dataset;

import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Fisher-Yates from the caller's seeded generator: same seed, same order. Not
 * {@code Collections.shuffle}, which on Java 17 takes only a {@code java.util.Random}, and
 * {@link StudySplitter} draws from one {@code SplittableRandom} before and after the shuffle.
 */
final class SeededShuffle {
    private SeededShuffle() {}

    static <T> void shuffle(List<T> items, RandomGenerator random) {
        for (int i = items.size() - 1; i > 0; i--) {
            Collections.swap(items, i, random.nextInt(i + 1));
        }
    }
}
