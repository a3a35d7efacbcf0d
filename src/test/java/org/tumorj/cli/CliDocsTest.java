package org.tumorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docs/cli.md carries every command's usage text as picocli prints it; this test fails when the
 * page is stale. After changing a command's options, regenerate it with
 * {@code mvn -q test -Dtest=CliDocsTest -Dtumorj.updateDocs=true} and review the diff. The
 * {@code ./tumorj} lines of the README and docs/ name only options their command has.
 */
class CliDocsTest {
    private static final Path DOCS = Path.of("docs/cli.md");
    /** {@code ./tumorj COMMAND ...} in a page: the command word and the rest of the line. */
    private static final Pattern INVOCATION = Pattern.compile("\\./tumorj ([a-z][a-z-]*)([^`\\n]*)");
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*");

    @Test
    void docsCliMdIsGeneratedFromTheUsageTexts() throws IOException {
        String current = Files.readString(DOCS);
        String expected = CliDocs.update(current, TumorJCli.commandLine(TumorJCli.allCommands()));
        if (Boolean.getBoolean("tumorj.updateDocs") && !expected.equals(current)) {
            Files.writeString(DOCS, expected);
            current = expected;
        }
        assertEquals(expected, current, DOCS + " is stale: run mvn -q test -Dtest=CliDocsTest -Dtumorj.updateDocs=true"
                + " and review the diff");
    }

    @Test
    void theGeneratedPartHasEveryCommandWithItsOptions() throws IOException {
        String page = Files.readString(DOCS);
        CommandLine line = TumorJCli.commandLine(TumorJCli.allCommands());
        for (Map.Entry<String, CommandLine> e : line.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            assertTrue(page.contains("### `./tumorj " + e.getKey() + "`"), e.getKey());
            e.getValue().getCommandSpec().options().stream().filter(o -> !o.hidden()).forEach(o -> assertTrue(page.contains(o.longestName()),
                    e.getKey() + " " + o.longestName()));
        }
    }

    @Test
    void everyOptionTheReadmeAndDocsShowExistsOnItsCommand() throws IOException {
        CommandLine line = TumorJCli.commandLine(TumorJCli.allCommands());
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            String command = null;
            for (String text : Files.readAllLines(page)) {
                Matcher m = INVOCATION.matcher(text);
                String rest;
                if (m.find()) {
                    command = m.group(1);
                    rest = m.group(2);
                } else if (command != null && text.startsWith("       ") && text.strip().startsWith("[")) {
                    rest = text; // a continuation line of the README's option list
                } else {
                    command = null;
                    continue;
                }
                CommandLine sub = line.getSubcommands().get(command);
                if (sub == null) {
                    continue; // ./tumorj test, or a word of prose
                }
                rest = rest.replaceAll("\\s#.*", "").replaceAll("; not --.*", ""); // comments; what batch lacks
                Matcher o = OPTION.matcher(rest);
                while (o.find()) {
                    checked++;
                    if (sub.getCommandSpec().findOption(o.group()) == null) {
                        unknown.add(page + ": ./tumorj " + command + " " + o.group());
                    }
                }
            }
        }
        assertTrue(checked > 40, "options found in the pages: " + checked);
        assertEquals(List.of(), unknown, "options the pages show that their command does not have");
    }

    @Test
    void theDocsSayHowToRegenerate() throws IOException {
        String page = Files.readString(DOCS);
        assertTrue(page.contains("-Dtumorj.updateDocs=true"), "the page says how it is made");
        assertFalse(page.contains("\u001B["), "no terminal colours");
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md") && !p.equals(DOCS)).sorted().forEach(pages::add);
        }
        return pages;
    }
}
