package org.tumorj.backbone;

/**
 * Starts TumorJ's TensorFlow engine in a JVM of its own, as the first TumorJ command in a plain
 * ImageJ does ({@link NoSlf4jWarningsIT}). With the argument {@code slf4j-first}, something else
 * starts SLF4J before TumorJ does (the control: SLF4J warns on that class path).
 */
public final class EngineStart {
    private EngineStart() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("slf4j-first")) {
            org.slf4j.LoggerFactory.getLogger(EngineStart.class);
        }
        TensorFlowRuntime.ensureLoaded();
        System.out.println("engine " + ai.djl.engine.Engine.getEngine(TensorFlowRuntime.ENGINE).getVersion());
    }
}
