package org.tumorj.ij;

import ij.IJ;
import ij.Macro;
import ij.macro.Interpreter;
import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The macro keys of one command, declared once. From them come the dialog (so the Macro Recorder
 * records exactly these keys), the values of {@code run("Command...", "key=value ...")} in a
 * macro (parsed here, so it also works where no dialog can open), the warning about unknown keys,
 * and the key table in the docs.
 */
public final class MacroKeys {
    private final String command;
    private final List<MacroKey> keys;

    private MacroKeys(String command, List<MacroKey> keys) {
        this.command = command;
        this.keys = List.copyOf(keys);
        long distinct = keys.stream().map(MacroKey::name).distinct().count();
        if (distinct != keys.size()) {
            throw new IllegalArgumentException(command + ": duplicate macro key in " + names());
        }
    }

    /** @param command the menu label exactly as in plugins.config, e.g. {@code "Set ROI Class..."} */
    public static MacroKeys of(String command, MacroKey... keys) {
        return new MacroKeys(command, Arrays.asList(keys));
    }

    public String command() {
        return command;
    }

    public List<MacroKey> keys() {
        return keys;
    }

    public List<String> names() {
        return keys.stream().map(MacroKey::name).toList();
    }

    Map<String, MacroKey.Type> types() {
        return keys.stream().collect(Collectors.toMap(MacroKey::name, MacroKey::type));
    }

    /** The documented defaults, the values of a run whose macro gives no options. */
    public MacroValues defaults() {
        Map<String, String> values = new LinkedHashMap<>();
        keys.forEach(k -> values.put(k.name(), k.defaultValue()));
        return new MacroValues(this, values);
    }

    /**
     * The values for this run of the command, as ImageJ users expect them: from the macro's
     * options when a macro runs the command (warning in the Log about unknown keys), from the
     * documented defaults when nobody can answer a dialog (batch mode without an ImageJ window,
     * headless), and otherwise from a dialog, which the Macro Recorder records.
     *
     * @return empty when the user cancelled the dialog
     * @throws IllegalArgumentException a value does not fit its key; the message names both
     */
    public Optional<MacroValues> read() {
        String options = Macro.getOptions();
        if (options != null) {
            unknownKeysWarning(options).ifPresent(IJ::log);
            return Optional.of(fromOptions(options, MacroKeys::macroVariable));
        }
        if (nobodyToAsk()) {
            return Optional.of(defaults());
        }
        return KeyDialog.show(this);
    }

    /**
     * Values from a macro options string: given keys parsed and checked against their types,
     * missing keys at their documented default (booleans false, ImageJ's rule for checkboxes).
     * A value {@code &name} is looked up with {@code variables} (the macro's variables).
     */
    public MacroValues fromOptions(String options, UnaryOperator<String> variables) {
        Map<String, String> given = MacroOptions.parse(options);
        Map<String, String> values = new LinkedHashMap<>();
        for (MacroKey key : keys) {
            String raw = given.get(key.name());
            if (raw != null && raw.startsWith("&") && raw.length() > 1) {
                String resolved = variables.apply(raw.substring(1));
                raw = resolved != null ? resolved : raw;
            }
            values.put(key.name(), valueOf(key, raw));
        }
        return new MacroValues(this, values);
    }

    /** The option keys this command does not know, in the order given. */
    public List<String> unknownKeys(String options) {
        List<String> unknown = new ArrayList<>(MacroOptions.parse(options).keySet());
        unknown.removeAll(names());
        return unknown;
    }

    /** The Log line for unknown keys: the command, each unknown key (with a likely meant key), the known keys. */
    public Optional<String> unknownKeysWarning(String options) {
        List<String> unknown = unknownKeys(options);
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        String each = unknown.stream().map(this::describeUnknown).collect(Collectors.joining(", "));
        String known = keys.isEmpty() ? "(none)" : String.join(", ", names());
        return Optional.of("Warning: " + command + ": unknown macro key " + each
                + " ignored; known keys: " + known);
    }

    /** The documented macro line for these options: {@code run("Command...", "options");}. */
    public String macroLine(String options) {
        return options.isBlank()
                ? "run(\"" + command + "\");"
                : "run(\"" + command + "\", \"" + options.replace("\"", "\\\"") + "\");";
    }

    private String valueOf(MacroKey key, String raw) {
        if (key.type() == MacroKey.Type.BOOLEAN) {
            return Boolean.toString(parseBoolean(key, raw));
        }
        if (raw == null) {
            return key.defaultValue();
        }
        return switch (key.type()) {
            case INTEGER -> checkInteger(key, raw);
            case NUMBER -> checkNumber(key, raw);
            case CHOICE -> checkChoice(key, raw);
            default -> raw;
        };
    }

    /** ImageJ's checkbox rule: absent is false, even when the dialog's default is ticked. */
    private boolean parseBoolean(MacroKey key, String raw) {
        if (raw == null) {
            return false;
        }
        if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(raw);
        }
        throw invalid(key, raw, "write the bare key '" + key.name() + "' for true and leave it out for false");
    }

    private String checkInteger(MacroKey key, String raw) {
        try {
            return Integer.toString(Integer.parseInt(raw.trim()));
        } catch (NumberFormatException e) {
            throw invalid(key, raw, "expected a whole number, e.g. " + key.name() + "=" + key.defaultValue());
        }
    }

    private String checkNumber(MacroKey key, String raw) {
        try {
            double v = Double.parseDouble(raw.trim());
            if (Double.isFinite(v)) {
                return raw.trim();
            }
        } catch (NumberFormatException e) {
            // reported below with the key's example
        }
        throw invalid(key, raw, "expected a number, e.g. " + key.name() + "=" + key.defaultValue());
    }

    private String checkChoice(MacroKey key, String raw) {
        if (!key.choices().contains(raw)) {
            throw invalid(key, raw, "expected one of " + String.join(", ", key.choices()));
        }
        return raw;
    }

    private IllegalArgumentException invalid(MacroKey key, String raw, String expected) {
        return new IllegalArgumentException(command + ": " + key.name() + "=" + raw + ": " + expected);
    }

    private String describeUnknown(String unknown) {
        return keys.stream()
                .min(Comparator.comparingInt(k -> editDistance(k.name(), unknown)))
                .filter(k -> editDistance(k.name(), unknown) <= Math.max(2, unknown.length() / 3))
                .map(k -> "'" + unknown + "' (did you mean '" + k.name() + "'?)")
                .orElse("'" + unknown + "'");
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** True where a dialog would wait for ever: headless, or a batch macro with no ImageJ window. */
    static boolean nobodyToAsk() {
        return GraphicsEnvironment.isHeadless() || (IJ.getInstance() == null && Interpreter.isBatchMode());
    }

    private static String macroVariable(String name) {
        Interpreter interp = Interpreter.getInstance();
        return interp != null ? interp.getVariableAsString(name) : null;
    }
}
