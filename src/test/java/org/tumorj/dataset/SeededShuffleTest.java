package org.tumorj.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeededShuffleTest {
    private static List<Integer> shuffled(int n, long seed) {
        List<Integer> items = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        SeededShuffle.shuffle(items, new SplittableRandom(seed));
        return items;
    }

    @Test
    void sameSeedSameOrderAndEveryItemKept() {
        assertEquals(shuffled(50, 3), shuffled(50, 3));
        assertNotEquals(IntStream.range(0, 50).boxed().toList(), shuffled(50, 3));
        assertEquals(IntStream.range(0, 50).boxed().toList(), shuffled(50, 3).stream().sorted().toList());
    }

    @Test
    void drawsLikeTheFisherYatesItReplaced() {
        // The loop StudySplitter carried before: splits stay as they were.
        List<Integer> expected = new ArrayList<>(IntStream.range(0, 20).boxed().toList());
        SplittableRandom r = new SplittableRandom(8);
        for (int i = expected.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Integer t = expected.get(i);
            expected.set(i, expected.get(j));
            expected.set(j, t);
        }
        assertEquals(expected, shuffled(20, 8));
    }
}
