package org.tumorj.cli;

import org.tumorj.util.Progress;
import picocli.CommandLine.Option;

/**
 * {@code --verbose} of the commands that print progress (a picocli mixin). Quiet by default: one
 * line per step and the summary; the details (each epoch's losses, each study's regions) only
 * with {@code --verbose}.
 */
public final class Verbosity {
    @Option(names = "--verbose", description = "Print the details too, where the command has any (training: each"
            + " epoch's losses; reading annotated studies: each study's regions); default: one line per step and the"
            + " summary.")
    boolean verbose;

    /** The console's progress at this verbosity. */
    Progress console() {
        return new ConsoleProgress(System.out, System.console() != null, verbose);
    }
}
