package org.tumorj.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/**
 * One sub-command of {@code ./tumorj}: a picocli {@link Command} (its name, description and typed
 * options declared on the class) whose {@link #call()} drives the core; it prints, nothing more.
 * Commands of packages above this one ({@code batch}, {@code phantoms}) join as
 * {@link java.util.ServiceLoader} providers of this interface.
 *
 * <p>{@link #call()} throws {@link CliException} for anything the user can fix: the launcher
 * prints {@code error: <its message>} and exits 1 without a stack trace. Options that do not
 * parse (unknown, missing, not a number) never reach it: picocli reports them, exit status 2.
 */
public interface CliCommand extends Callable<Integer> {

    /** The word after {@code ./tumorj}, from the {@link Command} annotation. */
    default String name() {
        return getClass().getAnnotation(Command.class).name();
    }

    /**
     * Parses {@code args} into this command's options and runs it, outside the launcher (tests,
     * scripts in Java); an argument picocli refuses is a {@link CliException} here.
     *
     * @return the process exit status
     */
    default int run(List<String> args) throws Exception {
        CommandLine line = new CommandLine(this).setOverwrittenOptionsAllowed(true);
        try {
            line.parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            throw new CliException(e.getMessage(), e);
        }
        return call();
    }
}
