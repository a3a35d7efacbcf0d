package org.tumorj.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.stream.Collectors;
import org.tumorj.dicom.DicomException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How {@code ./tumorj} ends on an error. A command line that does not parse (an unknown option, a
 * required one missing, a word where a number goes) is exit status 2 with an {@code error:} line,
 * a {@code usage:} line and where to read more. A value that parses but cannot be used (a file
 * that cannot be read, a number out of range) is status 1 with one {@code error: <file>: <problem>}
 * line; {@code --debug} adds the stack trace.
 */
final class CliErrors implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
    /** Exit status of a command line that does not parse. */
    static final int USAGE = 2;

    private final boolean debug;

    CliErrors(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        boolean root = line.getCommandSpec().parent() == null;
        err.println("error: " + problem(e, root));
        err.println("usage: " + usageLine(line.getCommandSpec()));
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("(" + line.getCommandSpec().root().name() + " help"
                + (root ? " lists the commands)" : " " + line.getCommandName() + " shows every option)"));
        err.flush();
        return USAGE;
    }

    /** picocli's message, lower-cased like every other error line; a word no command has is named so. */
    private static String problem(ParameterException e, boolean root) {
        if (root && e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + u.getUnmatched().get(0) + "'";
        }
        String m = String.valueOf(e.getMessage());
        return m.length() > 1 && Character.isLowerCase(m.charAt(1)) ? Character.toLowerCase(m.charAt(0)) + m.substring(1) : m;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine line, CommandLine.ParseResult parsed) {
        PrintWriter err = line.getErr();
        if (e instanceof CliException || e instanceof IOException || e instanceof DicomException
                || e instanceof IllegalArgumentException) {
            // The core's checked I/O errors, DICOM errors and argument checks name the file and
            // the problem already: print them as they are.
            err.println("error: " + e.getMessage());
        } else {
            err.println("error: " + line.getCommandName() + " failed: " + e + (debug ? "" : " (run with --debug for details)"));
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /**
     * One line: the command, its required options and positional parameters, {@code [options]}
     * when it has others; a command's own custom synopsis when it declares one.
     */
    static String usageLine(CommandSpec spec) {
        String[] custom = spec.usageMessage().customSynopsis();
        if (custom.length > 0) {
            return String.join(" ", custom).replaceAll("\\s+", " ").strip();
        }
        StringBuilder line = new StringBuilder(spec.qualifiedName());
        boolean others = false;
        for (OptionSpec o : spec.options()) {
            if (o.required()) {
                line.append(' ').append(o.longestName()).append(o.arity().max() > 0 ? " " + o.paramLabel() : "");
            } else if (!o.usageHelp() && !o.versionHelp() && !o.hidden()) {
                others = true;
            }
        }
        line.append(others ? " [options]" : "");
        line.append(spec.positionalParameters().stream().filter(p -> !p.hidden()).map(p -> " " + p.paramLabel())
                .collect(Collectors.joining()));
        return line.append(spec.subcommands().isEmpty() ? "" : " COMMAND").toString();
    }
}
