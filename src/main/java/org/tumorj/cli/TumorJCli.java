package org.tumorj.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Entry point of {@code ./tumorj}: dispatches to a {@link CliCommand}. Errors the user can fix
 * are one line on stderr ({@code error: <file>: <problem>}) and a non-zero exit; {@code --debug}
 * anywhere on the line adds the stack trace.
 */
public final class TumorJCli {
    private final Map<String, CliCommand> commands = new LinkedHashMap<>();

    TumorJCli(List<CliCommand> available) {
        available.forEach(c -> commands.put(c.name(), c));
    }

    /**
     * Every command the launcher knows, in the order {@code help} lists them: TumorJ's own, then
     * those of packages above this one found as services ({@code batch}, in {@code org.tumorj.spark}:
     * the command line must not depend on Spark).
     */
    static List<CliCommand> allCommands() {
        List<CliCommand> all = new ArrayList<>(ownCommands());
        try {
            ServiceLoader.load(CliCommand.class, TumorJCli.class.getClassLoader()).forEach(all::add);
        } catch (ServiceConfigurationError | LinkageError e) {
            // a provider that cannot load here is left out; the rest of the command line works
        }
        return all;
    }

    private static List<CliCommand> ownCommands() {
        return List.of(
                new InfoCommand(),
                new ConvertCommand(),
                new EmbedCommand(),
                new PhantomsCommand(),
                new TrainCommand(),
                new DetectCommand(),
                new EvaluateCommand(),
                new DemoCommand(),
                new ModelCommand(),
                new InstallFijiCommand());
    }

    public static void main(String[] argv) {
        System.exit(new TumorJCli(allCommands()).run(Arrays.asList(argv), System.err));
    }

    int run(List<String> argv, PrintStream err) {
        List<String> args = new ArrayList<>(argv);
        boolean debug = args.remove("--debug");
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            printHelp(System.out);
            return args.isEmpty() ? 2 : 0;
        }
        CliCommand command = commands.get(args.get(0));
        if (command == null) {
            err.println("error: unknown command '" + args.get(0) + "'; try ./tumorj help");
            return 2;
        }
        try {
            return command.run(args.subList(1, args.size()));
        } catch (CliException | java.io.IOException | org.tumorj.dicom.DicomException | IllegalArgumentException e) {
            // The core's checked I/O errors, DICOM errors and argument checks name the file and
            // the problem already: print them as they are.
            err.println("error: " + e.getMessage());
            if (debug) {
                e.printStackTrace(err);
            }
            return 1;
        } catch (Exception | OutOfMemoryError e) {
            err.println("error: " + command.name() + " failed: " + e + (debug ? "" : " (run with --debug for details)"));
            if (debug) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }

    private void printHelp(PrintStream out) {
        out.println("usage: ./tumorj COMMAND [options] [--debug]");
        commands.values().forEach(c -> out.printf("  %-12s %s%n", c.name(), c.summary()));
    }
}
