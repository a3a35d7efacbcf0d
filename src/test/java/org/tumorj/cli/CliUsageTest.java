package org.tumorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./tumorj} says about its own use: help for the whole line and per command, the
 * version, and the two kinds of error: a line that does not parse (exit 2, an {@code error:} line
 * and a {@code usage:} line) and a value that cannot be used (exit 1, one {@code error:} line).
 */
class CliUsageTest {
    @TempDir Path dir;

    @Test
    void helpListsEveryCommand() {
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("Usage: tumorj [-hV] [--debug] COMMAND"), r.out());
        for (String command : List.of("info", "convert", "embed", "train", "detect", "evaluate", "demo", "model",
                "install-fiji", "batch", "phantoms", "completion", "help")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  " + command + " ")), command + " listed:\n" + r.out());
        }
        assertEquals(r.out(), CliRun.of("help").out(), "help and --help say the same");
    }

    @Test
    void withoutACommandTheUsageIsPrintedAndTheStatusIsTwo() {
        CliRun r = CliRun.of();
        assertEquals(2, r.status());
        assertTrue(r.out().startsWith("Usage: tumorj"), r.out());
    }

    @Test
    void eachCommandHasItsOwnHelpWithEveryOptionAndItsDefault() {
        CliRun r = CliRun.of("train", "--help");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("Usage: tumorj train "), r.out());
        for (String option : List.of("--studies=DIR", "--out=MODEL_DIR", "--seed=N", "--epochs=N", "--context=2.5d|2d",
                "--window=NAME", "--input-scale=N", "--positive=LABELS", "--negative=LABELS", "--validation=FRACTION",
                "--series=REGEX", "--features=filters|both|hypercolumns|cells", "--fine-tune=N")) {
            assertTrue(r.out().contains(option), option + " in:\n" + r.out());
        }
        String flat = r.out().replaceAll("\\s+", " ");
        assertTrue(flat.contains("(default: 42)") && flat.contains("(default: 2.5d)") && flat.contains("(default: modality)")
                && flat.contains("(default: filters)"), r.out());
        assertEquals(r.out(), CliRun.of("help", "train").out(), "help train and train --help say the same");
    }

    @Test
    void versionIsTheProjects() {
        CliRun r = CliRun.of("--version");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().strip().matches("TumorJ (development|\\d+\\.\\d+\\.\\d+.*)"), r.out());
    }

    @Test
    void anUnknownOptionIsAnErrorLineAUsageLineAndStatusTwo() {
        CliRun r = CliRun.of("train", "--studies", dir.toString(), "--out", dir.resolve("m").toString(), "--epoch", "3");
        assertEquals(2, r.status(), r.err());
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.get(0).startsWith("error: unknown option") && lines.get(0).contains("'--epoch'"), r.err());
        assertEquals("usage: tumorj train --studies DIR --out MODEL_DIR [options]", lines.get(1), r.err());
        assertTrue(r.err().contains("--epochs"), "suggests the near option: " + r.err());
        assertEquals("", r.out());
    }

    @Test
    void aMissingRequiredOptionIsStatusTwo() {
        CliRun r = CliRun.of("detect", "--model", dir.toString(), "--input", dir.toString());
        assertEquals(2, r.status(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals("error: missing required option: '--out=DIR'", lines.get(0), r.err());
        assertEquals("usage: tumorj detect --model MODEL_DIR --input SERIES_OR_STUDIES_DIR --out DIR [options]",
                lines.get(1), r.err());
    }

    @Test
    void aWordWhereANumberGoesIsStatusTwo() {
        CliRun r = CliRun.of("train", "--studies", dir.toString(), "--out", dir.resolve("m").toString(), "--epochs", "many");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().startsWith("error: invalid value for option '--epochs': 'many' is not an int"), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("usage: tumorj train ")), r.err());
    }

    @Test
    void anUnknownCommandIsNamedWithTheNearestOne() {
        CliRun r = CliRun.of("detcet", "--model", "m");
        assertEquals(2, r.status(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals("error: unknown command 'detcet'", lines.get(0), r.err());
        assertEquals("usage: tumorj [options] COMMAND", lines.get(1), r.err());
        assertTrue(r.err().contains("detect"), r.err());
    }

    @Test
    void aWrongChangeOfAModelShowsItsUsage() {
        CliRun r = CliRun.of("model", "set-window", dir.toString(), "0.5");
        assertEquals(2, r.status(), r.err());
        assertEquals("usage: tumorj model set-threshold MODEL_DIR VALUE", r.err().lines().toList().get(1), r.err());
    }

    @Test
    void aFolderThatIsNotThereIsStatusOneNamingIt() {
        Path missing = dir.resolve("no-studies");
        CliRun r = CliRun.of("train", "--studies", missing.toString(), "--out", dir.resolve("m").toString());
        assertEquals(1, r.status(), r.err());
        assertEquals("error: " + missing + ": not a folder; give a folder of study folders", r.err().strip());
    }

    @Test
    void aValueOutOfItsRangeIsStatusOneSayingWhatIsExpected() {
        CliRun context = CliRun.of("train", "--studies", dir.toString(), "--out", dir.resolve("m").toString(), "--context", "3d");
        assertEquals(1, context.status(), context.err());
        assertEquals("error: option --context must be 2d or 2.5d", context.err().strip());
        CliRun studies = CliRun.of("phantoms", "--out", dir.toString(), "--studies", "0");
        assertEquals(1, studies.status(), studies.err());
        assertEquals("error: option --studies must be 1..9999, got 0", studies.err().strip());
        CliRun threshold = CliRun.of("model", "set-threshold", dir.toString(), "1.5");
        assertEquals(1, threshold.status(), threshold.err());
        assertEquals("error: threshold must be a number in (0, 1], got '1.5'", threshold.err().strip());
    }

    @Test
    void debugAnywhereAddsTheStackTrace() {
        Path missing = dir.resolve("nothing-here");
        CliRun plain = CliRun.of("info", missing.toString());
        CliRun debug = CliRun.of("info", missing.toString(), "--debug");
        assertEquals(1, plain.status());
        assertEquals(1, debug.status());
        assertEquals(1, plain.err().strip().lines().count(), plain.err());
        assertTrue(debug.err().startsWith(plain.err().strip()) && debug.err().contains("\tat org.tumorj."), debug.err());
    }

    @Test
    void optionsTakeTheirValueAfterAnEqualsSignAndTheLastOneCounts() {
        CliRun r = CliRun.of("train", "--studies=" + dir, "--out", dir.resolve("m").toString(), "--context", "2d",
                "--context=3d");
        assertEquals(1, r.status(), r.err());
        assertEquals("error: option --context must be 2d or 2.5d", r.err().strip());
    }
}
