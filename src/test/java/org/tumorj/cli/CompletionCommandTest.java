package org.tumorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./tumorj completion}: a bash script that completes commands and options, tried in bash itself. */
class CompletionCommandTest {
    @TempDir Path dir;

    @Test
    void theScriptNamesEveryCommandAndRegistersBothNames() {
        CliRun r = CliRun.of("completion");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("function _complete_tumorj"), r.out());
        for (String command : List.of("info", "convert", "train", "detect", "evaluate", "demo", "phantoms", "batch")) {
            assertTrue(r.out().contains(command), command);
        }
        assertTrue(r.out().contains("complete -F _complete_tumorj -o default tumorj"), "tumorj on the PATH");
        assertTrue(r.out().strip().endsWith("complete -F _complete_tumorj -o default ./tumorj"), "the launcher in the checkout");
    }

    @Test
    void bashCompletesACommandAndItsOptions() throws Exception {
        Path script = Files.writeString(dir.resolve("tumorj-completion.bash"), CliRun.of("completion").out());
        assertEquals("train", complete(script, "./tumorj", "tra"));
        assertEquals("--epochs", complete(script, "./tumorj", "train", "--ep"));
        assertEquals("--candidates", complete(script, "./tumorj", "detect", "--cand"));
    }

    /** What bash offers for the last word of {@code words}, the completion function called as bash would. */
    private static String complete(Path script, String... words) throws IOException, InterruptedException {
        String line = String.join(" ", words);
        String program = "source '" + script + "'\n"
                + "COMP_WORDS=(" + String.join(" ", words) + "); COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE='" + line + "'; COMP_POINT=" + line.length() + "\n"
                + "_complete_tumorj; printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        // outside an interactive shell bash's compopt complains on stderr; what is offered is on stdout
        Process p = new ProcessBuilder("bash", "-c", program).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "bash finished");
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
