package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumorj.util.AtomicFiles;

/**
 * docs/commands.md documents every key of every command in plugins.config, exactly as the code
 * declares them. When this fails after a change to a command's keys, regenerate the blocks with
 * {@code mvn -q test -Dtest=CommandDocsTest -Dtumorj.updateDocs=true} and review the diff.
 */
class CommandDocsTest {
    private static final Path CONFIG = Path.of("plugins.config");
    private static final Path DOCS = Path.of("docs/commands.md");

    @Test
    void everyMenuEntryIsACommandWhoseKeysNameItsLabel() throws IOException {
        List<CommandDocs.MenuEntry> entries = CommandDocs.entries(CONFIG);
        assertFalse(entries.isEmpty(), "plugins.config lists no commands");
        for (CommandDocs.MenuEntry e : entries) {
            assertEquals("Plugins>TumorJ", e.menu(), e.label());
            assertEquals(e.label(), e.command().keys().command(), e.className());
        }
    }

    @Test
    void documentedMacroLinesUseOnlyKnownKeysWithValidValues() throws IOException {
        for (CommandDocs.MenuEntry e : CommandDocs.entries(CONFIG)) {
            TumorJCommand c = e.command();
            String options = c.documentedOptions();
            assertEquals(List.of(), c.keys().unknownKeys(options), e.label());
            c.keys().fromOptions(options, name -> null); // throws on a value that does not fit
        }
    }

    @Test
    void docsListEveryKeyOfEveryCommandAsTheCodeDeclaresThem() throws IOException {
        List<TumorJCommand> commands = CommandDocs.instances(CommandDocs.entries(CONFIG));
        String current = Files.readString(DOCS);
        String expected = CommandDocs.update(current, commands);
        if (Boolean.getBoolean("tumorj.updateDocs") && !expected.equals(current)) {
            AtomicFiles.writeString(DOCS, expected);
            current = expected;
        }
        assertEquals(expected, current, DOCS + " is stale: run mvn -q test -Dtest=CommandDocsTest"
                + " -Dtumorj.updateDocs=true and review the diff");
        for (TumorJCommand c : commands) {
            String line = c.keys().macroLine(c.documentedOptions());
            assertTrue(CommandDocs.documentedLines(current, c.keys().command()).contains(line), line);
        }
    }
}
