package org.tumorj.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StudySplitterTest {
    record Item(Study study, boolean positive) {}

    static List<Item> items() {
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            // patients 0-4 have two or three studies each; studies 10-13 have no patient id
            String patient = i < 10 ? "P" + (i % 5) : "";
            out.add(new Item(new Study("s" + i, Path.of("s" + i), patient), i % 3 != 0));
        }
        return out;
    }

    static Split<Item> split(List<Item> items, long seed) {
        return StudySplitter.split(items, it -> it.study().splitKey(), Item::positive, 0.3, seed);
    }

    @Test
    void noPatientOrStudyIsOnBothSides() {
        for (long seed = 0; seed < 20; seed++) {
            Split<Item> s = split(items(), seed);
            Set<String> trainKeys = new HashSet<>();
            s.train().forEach(it -> trainKeys.add(it.study().splitKey()));
            for (Item it : s.validation()) {
                assertFalse(trainKeys.contains(it.study().splitKey()), "seed " + seed + ": " + it.study().splitKey());
            }
            assertEquals(14, s.train().size() + s.validation().size());
            assertTrue(s.validation().stream().anyMatch(Item::positive), "validation has positives");
            assertTrue(s.train().stream().anyMatch(Item::positive), "training has positives");
        }
    }

    @Test
    void sameSeedSameSplit() {
        assertEquals(split(items(), 3), split(items(), 3));
    }

    @Test
    void successiveFoldsHoldOutDisjointPatientsAndFoldZeroIsThePlainSplit() {
        List<Item> items = items();
        assertEquals(split(items, 5), StudySplitter.split(items, it -> it.study().splitKey(), Item::positive, 0.3, 5, 0));
        Set<String> heldOut = new HashSet<>();
        for (int fold = 0; fold < 3; fold++) {
            Split<Item> s = StudySplitter.split(items, it -> it.study().splitKey(), Item::positive, 0.3, 5, fold);
            Set<String> keys = new HashSet<>();
            s.validation().forEach(it -> keys.add(it.study().splitKey()));
            for (Item it : s.train()) {
                assertFalse(keys.contains(it.study().splitKey()), "fold " + fold);
            }
            assertEquals(14, s.train().size() + s.validation().size());
            assertTrue(s.validation().stream().anyMatch(Item::positive), "fold " + fold + " validates on positives");
            for (String k : keys) {
                assertTrue(heldOut.add(k), "fold " + fold + " holds out " + k + " again");
            }
        }
        // 2 of the 8 positive groups per fold; the one negative group stays in training
        assertEquals(6, heldOut.size());
    }

    @Test
    void oneGroupCannotBeSplit() {
        List<Item> onePatient = List.of(new Item(new Study("a", Path.of("a"), "P1"), true),
                new Item(new Study("b", Path.of("b"), "P1"), true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> split(onePatient, 1));
        assertTrue(e.getMessage().contains("at least two"), e.getMessage());
    }

    @Test
    void loadedPhantomsSplitByPatient() {
        Split<LoadedStudy> s = StudySplitter.split(Phantoms.loaded(), org.tumorj.annotation.AnnotationClasses.defaults(), 0.25, 1);
        assertEquals(3, s.train().size());
        assertEquals(1, s.validation().size());
    }
}
