package org.tumorj.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.tumorj.annotation.AnnotationClasses;

/**
 * Splits studies into training and validation by patient (by study when the patient is not
 * known), never by slice or patch: slices of one patient are near-copies of each other, and a
 * validation score on them would measure memory, not detection. Groups with positive regions
 * and groups without are split separately, so validation gets positives whenever two or more
 * groups have them. Seeded.
 */
public final class StudySplitter {
    private StudySplitter() {}

    /** Loaded studies by {@link Study#splitKey()}; a group is positive when it holds a positive region. */
    public static Split<LoadedStudy> split(List<LoadedStudy> studies, AnnotationClasses classes,
            double validationFraction, long seed) {
        return split(studies, classes, validationFraction, seed, 0);
    }

    /** As {@link #split(List, AnnotationClasses, double, long)}, holding out fold {@code fold} (see the generic one). */
    public static Split<LoadedStudy> split(List<LoadedStudy> studies, AnnotationClasses classes,
            double validationFraction, long seed, int fold) {
        return split(studies, s -> s.study().splitKey(),
                s -> s.annotations().stream().anyMatch(classes::isPositive), validationFraction, seed, fold);
    }

    /**
     * @param groupKey items with the same key stay together (patient, or study)
     * @param positive whether an item holds positives (for stratification)
     * @param validationFraction share of groups for validation, in (0, 1)
     * @throws IllegalArgumentException when fewer than two groups exist: no honest split is possible
     */
    public static <T> Split<T> split(List<T> items, Function<T, String> groupKey, Predicate<T> positive,
            double validationFraction, long seed) {
        return split(items, groupKey, positive, validationFraction, seed, 0);
    }

    /**
     * The split whose validation side is the {@code fold}-th share of the same shuffled groups:
     * fold 0 is the plain split, and folds 0, 1, 2... hold out disjoint groups for as long as
     * there are groups left (then they wrap around). Members of an ensemble trained on successive
     * folds are each validated on studies the others trained on.
     */
    public static <T> Split<T> split(List<T> items, Function<T, String> groupKey, Predicate<T> positive,
            double validationFraction, long seed, int fold) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be between 0 and 1, got " + validationFraction);
        }
        Map<String, List<T>> groups = new TreeMap<>();
        for (T item : items) {
            groups.computeIfAbsent(groupKey.apply(item), k -> new ArrayList<>()).add(item);
        }
        if (groups.size() < 2) {
            throw new IllegalArgumentException("cannot split " + groups.size() + " patient(s)/studies into training"
                    + " and validation; annotate at least two studies (of different patients)");
        }
        Map<String, List<T>> pos = new LinkedHashMap<>(), neg = new LinkedHashMap<>();
        groups.forEach((k, g) -> (g.stream().anyMatch(positive) ? pos : neg).put(k, g));
        SplittableRandom r = new SplittableRandom(seed);
        List<String> posKeys = shuffled(pos, r), negKeys = shuffled(neg, r);
        int valPos = share(posKeys.size(), validationFraction), valNeg = share(negKeys.size(), validationFraction);
        if (valPos + valNeg == 0) {
            if (negKeys.size() > 0) {
                valNeg = 1;
            } else {
                valPos = 1;
            }
        }
        if (valPos + valNeg == groups.size()) {
            if (valNeg > 0) {
                valNeg--;
            } else {
                valPos--;
            }
        }
        Collections.rotate(posKeys, -fold * valPos);
        Collections.rotate(negKeys, -fold * valNeg);
        List<T> train = new ArrayList<>(), validation = new ArrayList<>();
        assign(posKeys, valPos, groups, train, validation);
        assign(negKeys, valNeg, groups, train, validation);
        return new Split<>(train, validation);
    }

    /** Rounded share; at least one and at most n-1 when there are two or more. */
    private static int share(int n, double fraction) {
        if (n < 2) {
            return 0;
        }
        return Math.max(1, Math.min(n - 1, (int) Math.round(n * fraction)));
    }

    private static <T> List<String> shuffled(Map<String, List<T>> groups, SplittableRandom r) {
        List<String> keys = new ArrayList<>(groups.keySet());
        SeededShuffle.shuffle(keys, r);
        return keys;
    }

    private static <T> void assign(List<String> keys, int toValidation, Map<String, List<T>> groups, List<T> train,
            List<T> validation) {
        for (int i = 0; i < keys.size(); i++) {
            (i < toValidation ? validation : train).addAll(groups.get(keys.get(i)));
        }
    }
}
