package org.tumorj;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tumorj.cli.ToolsReferenceFixture;
import org.tumorj.metrics.LayeringViolationFixture;

/**
 * The layout is the architecture, checked on the compiled classes (ArchUnit sees every use of a
 * type, not only imports): the packages stack in the order data flows through them, no package
 * reaches one above it (so there is no cycle), the core stays plain Java, and ImageJ and Swing
 * appear only in {@code ij} (Fiji): the command line needs neither. The phantom generator and the
 * tools sit above the command line and nothing else uses them: TumorJ_.jar leaves them out.
 */
class ArchitectureTest {
    /**
     * Lowest first: each package may use those before it, never one after it. DICOM and
     * annotations become volumes and datasets; features, statistics and the backbone feed the
     * model; the model's head drives detection, whose findings evaluation scores; training uses
     * the model and statistics; the pipeline joins them; Fiji and the command line sit on top, and
     * then the phantom generator and the tools over it (TumorJ_-tools.jar), and the Spark job above
     * them all: nothing depends on it, so nothing else needs Spark's jars.
     */
    static final List<String> FLOW = List.of("util", "export", "volume", "dicom", "nifti", "annotation", "privacy", "dataset",
            "features", "metrics", "backbone", "model", "detect", "evaluation", "interop", "train", "pipeline",
            "api", "ij", "cli", "phantom", "tools", "spark");

    /** Packages with no ImageJ, Swing or desktop AWT in them: everything but Fiji's and the CLI's. */
    static final List<String> CORE = FLOW.subList(0, FLOW.indexOf("api") + 1);

    /** What TumorJ_-tools.jar holds and TumorJ_.jar, the Fiji plugin, leaves out. */
    static final String[] TOOLS = {"org.tumorj.phantom..", "org.tumorj.tools.."};

    /** Lines a Fiji command stays under (see {@link #everyFijiCommandIsThin}). */
    private static final int MAX_COMMAND_LINES = 60;

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tumorj");
    }

    @Test
    void packagesFollowTheDataFlow() {
        flowRules().forEach(rule -> rule.check(product));
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.tumorj.(*)..").should().beFreeOfCycles().check(product);
    }

    @Test
    void coreUsesNothingFromImageJOrSwing() {
        coreStaysPlainJava().check(product);
    }

    /** A cluster job or a Python pipeline runs {@code ./tumorj} with no ImageJ (NoImageJCliIT runs it so). */
    @Test
    void theCommandLineNeedsNoImageJ() {
        noClasses().that().resideInAnyPackage("org.tumorj.cli..", "org.tumorj.phantom..", "org.tumorj.tools..").should().dependOnClassesThat()
                .resideInAnyPackage("org.tumorj.ij..", "ij..", "javax.swing..", "org.scijava..")
                .because("the command line reads and writes every file through the core").check(product);
    }

    /**
     * TumorJ_.jar is every product class but the phantom generator's and the tools': none of its
     * classes may use one of those, or the plugin would fail in Fiji where they are not installed.
     * Core packages are covered too (they come before both in {@link #FLOW} as well).
     */
    @Test
    void thePluginJarNeverReachesThePhantomsOrTheTools() {
        pluginJarLeavesOutTheTools().check(product);
    }

    static ArchRule pluginJarLeavesOutTheTools() {
        return noClasses().that().resideOutsideOfPackages(TOOLS).should().dependOnClassesThat().resideInAnyPackage(TOOLS)
                .because("TumorJ_.jar leaves out org.tumorj.phantom and org.tumorj.tools (TumorJ_-tools.jar has them)");
    }

    /** The rule would catch a break: a command-line class holding a phantom configuration is reported. */
    @Test
    void aReferenceFromThePluginJarToThePhantomsIsCaught() {
        EvaluationResult result = pluginJarLeavesOutTheTools()
                .evaluate(new ClassFileImporter().importClasses(ToolsReferenceFixture.class));
        assertTrue(result.hasViolation(), "violation reported");
        List<String> details = result.getFailureReport().getDetails();
        assertTrue(details.stream().anyMatch(d -> d.contains("ToolsReferenceFixture") && d.contains("org.tumorj.phantom.PhantomConfig")),
                String.join("\n", details));
    }

    /**
     * The two faces reach the pipeline only through {@code org.tumorj.api}: whoever opens a model,
     * trains or evaluates does it the one way. The demo is the exception, a script over the
     * shipped phantoms that shares one network between three trainings.
     */
    @Test
    void theFacesTrainDetectAndEvaluateOnlyThroughTheFacade() {
        facadeOnly().check(product);
    }

    static ArchRule facadeOnly() {
        return noClasses().that().resideInAnyPackage("org.tumorj.cli..", "org.tumorj.ij.commands..", "org.tumorj.spark..",
                        "org.tumorj.tools..")
                .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(org.tumorj.cli.DemoCommand.class)))
                .should().dependOnClassesThat().belongToAnyOf(org.tumorj.pipeline.DetectorTraining.class,
                        org.tumorj.pipeline.Bundles.class, org.tumorj.pipeline.StudyEvaluation.class,
                        org.tumorj.pipeline.TrainedDetector.class)
                .because("org.tumorj.api.TumorJ is the one face of training, detection and evaluation");
    }

    @Test
    void everyProductPackageIsPlacedInTheFlow() {
        List<String> unplaced = product.stream().map(c -> c.getPackageName())
                .filter(p -> p.startsWith("org.tumorj.")).map(p -> p.substring("org.tumorj.".length()).split("\\.")[0])
                .distinct().filter(p -> !FLOW.contains(p)).sorted().toList();
        assertEquals(List.of(), unplaced, "packages missing from ArchitectureTest.FLOW: place each where it belongs");
    }

    /** The rules would catch a break: a statistics class reaching up into detection is reported. */
    @Test
    void aDependencyAgainstTheFlowIsCaught() {
        JavaClasses fixture = new ClassFileImporter().importClasses(LayeringViolationFixture.class);
        List<String> violated = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (ArchRule rule : flowRules()) {
            EvaluationResult result = rule.allowEmptyShould(true).evaluate(fixture); // one class: most rules see none
            if (result.hasViolation()) {
                violated.add(rule.getDescription());
                details.addAll(result.getFailureReport().getDetails());
            }
        }
        assertEquals(1, violated.size(), String.join("\n", violated));
        assertTrue(violated.get(0).contains("'org.tumorj.metrics..'"), violated.get(0));
        assertTrue(details.stream().anyMatch(d -> d.contains("org.tumorj.detect.Finding")), String.join("\n", details));
    }

    /**
     * A menu command only wires its macro keys to the facade and to helpers of {@code org.tumorj.ij}
     * (as Labkit's commands do): past this size it has begun to hold logic the command line cannot share.
     */
    @Test
    void everyFijiCommandIsThin() throws IOException {
        List<String> large;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/tumorj/ij/commands"))) {
            large = files.filter(f -> f.toString().endsWith(".java")).filter(f -> lineCount(f) >= MAX_COMMAND_LINES)
                    .map(f -> f.getFileName() + " (" + lineCount(f) + " lines)").sorted().toList();
        }
        assertEquals(List.of(), large, "commands of " + MAX_COMMAND_LINES + " lines or more: move their logic into"
                + " org.tumorj.ij or org.tumorj.api");
    }

    private static long lineCount(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    @Test
    void everyPackageSaysWhatLivesThere() throws IOException {
        Path src = Path.of("src/main/java/org/tumorj");
        List<String> missing;
        try (Stream<Path> dirs = Files.walk(src)) {
            missing = dirs.filter(Files::isDirectory)
                    .filter(ArchitectureTest::holdsJava)
                    .filter(d -> !Files.exists(d.resolve("package-info.java")))
                    .map(Path::toString)
                    .toList();
        }
        assertEquals(List.of(), missing, "packages without package-info.java");
    }

    /** One rule per package: no class in it uses a class of a package later in {@link #FLOW}. */
    static List<ArchRule> flowRules() {
        List<ArchRule> rules = new ArrayList<>();
        for (int i = 0; i < FLOW.size() - 1; i++) {
            String[] above = FLOW.subList(i + 1, FLOW.size()).stream().map(p -> "org.tumorj." + p + "..")
                    .toArray(String[]::new);
            rules.add(noClasses().that().resideInAPackage("org.tumorj." + FLOW.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(above)
                    .because(FLOW.get(i) + " comes before " + String.join(", ", FLOW.subList(i + 1, FLOW.size()))
                            + " in the data flow"));
        }
        return rules;
    }

    static ArchRule coreStaysPlainJava() {
        String[] core = Stream.concat(CORE.stream(), Stream.of("phantom", "tools"))
                .map(p -> "org.tumorj." + p + "..").toArray(String[]::new);
        return noClasses().that().resideInAnyPackage(core).should().dependOnClassesThat()
                .resideInAnyPackage("ij..", "javax.swing..", "org.scijava..", "java.awt", "java.awt.event..")
                .because("the core must run headless, without ImageJ (only org.tumorj.ij and org.tumorj.cli may)");
    }

    private static boolean holdsJava(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java"));
        } catch (IOException e) {
            throw new IllegalStateException(dir + ": " + e.getMessage(), e);
        }
    }
}
