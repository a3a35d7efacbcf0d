package org.tumorj.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The command reference in docs/cli.md, generated from picocli's own usage texts so the page and
 * the code cannot drift: {@code ./tumorj --help} and each command's {@code --help}, between
 * {@code <!-- BEGIN generated: ./tumorj help -->} and {@code <!-- END generated -->}. Prose around
 * the markers is the writers'. {@code CliDocsTest} fails when the page is stale and rewrites it
 * when run with {@code -Dtumorj.updateDocs=true}. A test helper: it is not part of the jars.
 */
final class CliDocs {
    static final String BEGIN = "<!-- BEGIN generated: ./tumorj help -->";
    static final String END = "<!-- END generated -->";

    private CliDocs() {}

    /** {@code page} with the generated part replaced by the usage texts of {@code line} (appended when absent). */
    static String update(String page, CommandLine line) {
        String generated = BEGIN + "\n" + generated(line) + END;
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        if (begin < 0 || end < begin) {
            return page + (page.endsWith("\n") ? "" : "\n") + "\n" + generated + "\n";
        }
        return page.substring(0, begin) + generated + page.substring(end + END.length());
    }

    private static String generated(CommandLine line) {
        List<String> parts = new ArrayList<>();
        parts.add(section("./tumorj", line));
        line.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                parts.add(section("./tumorj " + name, sub));
            }
        });
        return String.join("\n", parts);
    }

    private static String section(String title, CommandLine command) {
        String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("(?m)[ \\t]+$", "").strip();
        return "### `" + title + "`\n\n```text\n" + usage + "\n```\n";
    }
}
