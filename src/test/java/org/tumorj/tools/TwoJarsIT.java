package org.tumorj.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The two jars of one build, as {@code mvn package} left them: {@code TumorJ_.jar}, the Fiji
 * plugin, holds no phantom generator and no tools and none of its classes names them;
 * {@code TumorJ_-tools.jar} holds exactly those and registers {@code phantoms}; together they hold
 * every compiled class once. The command line runs from the plugin jar alone and gains
 * {@code phantoms} with the tools jar beside it, as the launcher runs it.
 */
class TwoJarsIT {
    private static final List<String> TOOL_FOLDERS = List.of("org/tumorj/phantom/", "org/tumorj/tools/");
    private static final String SERVICES = "META-INF/services/org.tumorj.cli.CliCommand";

    private static Path plugin() {
        return Path.of(System.getProperty("tumorj.jar", "target/TumorJ_.jar"));
    }

    private static Path tools() {
        return Path.of(System.getProperty("tumorj.toolsJar", "target/TumorJ_-tools.jar"));
    }

    @Test
    void thePluginJarHoldsNoPhantomGeneratorAndNoTools() throws IOException {
        Set<String> classes = classes(plugin());
        assertTrue(classes.contains("org/tumorj/cli/TumorJCli.class"), "the command line is in the plugin jar");
        assertTrue(classes.contains("org/tumorj/ij/commands/DetectTumors.class"), "the Fiji commands are");
        assertEquals(List.of(), classes.stream().filter(TwoJarsIT::isTool).toList());
        try (JarFile jar = new JarFile(plugin().toFile())) {
            assertTrue(jar.getEntry("plugins.config") != null, "plugins.config at the root");
            assertFalse(text(jar, SERVICES).contains("org.tumorj.tools"), "no tool registered in the plugin jar");
        }
    }

    @Test
    void noClassOfThePluginJarNamesThePhantomsOrTheTools() throws IOException {
        List<String> naming = new ArrayList<>();
        try (JarFile jar = new JarFile(plugin().toFile())) {
            for (ZipEntry e : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                String bytes = new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.ISO_8859_1);
                if (TOOL_FOLDERS.stream().anyMatch(bytes::contains)) {
                    naming.add(e.getName());
                }
            }
        }
        assertEquals(List.of(), naming, "plugin classes whose constant pool names org/tumorj/phantom or org/tumorj/tools");
    }

    @Test
    void theToolsJarHoldsThemAndRegistersPhantoms() throws IOException {
        Set<String> classes = classes(tools());
        assertTrue(classes.contains("org/tumorj/tools/PhantomsCommand.class"), "phantoms command");
        assertTrue(classes.contains("org/tumorj/phantom/PhantomStudyWriter.class"), "phantom generator");
        assertEquals(List.of(), classes.stream().filter(c -> !isTool(c)).toList(), "nothing but the tools");
        try (JarFile jar = new JarFile(tools().toFile())) {
            assertEquals("org.tumorj.tools.PhantomsCommand", text(jar, SERVICES).strip());
        }
    }

    @Test
    void togetherTheJarsHoldEveryClassOnce() throws IOException {
        Set<String> compiled = new TreeSet<>();
        Path classesDir = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classesDir)) {
            files.filter(f -> f.toString().endsWith(".class"))
                    .forEach(f -> compiled.add(classesDir.relativize(f).toString().replace(File.separatorChar, '/')));
        }
        Set<String> plugin = classes(plugin());
        Set<String> tools = classes(tools());
        Set<String> both = new TreeSet<>(plugin);
        both.retainAll(tools);
        assertEquals(Set.of(), both, "no class in both jars");
        Set<String> union = new TreeSet<>(plugin);
        union.addAll(tools);
        assertEquals(compiled, union, "every compiled class in one of the jars");
    }

    @Test
    void theCommandLineRunsFromThePluginJarAndGainsPhantomsFromTheTools() throws Exception {
        String alone = tumorj(List.of(plugin()), "--help");
        assertTrue(alone.contains("  train ") && !alone.contains("  phantoms "), alone);
        String withTools = tumorj(List.of(plugin(), tools()), "--help");
        assertTrue(withTools.contains("  phantoms "), withTools);
        String version = tumorj(List.of(plugin()), "--version").strip();
        assertEquals("TumorJ " + System.getProperty("tumorj.version", "0.1.0"), version);
    }

    private static boolean isTool(String entry) {
        return TOOL_FOLDERS.stream().anyMatch(entry::startsWith);
    }

    private static Set<String> classes(Path jarFile) throws IOException {
        assertTrue(Files.isRegularFile(jarFile), jarFile + " built");
        try (JarFile jar = new JarFile(jarFile.toFile())) {
            return jar.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String text(JarFile jar, String entry) throws IOException {
        ZipEntry e = jar.getEntry(entry);
        return e == null ? "" : new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
    }

    /** {@code ./tumorj ARGS} on {@code jars} and the runtime libraries, its output; it must exit 0. */
    private static String tumorj(List<Path> jars, String... args) throws Exception {
        List<String> cp = new ArrayList<>();
        jars.forEach(j -> cp.add(j.toAbsolutePath().toString()));
        cp.add(Path.of(System.getProperty("tumorj.lib", "target/lib")).toAbsolutePath() + File.separator + "*");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", String.join(File.pathSeparator, cp), "org.tumorj.cli.TumorJCli"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "timed out: " + String.join(" ", args));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
