package org.tumorj.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tumorj.detect.TestVolumes;
import org.tumorj.volume.Volume;

class BankCacheTest {
    private static final BankCache.Recipe RECIPE = new BankCache.Recipe(4, 4, 2, List.of(1.0, 2.0), List.of(), List.of());

    private static float[][] planes(float v) {
        float[] p = new float[16];
        java.util.Arrays.fill(p, v);
        return new float[][] {p};
    }

    /** A bank of 100 floats (400 bytes) whose values say which call made it. */
    private static BankCache.Bank bank(AtomicInteger calls) {
        float[] grid = new float[100];
        grid[0] = calls.incrementAndGet();
        return new BankCache.Bank(grid, new float[0][]);
    }

    @Test
    void equalPlanesGiveTheKeptBankWhateverTheArrays() {
        BankCache cache = new BankCache(1 << 20);
        AtomicInteger calls = new AtomicInteger();
        BankCache.Bank first = cache.get(RECIPE, planes(0.5f), () -> bank(calls));
        BankCache.Bank again = cache.get(RECIPE, planes(0.5f), () -> bank(calls));
        assertSame(first, again, "other arrays, same values: the kept bank");
        assertEquals(1, calls.get());
        assertEquals(1, cache.hits());
        assertNotSame(first, cache.get(RECIPE, planes(0.25f), () -> bank(calls)), "other values: computed");
        BankCache.Recipe coarser = new BankCache.Recipe(4, 4, 4, List.of(1.0, 2.0), List.of(), List.of());
        assertNotSame(first, cache.get(coarser, planes(0.5f), () -> bank(calls)), "other recipe: computed");
        assertEquals(3, calls.get());
    }

    @Test
    void theBudgetIsNeverExceededAndWhatIsKeptStays() {
        long perSlice = 100 * 4 + 16 * 4; // bank and planes
        BankCache cache = new BankCache(2 * perSlice);
        AtomicInteger calls = new AtomicInteger();
        for (int pass = 0; pass < 3; pass++) {
            for (int z = 0; z < 5; z++) {
                cache.get(RECIPE, planes(z), () -> bank(calls));
                assertTrue(cache.usedBytes() <= 2 * perSlice, "within the budget");
            }
        }
        assertEquals(2, cache.size(), "the first two slices kept, none evicted by the scans");
        assertEquals(5 + 3 + 3, calls.get(), "later passes compute only the slices that did not fit");
        assertEquals(4, cache.hits());
    }

    @Test
    void mapsAreKeptBesideABudgetFullOfBanksWithinTheirOwnShare() {
        long perSlice = 100 * 4 + 16 * 4;
        BankCache cache = new BankCache(16 * perSlice);
        AtomicInteger banks = new AtomicInteger(), maps = new AtomicInteger();
        for (int z = 0; z < 20; z++) {
            cache.get(RECIPE, planes(z), () -> bank(banks));
        }
        long share = 16 * perSlice / BankCache.DERIVED_SHARE;
        for (int pass = 0; pass < 2; pass++) {
            cache.derived("small map", () -> new float[] {maps.incrementAndGet()});
            cache.derived("map over the share", () -> new float[(int) (share / 4 + 1)]);
        }
        assertEquals(1, maps.get(), "the small map computed once though the banks fill the budget");
        assertEquals(1, cache.derivedHits(), "the map over the maps' share is not kept");
    }

    @Test
    void aScopeMakesItActiveAndClosingTheLastOneDropsIt() {
        assertNull(BankCache.active());
        try (BankCache.Scope outer = BankCache.open(1 << 20)) {
            try (BankCache.Scope inner = BankCache.open(1 << 20)) {
                assertSame(outer.cache(), inner.cache(), "nested scopes share the outer cache");
            }
            assertSame(outer.cache(), BankCache.active());
        }
        assertNull(BankCache.active());
    }

    /** A command running on another thread meanwhile (Detect on another image in Fiji) neither reads nor fills a round's cache. */
    @Test
    void theActiveCacheBelongsToTheThreadThatOpenedIt() throws Exception {
        try (BankCache.Scope round = BankCache.open(1 << 20)) {
            java.util.concurrent.atomic.AtomicReference<BankCache> seen = new java.util.concurrent.atomic.AtomicReference<>(round.cache());
            Thread other = new Thread(() -> seen.set(BankCache.active()));
            other.start();
            other.join();
            assertNull(seen.get());
            assertSame(round.cache(), BankCache.active());
        }
    }

    /** Features read through the cache are the computed ones, on a slab and its whole series alike. */
    @Test
    void featuresThroughTheCacheAreByteIdentical() {
        Volume whole = discsSeries();
        Volume slab = slabOf(whole);
        FeatureSpec spec = FeatureSpec.filters(new double[] {1, 2, 4}, new double[] {2, 4}).withContextDrift(1);
        float[][] plain = all(spec, whole), plainSlab = all(spec, slab);
        try (BankCache.Scope scope = BankCache.open(1 << 30)) {
            float[][] slabFirst = all(spec, slab), cached = all(spec, whole);
            for (int z = 0; z < plain.length; z++) {
                assertArrayEquals(plain[z], cached[z], "slice " + z);
            }
            for (int z = 0; z < plainSlab.length; z++) {
                assertArrayEquals(plainSlab[z], slabFirst[z], "slab slice " + z);
            }
            assertEquals(5, scope.cache().hits(), "the whole series reused the slab's 5 banks");
        }
    }

    /** Interior slices of a slab are made of the same banks as in the whole series; its end slices are not. */
    @Test
    void madeOfIsEqualExactlyWhereTheFeaturesAre() {
        Volume whole = discsSeries();
        Volume slab = slabOf(whole);
        FeatureSpec spec = FeatureSpec.filters(new double[] {1, 2, 4}, new double[] {2});
        assertNull(features(spec, whole).madeOf(3), "no active cache: no key");
        try (BankCache.Scope scope = BankCache.open(1 << 30)) {
            SliceFeatures s = features(spec, slab), w = features(spec, whole);
            for (int z = 0; z < slab.depth(); z++) {
                boolean interior = z >= 1 && z <= 3; // context 2 mm = 1 slice either side
                assertEquals(interior, s.madeOf(z).equals(w.madeOf(z + 2)), "slab slice " + z);
                if (interior) {
                    assertArrayEquals(s.slice(z).values(), w.slice(z + 2).values());
                }
            }
            AtomicInteger calls = new AtomicInteger();
            float[] map = scope.cache().derived(List.of("head", s.madeOf(2)), () -> new float[] {calls.incrementAndGet()});
            float[] again = scope.cache().derived(List.of("head", w.madeOf(4)), () -> new float[] {calls.incrementAndGet()});
            assertArrayEquals(map, again, "the same features' map computed once");
            assertNotSame(map, again, "each caller gets its own copy");
            assertEquals(1, calls.get());
        }
        try (BankCache.Scope tiny = BankCache.open(0)) {
            assertNull(features(spec, whole).madeOf(3), "banks not kept: no key");
        }
    }

    private static SliceFeatures features(FeatureSpec spec, Volume v) {
        return new SliceFeatures(spec, v, z -> new float[][] {v.slice(z).clone()}, null);
    }

    private static float[][] all(FeatureSpec spec, Volume v) {
        SliceFeatures f = new SliceFeatures(spec, v, z -> new float[][] {v.slice(z).clone()}, null);
        float[][] out = new float[v.depth()][];
        for (int z = 0; z < v.depth(); z++) {
            out[z] = f.slice(z).values();
        }
        return out;
    }

    /** Eight MR slices, a growing disc moving across them. */
    private static Volume discsSeries() {
        TestVolumes.Disc[] discs = new TestVolumes.Disc[8];
        for (int z = 0; z < 8; z++) {
            discs[z] = new TestVolumes.Disc(20, 20, 2 + z, z, z, 0.9f);
        }
        return TestVolumes.discs(TestVolumes.info("MR", 40, 40, 8, 1, 1, 2, new double[3]), 0.1f, discs);
    }

    /** Slices 2-6 of {@code whole}: the same slice arrays, another volume (a training slab). */
    private static Volume slabOf(Volume whole) {
        return new Volume(TestVolumes.info("MR", 40, 40, 5, 1, 1, 2, new double[3]), whole.slices().subList(2, 7));
    }
}
