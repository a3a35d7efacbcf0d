package org.tumorj.ij;

import ij.gui.Roi;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The annotation class of an ImageJ ROI, under both conventions labs use: the ROI's group (a
 * number whose name ImageJ keeps in {@code Roi.getGroupName}) and the leading word of its name
 * ({@code "tumor 2"}, {@code "normal-liver"} gives {@code normal}). The group name wins when set.
 * Class names are one word of letters, digits and underscores, compared in lower case, so that
 * both conventions give the same class back.
 */
public final class RoiClasses {
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern LEADING_WORD = Pattern.compile("^\\s*([A-Za-z0-9_]+)");
    private static final int MAX_GROUP = 255;

    private RoiClasses() {}

    /** The ROI's class: its group's name when it has one, else the leading word of its name. */
    public static Optional<String> classOf(Roi roi) {
        String groupName = roi.getGroup() > 0 ? Roi.getGroupName(roi.getGroup()) : null;
        if (groupName != null && !groupName.isBlank()) {
            return Optional.of(groupName.trim().toLowerCase(Locale.ROOT));
        }
        return leadingWord(roi.getName());
    }

    /** The leading word of a ROI name, lower-cased: {@code "Tumor 2"} gives {@code tumor}. */
    public static Optional<String> leadingWord(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher m = LEADING_WORD.matcher(name);
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** The class name in its canonical (lower-case) form, or an error saying what is allowed. */
    public static String checkClassName(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (!CLASS_NAME.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("class '" + name + "': use one word of letters, digits"
                    + " and underscores, e.g. tumor or normal_liver");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    /**
     * The ROI group that stands for a class: the group already named so, else the first group
     * without a name, which is given the class name (kept in ImageJ's preferences).
     */
    public static int groupFor(String className) {
        String cls = checkClassName(className);
        for (int g = 1; g <= MAX_GROUP; g++) {
            if (cls.equalsIgnoreCase(trimmedOrEmpty(Roi.getGroupName(g)))) {
                return g;
            }
        }
        for (int g = 1; g <= MAX_GROUP; g++) {
            if (trimmedOrEmpty(Roi.getGroupName(g)).isEmpty()) {
                Roi.setGroupName(g, cls);
                Roi.getGroupNames(); // stores the changed names in ImageJ's preferences
                return g;
            }
        }
        throw new IllegalStateException("all " + MAX_GROUP + " ROI groups already have names;"
                + " rename one in Edit>Selection>Properties (Group names) to free it");
    }

    /** Gives the ROI the class under both conventions: its group and the name {@code "<class> <n>"}. */
    public static void assign(Roi roi, String className, int number) {
        String cls = checkClassName(className);
        roi.setGroup(groupFor(cls));
        roi.setName(numberedName(cls, number));
    }

    public static String numberedName(String className, int number) {
        return className + " " + number;
    }

    /** The number in a name {@code "<class> <n>"} of this class, or 0 when the name has another form. */
    public static int numberIn(String name, String className) {
        if (name == null) {
            return 0;
        }
        Matcher m = Pattern.compile("(?i)\\s*" + Pattern.quote(className) + "\\s+(\\d{1,9})\\s*").matcher(name);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The next free number for a class, after the highest {@code "<class> <n>"} among the names. */
    public static int nextNumber(Collection<String> names, String className) {
        return names.stream().mapToInt(n -> numberIn(n, className)).max().orElse(0) + 1;
    }

    private static String trimmedOrEmpty(String s) {
        return s == null ? "" : s.trim();
    }
}
