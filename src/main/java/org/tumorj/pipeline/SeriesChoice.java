package org.tumorj.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which series of a study to use, by SeriesDescription: the first matching the pattern; with no
 * pattern, the only series. Guessing between a study's T1, T2 and FLAIR series would train or run
 * a model on the wrong contrast without anyone noticing, so several series without a pattern, or
 * a pattern that matches none, is refused with the descriptions found and the options to choose.
 */
public final class SeriesChoice {
    /** How a user chooses, named in every refusal. */
    static final String HOW = "choose with --series REGEX (Fiji key series=REGEX), a regular expression matched"
            + " case-insensitively against SeriesDescription";

    private SeriesChoice() {}

    /**
     * @param descriptions the SeriesDescription of each candidate series, in order
     * @param pattern case-insensitive regular expression, or null for "the only one"
     * @return the chosen index, or -1 when there is no series at all
     * @throws IOException naming the study, the series found and how to choose
     */
    public static int choose(Path study, List<String> descriptions, Pattern pattern) throws IOException {
        if (descriptions.isEmpty()) {
            return -1;
        }
        if (pattern == null) {
            if (descriptions.size() == 1) {
                return 0;
            }
            throw new IOException(study + ": " + descriptions.size() + " series (" + listed(descriptions)
                    + ") and no series pattern; " + HOW + ", e.g. --series '" + example(descriptions) + "'");
        }
        for (int i = 0; i < descriptions.size(); i++) {
            if (pattern.matcher(descriptions.get(i)).find()) {
                return i;
            }
        }
        throw new IOException(study + ": no series whose SeriesDescription matches '" + pattern.pattern()
                + "'; series found: " + listed(descriptions) + "; " + HOW);
    }

    private static String listed(List<String> descriptions) {
        return descriptions.stream().map(d -> "'" + d + "'").collect(Collectors.joining(", "));
    }

    /** A pattern a user could type: the first series' kind when it has one, else its description quoted. */
    private static String example(List<String> descriptions) {
        SeriesKind kind = SeriesKind.classify(descriptions.get(0));
        return kind == SeriesKind.OTHER ? Pattern.quote(descriptions.get(0)) : kind.name().replace("_POST", ".*post");
    }
}
