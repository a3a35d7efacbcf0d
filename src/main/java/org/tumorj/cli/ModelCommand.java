package org.tumorj.cli;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.tumorj.model.ModelBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./tumorj model set-threshold MODEL_DIR VALUE}: the one deliberate edit of a trained
 * bundle. The bundle is verified, rewritten atomically with the new operating threshold and a
 * record of the change (previous value, time) in its training record, and gets a new digest; a
 * bundle.json edited by hand is refused on loading.
 */
@Command(name = "model", customSynopsis = "tumorj model set-threshold MODEL_DIR VALUE",
        description = {"Change a model bundle on purpose: model set-threshold MODEL_DIR VALUE (0 < VALUE <= 1).",
            "The bundle is verified, rewritten atomically with the new threshold and a record of the change."})
public final class ModelCommand implements CliCommand {
    static final String SET_THRESHOLD = "set-threshold";

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "set-threshold", description = "The change: set-threshold (the only one).")
    String change;

    @Parameters(index = "1", paramLabel = "MODEL_DIR", description = "The model bundle's folder.")
    Path dir;

    @Parameters(index = "2", paramLabel = "VALUE", description = "The new operating threshold, 0 < VALUE <= 1.")
    String value;

    @Override
    public Integer call() throws Exception {
        if (!change.equals(SET_THRESHOLD)) {
            throw new ParameterException(spec.commandLine(), "unknown change '" + change + "'; the one change is "
                    + SET_THRESHOLD);
        }
        double threshold = threshold(value);
        ModelBundle bundle = ModelBundle.read(dir);
        JsonObject record = new JsonObject();
        record.addProperty("previous", bundle.threshold());
        record.addProperty("threshold", threshold);
        record.addProperty("at", Instant.now().toString());
        bundle.withThreshold(threshold, "thresholdSetByUser", record).save(dir);
        System.out.printf(Locale.ROOT, "%s: threshold %s -> %s%n", dir, bundle.threshold(), threshold);
        return 0;
    }

    private static double threshold(String text) throws CliException {
        try {
            double t = Double.parseDouble(text);
            if (t > 0 && t <= 1) {
                return t;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new CliException("threshold must be a number in (0, 1], got '" + text + "'");
    }
}
