package org.tumorj.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./tumorj completion}: a bash completion script for every command and option (picocli's
 * {@link AutoComplete}), for {@code tumorj} on the PATH and for {@code ./tumorj}:
 * {@code source <(./tumorj completion)}.
 */
@Command(name = "completion", description = {"Print a bash completion script: source <(./tumorj completion)",
    "Completes commands, options and file names for tumorj and ./tumorj."})
final class CompletionCommand implements CliCommand {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        String name = spec.root().name();
        System.out.print(AutoComplete.bash(name, spec.root().commandLine()));
        System.out.println("complete -F _complete_" + name + " -o default ./" + name);
        return 0;
    }
}
