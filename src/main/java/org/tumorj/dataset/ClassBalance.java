package org.tumorj.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Class imbalance, two ways: weights for the loss ({@code N / (2 N_c)}, so both classes weigh
 * the same in total), or a balanced list where the smaller class is repeated (drawn with
 * replacement, seeded) up to the size of the larger.
 */
public final class ClassBalance {
    private ClassBalance() {}

    /** {weight of label 0, weight of label 1}; 0 for a class with no patches. */
    public static double[] weights(List<Patch> patches) {
        long positives = patches.stream().filter(p -> p.label() == 1).count();
        long negatives = patches.size() - positives;
        return new double[] {weight(patches.size(), negatives), weight(patches.size(), positives)};
    }

    private static double weight(long total, long count) {
        return count == 0 ? 0 : total / (2.0 * count);
    }

    /** Both classes equally often, in a seeded shuffled order; unchanged when a class is empty. */
    public static List<Patch> balanced(List<Patch> patches, long seed) {
        List<Patch> pos = new ArrayList<>(), neg = new ArrayList<>();
        patches.forEach(p -> (p.label() == 1 ? pos : neg).add(p));
        if (pos.isEmpty() || neg.isEmpty()) {
            return List.copyOf(patches);
        }
        SplittableRandom r = new SplittableRandom(seed);
        List<Patch> small = pos.size() < neg.size() ? pos : neg;
        int target = Math.max(pos.size(), neg.size());
        List<Patch> out = new ArrayList<>(pos.size() < neg.size() ? neg : pos);
        out.addAll(small);
        for (int i = small.size(); i < target; i++) {
            out.add(small.get(r.nextInt(small.size())));
        }
        SeededShuffle.shuffle(out, r);
        return out;
    }
}
