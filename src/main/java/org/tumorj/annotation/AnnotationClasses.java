package org.tumorj.annotation;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Maps region labels to training classes. A region's class is its ROI group name when set,
 * else the leading word of its name: {@code tumor}, {@code tumor 2} and {@code Tumor-3} are
 * {@code tumor}; {@code normal-liver} is {@code normal}. Which classes count as positive and
 * negative is configurable; a label in neither is unknown and is reported, never guessed.
 */
public final class AnnotationClasses {
    /** What a region teaches the detector. */
    public enum Role { POSITIVE, NEGATIVE, UNKNOWN }

    public static final Set<String> DEFAULT_POSITIVE = Set.of("tumor", "tumour", "lesion");
    public static final Set<String> DEFAULT_NEGATIVE = Set.of("normal", "background");

    private final Set<String> positive;
    private final Set<String> negative;

    public AnnotationClasses(Collection<String> positive, Collection<String> negative) {
        this.positive = normalise(positive);
        this.negative = normalise(negative);
        if (this.positive.isEmpty()) {
            throw new IllegalArgumentException("at least one positive class name is needed (e.g. tumor)");
        }
        Set<String> both = new TreeSet<>(this.positive);
        both.retainAll(this.negative);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("class names both positive and negative: " + both);
        }
    }

    /** Positive {@code tumor}, {@code tumour}, {@code lesion}; negative {@code normal}, {@code background}. */
    public static AnnotationClasses defaults() {
        return new AnnotationClasses(DEFAULT_POSITIVE, DEFAULT_NEGATIVE);
    }

    /** From comma-separated lists, as typed in a dialog or on the command line. */
    public static AnnotationClasses parse(String positiveCsv, String negativeCsv) {
        return new AnnotationClasses(Set.of(positiveCsv.split(",")), Set.of(negativeCsv.split(",")));
    }

    /** The class of a region: its group name when non-blank, else the leading word of its name. */
    public static String classOf(String groupName, String name) {
        return groupName != null && !groupName.isBlank() ? leadingWord(groupName) : leadingWord(name);
    }

    /** The class of a label: its leading run of letters, lower case ({@code tumor 2} -> {@code tumor}). */
    public static String classOf(String label) {
        return leadingWord(label);
    }

    public Role role(String label) {
        String c = classOf(label);
        return positive.contains(c) ? Role.POSITIVE : negative.contains(c) ? Role.NEGATIVE : Role.UNKNOWN;
    }

    public Role role(Annotation a) {
        return role(a.label());
    }

    public boolean isPositive(Annotation a) {
        return role(a) == Role.POSITIVE;
    }

    /** Labels that are neither positive nor negative, sorted, so a caller can tell the user. */
    public Set<String> unknownLabels(Collection<Annotation> regions) {
        return regions.stream().filter(a -> role(a) == Role.UNKNOWN).map(Annotation::label)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public Set<String> positive() { return positive; }
    public Set<String> negative() { return negative; }

    private static String leadingWord(String s) {
        String t = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < t.length() && Character.isLetter(t.charAt(end))) {
            end++;
        }
        return t.substring(0, end);
    }

    private static Set<String> normalise(Collection<String> names) {
        return names.stream().map(AnnotationClasses::leadingWord).filter(n -> !n.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
