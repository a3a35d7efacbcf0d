package org.tumorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** One {@code ./tumorj} invocation in-process, through the real entry point, with what it printed. */
record CliRun(int status, String out, String err) {

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        System.setOut(o);
        System.setErr(e);
        try {
            int status = new TumorJCli(TumorJCli.allCommands()).run(List.of(args), e);
            return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /**
     * Small CT phantoms (96 x 96 x 8, seed 11) in {@code studies} and a model trained on them in
     * {@code model}, through the commands themselves: the set-up of the command tests that detect.
     */
    static void phantomsAndAModel(Path studies, Path model, int count, int epochs) {
        assertEquals(0, of("phantoms", "--out", studies.toString(), "--modality", "CT", "--studies", String.valueOf(count),
                "--seed", "11", "--size", "96", "--slices", "8").status());
        CliRun training = of("train", "--studies", studies.toString(), "--out", model.toString(), "--epochs",
                String.valueOf(epochs), "--validation", "0.34");
        assertEquals(0, training.status(), training.err() + training.out());
    }
}
