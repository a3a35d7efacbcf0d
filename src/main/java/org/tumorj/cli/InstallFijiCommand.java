package org.tumorj.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.tumorj.backbone.TensorFlowRuntime;

/**
 * {@code ./tumorj install-fiji PATH/Fiji.app}: installs the built plugin, its libraries and the
 * TensorFlow natives into a Fiji (or ImageJ) folder, so that TumorJ's commands run there from a
 * desktop icon, with no environment variable (see {@link FijiInstall}). Exit status 1 when a
 * clash was found.
 */
final class InstallFijiCommand implements CliCommand {
    @Override public String name() { return "install-fiji"; }

    @Override public String summary() {
        return "PATH/Fiji.app: install the plugin, its jars and the TensorFlow natives into Fiji or ImageJ";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Options o = Options.parse(args, Set.of(), Set.of());
        if (o.positional().size() != 1) {
            throw new CliException("usage: ./tumorj install-fiji PATH/Fiji.app");
        }
        Path jar = Path.of(InstallFijiCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path lib = jar.resolveSibling("lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new CliException("install-fiji runs from the built jar (./tumorj builds it): " + jar + " with " + lib);
        }
        Path natives = TensorFlowRuntime.nativesFolder().orElseThrow(() -> new CliException("no TensorFlow natives for "
                + TensorFlowRuntime.platform() + " found; build TumorJ first (./tumorj builds target/tf-natives)"));
        List<String> clashes = new FijiInstall(jar, lib, natives, System.out::println)
                .into(Path.of(o.positional().get(0)).toAbsolutePath());
        System.out.println(clashes.isEmpty() ? "installed: restart Fiji and find TumorJ under Plugins > TumorJ"
                : "installed, but TumorJ will not run in this Fiji until the clash above is resolved");
        return clashes.isEmpty() ? 0 : 1;
    }
}
