package org.tumorj.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --key value} and {@code --flag} options plus positional arguments. Unknown keys are an
 * error, so a typo never silently falls back to a default.
 */
public final class Options {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Options() {}

    /**
     * @param valued keys that take a value ({@code --model DIR})
     * @param flags keys that take none ({@code --debug})
     */
    public static Options parse(List<String> args, Set<String> valued, Set<String> flags) throws CliException {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                o.positional.add(a);
                continue;
            }
            String key = a.substring(2);
            String inline = null;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                inline = key.substring(eq + 1);
                key = key.substring(0, eq);
            }
            if (flags.contains(key) && inline == null) {
                o.values.put(key, "true");
            } else if (valued.contains(key)) {
                if (inline == null && i + 1 >= args.size()) {
                    throw new CliException("option --" + key + " needs a value");
                }
                o.values.put(key, inline != null ? inline : args.get(++i));
            } else {
                throw new CliException("unknown option --" + key + " (known: " + known(valued, flags) + ")");
            }
        }
        return o;
    }

    private static String known(Set<String> valued, Set<String> flags) {
        List<String> all = new ArrayList<>();
        valued.forEach(k -> all.add("--" + k));
        flags.forEach(k -> all.add("--" + k));
        return String.join(", ", all);
    }

    public List<String> positional() { return positional; }
    public boolean has(String key) { return values.containsKey(key); }
    public String get(String key, String fallback) { return values.getOrDefault(key, fallback); }

    public String require(String key) throws CliException {
        String v = values.get(key);
        if (v == null) {
            throw new CliException("missing required option --" + key);
        }
        return v;
    }

    public Path requirePath(String key) throws CliException {
        return Path.of(require(key));
    }

    public int getInt(String key, int fallback) throws CliException {
        return (int) getDouble(key, fallback);
    }

    public double getDouble(String key, double fallback) throws CliException {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new CliException("option --" + key + " expects a number, got '" + v + "'");
        }
    }
}
