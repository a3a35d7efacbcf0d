package org.tumorj.ij;

import ij.Prefs;
import ij.gui.GenericDialog;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The dialog of a command, built from its macro keys. Each field's label is the key, so
 * GenericDialog records {@code key=value} for the Macro Recorder. Values a user chose are
 * remembered in ImageJ's preferences for the next dialog; macros never see them, they get the
 * documented defaults (a macro must mean the same on every machine).
 */
final class KeyDialog {

    private KeyDialog() {}

    static Optional<MacroValues> show(MacroKeys keys) {
        GenericDialog gd = new GenericDialog(title(keys.command()));
        for (MacroKey key : keys.keys()) {
            addField(gd, key, remembered(keys, key));
        }
        gd.addHelp(help(keys));
        gd.showDialog();
        if (gd.wasCanceled()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (MacroKey key : keys.keys()) {
            values.put(key.name(), nextValue(gd, key));
        }
        if (gd.invalidNumber()) {
            throw new IllegalArgumentException(keys.command() + ": " + gd.getErrorMessage());
        }
        // Typed values were checked by GenericDialog only for numbers; choices come from the list.
        MacroValues checked = keys.fromOptions(MacroOptions.format(values, keys.types()), name -> null);
        values.forEach((k, v) -> Prefs.set(prefKey(keys, k), v));
        return Optional.of(checked);
    }

    private static void addField(GenericDialog gd, MacroKey key, String value) {
        switch (key.type()) {
            case BOOLEAN -> gd.addCheckbox(key.label(), Boolean.parseBoolean(value));
            case INTEGER -> gd.addNumericField(key.label(), Double.parseDouble(value), 0);
            case NUMBER -> gd.addNumericField(key.label(), Double.parseDouble(value), decimals(value));
            case CHOICE -> gd.addChoice(key.label(), key.choices().toArray(String[]::new),
                    key.choices().contains(value) ? value : key.defaultValue());
            case FILE -> gd.addFileField(key.label(), value, 40);
            case FOLDER -> gd.addDirectoryField(key.label(), value, 40);
            case STRING -> gd.addStringField(key.label(), value, 20);
        }
    }

    private static String nextValue(GenericDialog gd, MacroKey key) {
        return switch (key.type()) {
            case BOOLEAN -> Boolean.toString(gd.getNextBoolean());
            case INTEGER -> Long.toString(Math.round(gd.getNextNumber()));
            case NUMBER -> MacroKey.formatNumber(gd.getNextNumber());
            case CHOICE -> gd.getNextChoice();
            case FILE, FOLDER, STRING -> gd.getNextString();
        };
    }

    private static String remembered(MacroKeys keys, MacroKey key) {
        return Prefs.get(prefKey(keys, key.name()), key.defaultValue());
    }

    private static String prefKey(MacroKeys keys, String key) {
        String command = keys.command().replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(Locale.ROOT);
        return "tumorj." + command + "." + key;
    }

    private static int decimals(String value) {
        int dot = value.indexOf('.');
        return dot < 0 ? 0 : Math.min(6, value.length() - dot - 1);
    }

    private static String title(String command) {
        return "TumorJ: " + command.replace("...", "");
    }

    /** The dialog's Help text: every key with its type, default and meaning, as in the docs. */
    private static String help(MacroKeys keys) {
        StringBuilder sb = new StringBuilder("<html><h3>" + keys.command() + "</h3><table>");
        for (MacroKey k : keys.keys()) {
            sb.append("<tr><td><b>").append(k.name()).append("</b></td><td>").append(k.type().docName())
                    .append("</td><td>").append(k.help()).append("</td></tr>");
        }
        return sb.append("</table>See docs/commands.md for the macro line.</html>").toString();
    }
}
