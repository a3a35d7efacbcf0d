package org.tumorj.pipeline;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The kind of an MR series, told from its SeriesDescription, so that a model trained on T2
 * images is not silently run on T1 ones. Patterns (case-insensitive, first match wins):
 * <ul>
 *   <li>{@link #FLAIR}: {@code flair}, {@code tirm}, {@code dark fluid}</li>
 *   <li>{@link #DWI_ADC}: {@code dwi}, {@code adc}, {@code diffusion}, {@code trace}, {@code b=NNN}/{@code bNNN}</li>
 *   <li>{@link #T2}: {@code t2} (not followed by a digit), {@code haste}, {@code stir}</li>
 *   <li>{@link #T1_POST}: {@code post} (not posterior), {@code gd}, {@code gad}, {@code +c},
 *       {@code contrast}, {@code ce} (as a word), with or without a T1 pattern</li>
 *   <li>{@link #T1}: {@code t1} (not followed by a digit), {@code mprage}, {@code spgr}, {@code vibe}</li>
 *   <li>{@link #OTHER}: anything else (also every CT and radiograph)</li>
 * </ul>
 * A series named {@code T2 post Gd} is T2: contrast does not change a T2 image's kind much,
 * while it is what distinguishes T1 from T1 post.
 */
public enum SeriesKind {
    T1, T1_POST, T2, FLAIR, DWI_ADC, OTHER;

    private static final Pattern FLAIR_WORDS = Pattern.compile("flair|tirm|dark.?fluid");
    private static final Pattern DIFFUSION = Pattern.compile("(?<![a-z0-9])(dwi|adc|diffusion|trace)|(?<![a-z0-9])b\\s*=?\\s*\\d{2,4}(?![0-9])");
    private static final Pattern CONTRAST = Pattern.compile("(?<![a-z])post(?!er)|(?<![a-z])gd|gad|\\+\\s*c(?![a-z])|contrast|(?<![a-z])ce(?![a-z])");
    private static final Pattern T2_WORDS = Pattern.compile("(?<![a-z0-9])t2(?![0-9])|haste|stir");
    private static final Pattern T1_WORDS = Pattern.compile("(?<![a-z0-9])t1(?![0-9])|mprage|spgr|vibe");

    /** The kind of a series with this SeriesDescription (null or blank: {@link #OTHER}). */
    public static SeriesKind classify(String seriesDescription) {
        if (seriesDescription == null || seriesDescription.isBlank()) {
            return OTHER;
        }
        String d = seriesDescription.toLowerCase(Locale.ROOT);
        if (FLAIR_WORDS.matcher(d).find()) {
            return FLAIR;
        }
        if (DIFFUSION.matcher(d).find()) {
            return DWI_ADC;
        }
        boolean t2 = T2_WORDS.matcher(d).find();
        if (t2) {
            return T2;
        }
        boolean t1 = T1_WORDS.matcher(d).find();
        if (CONTRAST.matcher(d).find()) {
            return T1_POST;
        }
        return t1 ? T1 : OTHER;
    }

    /** Whether a model of this kind may run on a series of {@code other} kind: equal, or either unknown. */
    public boolean compatibleWith(SeriesKind other) {
        return this == other || this == OTHER || other == OTHER;
    }

    /** Parses a stored name; unknown text (a newer TumorJ) is {@link #OTHER}. */
    public static SeriesKind parse(String name) {
        for (SeriesKind k : values()) {
            if (k.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return k;
            }
        }
        return OTHER;
    }
}
