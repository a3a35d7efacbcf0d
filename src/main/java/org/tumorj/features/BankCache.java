package org.tumorj.features;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The filter banks of slices, kept across passes over the same series. One round of Train on This
 * Image reads each slice's features in five passes (sampling, hard negatives, the maps of both
 * slabs, detection on the whole series), and the filter bank is most of their cost; computed once
 * per slice, a round spends the rest on the head.
 *
 * <p>Keyed by content, not by volume or slice number: an entry is found again only for the same
 * plane values (compared in full, so a hit is exact) under the same {@link Recipe}. A training
 * slab, a held-out slab and the whole series are different volumes holding the same slices; the
 * context they add around a bank differs at the slab ends, but the bank of a slice does not.
 *
 * <p>Bounded by a memory budget (planes and bank counted). When full, new banks are not kept and
 * nothing is evicted: the passes scan the slices in the same order, so a least-recently-used policy
 * would evict every entry just before it was read again, where keeping the first slices gives
 * each later pass those hits. {@link #open} makes one cache the active one for a piece of work;
 * closing it drops the cache, so nothing is held between rounds.
 */
public final class BankCache {
    /**
     * The cache of the piece of work running on this thread. Bound to the thread that opened it,
     * so another command running meanwhile (Detect Tumors on another image in Fiji) neither fills
     * nor reads it; the features and maps capture it where they are made ({@link #active}).
     */
    private static final ThreadLocal<BankCache> ACTIVE = new ThreadLocal<>();
    private static final ThreadLocal<Integer> OPENED = ThreadLocal.withInitial(() -> 0);

    private final long budgetBytes;
    private final Map<Key, Entry> entries = new HashMap<>();
    /** The grids of the kept banks, by identity: what {@link #keeps} answers from. */
    private final Set<float[]> keptGrids = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Per-slice results computed from kept banks only ({@link #derived}), by their caller's key. */
    private final Map<Object, float[]> derived = new HashMap<>();
    private long usedBytes;
    /** Bytes of {@link #derived} results, kept within {@link #DERIVED_SHARE} of the budget beside the banks. */
    private long derivedBytes;
    private long hits;
    private long misses;
    private long derivedHits;

    /**
     * What a bank is computed with besides the planes: grid, scales, convergence radii and drift
     * radii ({@link SliceFeatures}). Lists, so that equal recipes are equal records.
     */
    public record Recipe(int width, int height, int stride, List<Double> sigmas, List<Double> convergenceRadii,
            List<Integer> driftRadii) {}

    /** One slice's bank as {@link SliceFeatures} keeps it: channel-last grid and drift extremes; never modified. */
    public record Bank(float[] grid, float[][] drift) {
        long bytes() {
            long n = grid.length;
            for (float[] d : drift) {
                n += d.length;
            }
            return n * Float.BYTES;
        }
    }

    private record Key(Recipe recipe, int hash) {}

    /** Planes kept for the full comparison on a hit, and the bank they gave. */
    private record Entry(float[][] planes, Bank bank, Entry next) {}

    public BankCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /**
     * A budget that leaves the heap room for the rest of a round: a third of the most the JVM may
     * use, and at most half of what is free of it now (in Fiji, open images already hold part).
     */
    public static long defaultBudget() {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return Math.max(0, Math.min(rt.maxMemory() / 3, free / 2));
    }

    /**
     * Makes a cache of {@code budgetBytes} this thread's active one until the returned scope is
     * closed (on this thread). Nested scopes share the outer cache; the last one closed drops it.
     */
    public static Scope open(long budgetBytes) {
        if (ACTIVE.get() == null) {
            ACTIVE.set(new BankCache(budgetBytes));
        }
        OPENED.set(OPENED.get() + 1);
        return new Scope(ACTIVE.get());
    }

    /** This thread's active cache, or null outside every {@link #open} scope on it. */
    public static BankCache active() {
        return ACTIVE.get();
    }

    /** The bank of {@code planes} under {@code recipe}: the kept one, else {@code compute}'s, kept if it fits. */
    public Bank get(Recipe recipe, float[][] planes, Supplier<Bank> compute) {
        Key key = new Key(recipe, hash(planes));
        synchronized (this) {
            for (Entry e = entries.get(key); e != null; e = e.next()) {
                if (Arrays.deepEquals(e.planes(), planes)) {
                    hits++;
                    return e.bank();
                }
            }
            misses++;
        }
        Bank bank = compute.get(); // outside the lock: another thread may compute another slice meanwhile
        keep(key, planes, bank);
        return bank;
    }

    private synchronized void keep(Key key, float[][] planes, Bank bank) {
        long bytes = bank.bytes() + planesBytes(planes);
        if (usedBytes + bytes > budgetBytes) {
            return;
        }
        for (Entry e = entries.get(key); e != null; e = e.next()) {
            if (Arrays.deepEquals(e.planes(), planes)) {
                return; // computed twice at once; keep the first
            }
        }
        entries.put(key, new Entry(planes, bank, entries.get(key)));
        keptGrids.add(bank.grid());
        usedBytes += bytes;
    }

    /**
     * Whether {@code grid} is the grid of a bank this cache keeps. A kept bank is the one object
     * for its planes, so features assembled from kept banks alone are named exactly by which
     * banks they were assembled from ({@link SliceFeatures#madeOf}).
     */
    public synchronized boolean keeps(float[] grid) {
        return keptGrids.contains(grid);
    }

    /**
     * Derived results (maps: a grid point's one value where its bank holds dozens) have their own
     * room, this fraction of the budget: counted with the banks, which fill the budget first, none
     * was ever kept (2026-12-08: "0 maps reused" in every CT training).
     */
    static final int DERIVED_SHARE = 8;

    /**
     * A result computed from one slice's features, found again under an equal {@code key}, else
     * {@code compute}'s (kept if it fits its share of the budget, {@link #DERIVED_SHARE}). The
     * caller's key must name everything the result depends on (the {@link SliceFeatures#madeOf}
     * of the slice and what reads it). A copy is returned each time, so no caller can change another's.
     */
    public float[] derived(Object key, Supplier<float[]> compute) {
        synchronized (this) {
            float[] kept = derived.get(key);
            if (kept != null) {
                derivedHits++;
                return kept.clone();
            }
        }
        float[] result = compute.get();
        synchronized (this) {
            long bytes = (long) result.length * Float.BYTES;
            if (!derived.containsKey(key) && derivedBytes + bytes <= budgetBytes / DERIVED_SHARE) {
                derived.put(key, result.clone());
                derivedBytes += bytes;
            }
        }
        return result;
    }

    public synchronized long usedBytes() { return usedBytes; }

    public synchronized long hits() { return hits; }

    public synchronized long misses() { return misses; }

    public synchronized long derivedHits() { return derivedHits; }

    /** Slices kept. */
    public synchronized int size() {
        int n = 0;
        for (Entry head : entries.values()) {
            for (Entry e = head; e != null; e = e.next()) {
                n++;
            }
        }
        return n;
    }

    private static int hash(float[][] planes) {
        return Arrays.deepHashCode(planes);
    }

    private static long planesBytes(float[][] planes) {
        long n = 0;
        for (float[] p : planes) {
            n += p.length;
        }
        return n * Float.BYTES;
    }

    /** The active cache for a piece of work; closing it ends the scope. */
    public static final class Scope implements AutoCloseable {
        private final BankCache cache;
        private boolean closed;

        private Scope(BankCache cache) {
            this.cache = cache;
        }

        public BankCache cache() { return cache; }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            int open = OPENED.get() - 1;
            if (open == 0) {
                ACTIVE.remove();
                OPENED.remove();
            } else {
                OPENED.set(open);
            }
        }
    }

    /** For tests and logs: {@code hits/lookups, MB kept}. */
    @Override
    public synchronized String toString() {
        return String.format(java.util.Locale.ROOT, "%d of %d banks reused, %d slices (%d MB) and %d maps (%d MB) kept,"
                + " %d maps reused", hits, hits + misses, size(), usedBytes >> 20, derived.size(), derivedBytes >> 20,
                derivedHits);
    }
}
