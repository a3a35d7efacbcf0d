package org.tumorj.ij;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command reference in docs/commands.md, generated from the commands themselves so the docs
 * and the code cannot drift: for each command listed in plugins.config, its documented macro line
 * and a table of every key (type, default, meaning), between markers
 * {@code <!-- BEGIN keys: Label -->} and {@code <!-- END keys: Label -->}. Prose around the
 * markers is the writers'. {@code CommandDocsTest} fails when the file is stale and rewrites it
 * when run with {@code -Dtumorj.updateDocs=true}. A test helper: it is not part of the plugin jar.
 */
public final class CommandDocs {
    /** {@code Plugins>TumorJ, "Set ROI Class...", org.tumorj.ij.commands.SetRoiClass} */
    private static final Pattern CONFIG_LINE = Pattern.compile("^\\s*([^,#]+),\\s*\"([^\"]+)\",\\s*([\\w.$]+)\\s*$");

    private CommandDocs() {}

    /** A menu entry of plugins.config: menu path, label, class name. */
    public record MenuEntry(String menu, String label, String className) {
        /** A fresh instance of the entry's command (cheap: commands do no work when created). */
        public TumorJCommand command() {
            try {
                return (TumorJCommand) Class.forName(className).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException("plugins.config: " + className + " (\"" + label
                        + "\") is not a TumorJCommand with a public no-argument constructor: " + e, e);
            }
        }
    }

    /** The entries of a plugins.config file, in file order. */
    public static List<MenuEntry> entries(Path pluginsConfig) throws IOException {
        List<MenuEntry> out = new ArrayList<>();
        for (String line : Files.readAllLines(pluginsConfig)) {
            Matcher m = CONFIG_LINE.matcher(line);
            if (!line.isBlank() && !line.trim().startsWith("#") && m.matches()) {
                out.add(new MenuEntry(m.group(1).trim(), m.group(2), m.group(3)));
            }
        }
        return out;
    }

    public static String beginMarker(String label) {
        return "<!-- BEGIN keys: " + label + " -->";
    }

    public static String endMarker(String label) {
        return "<!-- END keys: " + label + " -->";
    }

    /** The generated block of one command, markers included. */
    public static String block(TumorJCommand command) {
        MacroKeys keys = command.keys();
        StringBuilder sb = new StringBuilder(beginMarker(keys.command())).append('\n');
        sb.append("```\n").append(keys.macroLine(command.documentedOptions())).append("\n```\n\n");
        if (keys.keys().isEmpty()) {
            sb.append("No keys.\n");
        } else {
            sb.append("| key | type | default | meaning |\n|---|---|---|---|\n");
            for (MacroKey k : keys.keys()) {
                sb.append("| `").append(k.name()).append("` | ").append(typeCell(k)).append(" | ")
                        .append(defaultCell(k)).append(" | ").append(k.help().replace("|", "\\|")).append(" |\n");
            }
        }
        return sb.append(endMarker(keys.command())).toString();
    }

    /**
     * The markdown with each command's block replaced by a fresh one; a command without a block
     * gets one appended under a heading of its label.
     */
    public static String update(String markdown, List<TumorJCommand> commands) {
        String out = markdown;
        for (TumorJCommand c : commands) {
            String label = c.keys().command();
            Pattern block = Pattern.compile(Pattern.quote(beginMarker(label)) + ".*?" + Pattern.quote(endMarker(label)),
                    Pattern.DOTALL);
            Matcher m = block.matcher(out);
            out = m.find()
                    ? out.substring(0, m.start()) + block(c) + out.substring(m.end())
                    : out + (out.endsWith("\n") ? "\n" : "\n\n") + "### " + label.replace("...", "") + "\n\n"
                            + block(c) + "\n";
        }
        return out;
    }

    /** The documented macro lines ({@code run("...", ...);}) of a command in the markdown. */
    public static List<String> documentedLines(String markdown, String label) {
        int begin = markdown.indexOf(beginMarker(label));
        int end = markdown.indexOf(endMarker(label));
        if (begin < 0 || end < begin) {
            return List.of();
        }
        String prefix = "run(\"" + label + "\"";
        return markdown.substring(begin, end).lines().map(String::trim).filter(l -> l.startsWith(prefix)).toList();
    }

    private static String typeCell(MacroKey k) {
        return k.type() == MacroKey.Type.CHOICE
                ? "choice: " + String.join(", ", k.choices().stream().map(c -> "`" + c + "`").toList())
                : k.type().docName();
    }

    private static String defaultCell(MacroKey k) {
        if (k.type() == MacroKey.Type.BOOLEAN) {
            return "dialog: " + ("true".equals(k.defaultValue()) ? "ticked" : "unticked") + "; macro: absent = false";
        }
        return k.defaultValue().isEmpty() ? "(none)" : "`" + k.defaultValue() + "`";
    }

    /** Helper for callers that hold classes, not plugins.config: instances of the given commands. */
    public static List<TumorJCommand> instances(List<MenuEntry> entries) {
        return entries.stream().map(MenuEntry::command).toList();
    }

}
