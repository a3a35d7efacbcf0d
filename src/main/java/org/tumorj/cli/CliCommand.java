package org.tumorj.cli;

import java.util.List;

/** One sub-command of {@code ./tumorj}. Implementations drive the core; they print, nothing more. */
public interface CliCommand {

    /** The word after {@code ./tumorj}. */
    String name();

    /** One line shown by {@code ./tumorj help}. */
    String summary();

    /**
     * Runs the command. Throw {@link CliException} for anything the user can fix: the launcher
     * prints {@code error: <its message>} and exits non-zero without a stack trace.
     *
     * @return the process exit status
     */
    int run(List<String> args) throws Exception;
}
