package org.tumorj.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tumorj.backbone.TensorFlowRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./tumorj install-fiji PATH/Fiji.app}: installs the built plugin, its libraries and the
 * TensorFlow natives into a Fiji (or ImageJ) folder, so that TumorJ's commands run there from a
 * desktop icon, with no environment variable (see {@link FijiInstall}); from a build, or from the
 * files of an update site ({@code ./tumorj update-site}) run with {@code java -cp}. Exit status 1
 * when a clash was found.
 */
@Command(name = "install-fiji", description = {"Install the plugin, its jars and the TensorFlow natives into Fiji or ImageJ.",
    "Only TumorJ_.jar goes to plugins/; exit status 1 when a clashing jar was found there."})
final class InstallFijiCommand implements CliCommand {
    @Parameters(paramLabel = "PATH/Fiji.app", description = "The Fiji (or ImageJ) folder.")
    Path fiji;

    @Override
    public Integer call() throws Exception {
        Path jar = Path.of(InstallFijiCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // a build keeps the libraries in target/lib; an update site's or release's files in ../jars
        Path lib = Files.isDirectory(jar.resolveSibling("lib")) ? jar.resolveSibling("lib")
                : jar.toAbsolutePath().getParent().resolveSibling("jars");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new CliException("install-fiji runs from the built jar (./tumorj builds it) or from an update site's"
                    + " files (plugins/TumorJ_.jar with jars/): " + jar + " has no lib/ or ../jars/ beside it");
        }
        Path natives = TensorFlowRuntime.nativesFolder().or(() -> TensorFlowRuntime.nativeJar(jar))
                .orElseThrow(() -> new CliException("no TensorFlow natives for " + TensorFlowRuntime.platform()
                        + " found, unpacked or as tensorflow-core-native-*-" + TensorFlowRuntime.platform()
                        + ".jar; build TumorJ first (./tumorj builds target/tf-natives)"));
        List<String> clashes = new FijiInstall(jar, lib, natives, System.out::println)
                .into(fiji.toAbsolutePath());
        System.out.println(clashes.isEmpty() ? "installed: restart Fiji and find TumorJ under Plugins > TumorJ"
                : "installed, but TumorJ will not run in this Fiji until the clash above is resolved");
        return clashes.isEmpty() ? 0 : 1;
    }
}
