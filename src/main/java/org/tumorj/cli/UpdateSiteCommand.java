package org.tumorj.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./tumorj update-site OUT}: the files of a Fiji update site for this build (see
 * {@link FijiUpdateSite}), ready for the Fiji updater to upload.
 */
@Command(name = "update-site", description = {"Write the files of a Fiji update site for this build.",
    "plugins/TumorJ_.jar, its libraries in jars/, and each platform's TensorFlow native jar in jars/<platform>/;",
    "TumorJ unpacks the natives once on first use. Upload the folder with Fiji's updater."})
final class UpdateSiteCommand implements CliCommand {
    @Parameters(paramLabel = "OUT", description = "A new folder for the update site's files.")
    Path out;

    @Option(names = "--native-jars", paramLabel = "DIR", description = {"Folder of tensorflow-core-native-VERSION-PLATFORM.jar"
        + " files, one per platform to serve (default: the build's target/native-jars, this machine's platform)."})
    Path nativeJars;

    @Override
    public Integer call() throws Exception {
        Path jar = Path.of(UpdateSiteCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path lib = jar.resolveSibling("lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new CliException("update-site runs from the built jar (./tumorj builds it): " + jar + " with " + lib);
        }
        Path natives = nativeJars != null ? nativeJars : jar.resolveSibling("native-jars");
        new FijiUpdateSite(jar, lib, natives, System.out::println).writeTo(out.toAbsolutePath());
        System.out.println("update site: " + out.toAbsolutePath()
                + " (in Fiji: Help > Update... > Manage update sites > Add my site, then upload these files)");
        return 0;
    }
}
