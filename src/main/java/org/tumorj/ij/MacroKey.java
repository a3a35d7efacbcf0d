package org.tumorj.ij;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One documented macro key of a TumorJ command: the word a macro writes in
 * {@code run("Command...", "key=value")}, its type, its default and a line of help. The key is
 * also the dialog label (underscores shown as spaces), so the Macro Recorder records exactly it.
 *
 * @param name    snake_case key, e.g. {@code model_dir}
 * @param type    how the value is parsed and which dialog field shows it
 * @param defaultValue the value when a macro leaves the key out (booleans: see {@link Type#BOOLEAN})
 * @param help    one sentence for the docs and the dialog's Help button
 * @param choices the allowed values of a {@link Type#CHOICE}; empty otherwise
 */
public record MacroKey(String name, Type type, String defaultValue, String help, List<String> choices) {

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    /** The kinds of value a key holds. */
    public enum Type {
        STRING("text"),
        /** A file path; a macro quotes paths with spaces as {@code key=[/my data/x.zip]}. */
        FILE("file path"),
        FOLDER("folder path"),
        /** A checkbox: in a macro the bare key means true, its absence false (ImageJ's rule). */
        BOOLEAN("boolean"),
        INTEGER("integer"),
        NUMBER("number"),
        CHOICE("choice");

        private final String docName;

        Type(String docName) {
            this.docName = docName;
        }

        /** The type as the docs name it. */
        public String docName() {
            return docName;
        }
    }

    public MacroKey {
        if (!SNAKE_CASE.matcher(name).matches()) {
            throw new IllegalArgumentException("macro key '" + name + "' must be snake_case");
        }
        choices = List.copyOf(choices);
        if (type == Type.CHOICE && !choices.contains(defaultValue)) {
            throw new IllegalArgumentException("macro key '" + name + "': default '" + defaultValue
                    + "' is not one of " + choices);
        }
    }

    public static MacroKey string(String name, String defaultValue, String help) {
        return new MacroKey(name, Type.STRING, defaultValue, help, List.of());
    }

    public static MacroKey file(String name, String defaultValue, String help) {
        return new MacroKey(name, Type.FILE, defaultValue, help, List.of());
    }

    public static MacroKey folder(String name, String defaultValue, String help) {
        return new MacroKey(name, Type.FOLDER, defaultValue, help, List.of());
    }

    public static MacroKey bool(String name, boolean defaultValue, String help) {
        return new MacroKey(name, Type.BOOLEAN, Boolean.toString(defaultValue), help, List.of());
    }

    public static MacroKey integer(String name, int defaultValue, String help) {
        return new MacroKey(name, Type.INTEGER, Integer.toString(defaultValue), help, List.of());
    }

    public static MacroKey number(String name, double defaultValue, String help) {
        return new MacroKey(name, Type.NUMBER, formatNumber(defaultValue), help, List.of());
    }

    public static MacroKey choice(String name, String defaultValue, String help, String... choices) {
        return new MacroKey(name, Type.CHOICE, defaultValue, help, List.of(choices));
    }

    /**
     * The dialog label: the key with its first letter capitalised. ImageJ shows underscores as
     * spaces and records the label's first word lower-cased, which gives back the key.
     */
    public String label() {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /** Numbers as a user types them: no trailing ".0" on whole numbers. */
    static String formatNumber(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
