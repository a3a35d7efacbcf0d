package org.tumorj.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The Kth of N parts of a batch (1-based), so that a scheduler's job array (SLURM, PBS, any batch
 * system) can spread one folder of studies over N jobs that need not talk to each other. Study i
 * of the sorted list belongs to shard {@code i % N + 1}: the split depends on the folder's sorted
 * study names only, never on timing or machine, so every job computes the same partition and the
 * union of the N shards is the unsharded batch, each study once.
 *
 * @param index K, from 1 to {@code count}
 * @param count N, at least 1
 */
public record StudyShard(int index, int count) {
    /** The whole batch: one shard of one. */
    public static final StudyShard ALL = new StudyShard(1, 1);

    public StudyShard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": give K/N with 1 <= K <= N,"
                    + " e.g. 3/8 for the third of eight parts (SLURM: $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT"
                    + " with --array=1-N)");
        }
    }

    /** {@code "K/N"}, as {@code --shard} takes it; null or blank for {@link #ALL}. */
    public static StudyShard parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        String[] parts = text.trim().split("/", -1);
        try {
            if (parts.length == 2) {
                return new StudyShard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below, with the form expected
        }
        throw new IllegalArgumentException("shard '" + text + "': give K/N, two whole numbers with 1 <= K <= N,"
                + " e.g. 3/8 for the third of eight parts");
    }

    public boolean isAll() {
        return count == 1;
    }

    /** This shard's items of a list already in its stable (sorted) order: every Nth, starting at the (K-1)th. */
    public <T> List<T> select(List<T> sorted) {
        List<T> mine = new ArrayList<>();
        for (int i = index - 1; i < sorted.size(); i += count) {
            mine.add(sorted.get(i));
        }
        return mine;
    }

    /**
     * The batch summary file of this shard: {@code batch-summary.csv} for the whole batch, else
     * {@code batch-summary-shard-K-of-N.csv}, so shards writing into one output folder keep each
     * their own.
     */
    public String summaryFileName() {
        return isAll() ? BatchDetection.SUMMARY_CSV : "batch-summary-shard-" + index + "-of-" + count + ".csv";
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
