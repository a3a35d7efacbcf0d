package org.tumorj.ij;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of one command run, one per documented key, already checked against the key's type.
 * Typed getters; asking for an undeclared key is a programming error.
 */
public final class MacroValues {
    private final MacroKeys keys;
    private final Map<String, String> values;

    MacroValues(MacroKeys keys, Map<String, String> values) {
        this.keys = keys;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String string(String key) {
        return raw(key);
    }

    public boolean bool(String key) {
        return Boolean.parseBoolean(raw(key));
    }

    public int integer(String key) {
        return Integer.parseInt(raw(key));
    }

    public double number(String key) {
        return Double.parseDouble(raw(key));
    }

    public Path path(String key) {
        return Path.of(raw(key));
    }

    /** The path of a FILE key, or an error naming the command, the key and the missing file. */
    public Path existingFile(String key) {
        Path p = path(key);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException(keys.command() + ": " + key + "=" + p
                    + ": no such file; give the path of an existing file");
        }
        return p;
    }

    /** The path of a FOLDER key, or an error naming the command, the key and the missing folder. */
    public Path existingFolder(String key) {
        return existingFolder(key, "no " + key + " given; write " + key + "=/a/folder");
    }

    /**
     * The path of a FOLDER key, or an error naming the command, the key and the missing folder.
     *
     * @param whenBlank what the user is told when the key is not given (after the command's name)
     */
    public Path existingFolder(String key, String whenBlank) {
        Path p = requiredPath(key, whenBlank);
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException(keys.command() + ": " + key + "=" + p
                    + ": no such folder; give the path of an existing folder");
        }
        return p;
    }

    /** The path of a key naming a file or a folder that must exist (a DICOM file or a folder of them). */
    public Path existingFileOrFolder(String key, String whenBlank) {
        Path p = requiredPath(key, whenBlank);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException(keys.command() + ": " + key + "=" + p + ": no such file or folder");
        }
        return p;
    }

    /**
     * The path of a key that must be given, existing or not (an output to create).
     *
     * @param whenBlank what the user is told when the key is not given (after the command's name)
     */
    public Path requiredPath(String key, String whenBlank) {
        if (string(key).isBlank()) {
            throw new IllegalArgumentException(keys.command() + ": " + whenBlank);
        }
        return path(key);
    }

    /** The path of a key that may be left empty (no output wanted); null when it is. */
    public Path optionalPath(String key) {
        return string(key).isBlank() ? null : path(key);
    }

    /** All values by key, in declaration order, as text. */
    public Map<String, String> asMap() {
        return values;
    }

    /** These values as a macro options string, the way the Macro Recorder writes them. */
    public String options() {
        return MacroOptions.format(values, keys.types());
    }

    private String raw(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException(keys.command() + " has no macro key '" + key + "'");
        }
        return v;
    }

    @Override
    public String toString() {
        return keys.command() + " " + options();
    }
}
