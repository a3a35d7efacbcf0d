package org.tumorj.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.tumorj.model.TumorJVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code ./tumorj}: picocli dispatches to a {@link CliCommand}, with help per
 * command ({@code ./tumorj train --help}, {@code ./tumorj help train}), {@code --version} and
 * uniform errors ({@link CliErrors}); {@code --debug} anywhere on the line adds the stack trace.
 */
public final class TumorJCli {
    private final List<CliCommand> commands;

    TumorJCli(List<CliCommand> available) {
        this.commands = List.copyOf(available);
    }

    /**
     * Every command the launcher knows, in the order {@code help} lists them: TumorJ's own, then
     * those of packages above this one found as services ({@code phantoms} in the tools jar,
     * {@code batch} in {@code org.tumorj.spark}: the command line depends on neither), then
     * {@code completion}.
     */
    public static List<CliCommand> allCommands() {
        List<CliCommand> all = new ArrayList<>(List.of(new InfoCommand(), new ConvertCommand(), new EmbedCommand(),
                new TrainCommand(), new DetectCommand(), new EvaluateCommand(), new DemoCommand(), new ModelCommand(),
                new InstallFijiCommand(), new UpdateSiteCommand()));
        all.addAll(services());
        all.add(new CompletionCommand());
        return all;
    }

    /** The providers that load here; one that cannot (its jar or Spark missing) is left out, the rest work. */
    private static List<CliCommand> services() {
        List<CliCommand> found = new ArrayList<>();
        Iterator<CliCommand> it = ServiceLoader.load(CliCommand.class, TumorJCli.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return found;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                // left out; the iterator goes on with the next provider
            }
        }
    }

    public static void main(String[] argv) {
        System.exit(new TumorJCli(allCommands()).run(Arrays.asList(argv), System.err));
    }

    int run(List<String> argv, PrintStream err) {
        List<String> args = new ArrayList<>(argv);
        boolean debug = args.removeIf("--debug"::equals);
        CommandLine line = commandLine(commands);
        CliErrors errors = new CliErrors(debug);
        line.setParameterExceptionHandler(errors).setExecutionExceptionHandler(errors);
        line.setOut(new PrintWriter(System.out, true)).setErr(new PrintWriter(err, true));
        int status = line.execute(args.toArray(String[]::new));
        line.getOut().flush();
        return status;
    }

    /** The whole command line: the root command, {@code commands} under it, and {@code help}. */
    static CommandLine commandLine(List<CliCommand> commands) {
        CommandLine line = new CommandLine(new Root());
        for (CliCommand c : commands) {
            CommandLine sub = new CommandLine(c);
            sub.getCommandSpec().addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help and exit.").build());
            line.addSubcommand(sub);
        }
        line.addSubcommand(new CommandLine.HelpCommand());
        return line.setOverwrittenOptionsAllowed(true);
    }

    /** {@code ./tumorj} itself: without a command it prints the usage and exits 2, as any wrong use. */
    @Command(name = "tumorj", mixinStandardHelpOptions = true, versionProvider = Version.class,
            synopsisSubcommandLabel = "COMMAND",
            description = {"Tumour detection in DICOM studies: train a detector on annotated studies, detect, evaluate.",
                "Every command, option and default: docs/cli.md; the Fiji commands: docs/commands.md."},
            commandListHeading = "%nCommands:%n",
            footer = {"", "Exit status: 0 done; 1 an input or output could not be used (error: FILE: PROBLEM); 2 the "
                + "command line does not parse; 3 detect: some studies read without all their files."})
    static final class Root implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--debug", description = "On an error, print the stack trace too (anywhere on the line).")
        boolean debug;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return CliErrors.USAGE;
        }
    }

    /** {@code ./tumorj --version}: the version of the jar's Maven metadata ({@code development} from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"TumorJ " + TumorJVersion.current()};
        }
    }
}
