package org.tumorj.cli;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tumorj.model.ModelBundle;

/**
 * {@code ./tumorj model set-threshold MODEL_DIR VALUE}: the one deliberate edit of a trained
 * bundle. The bundle is verified, rewritten atomically with the new operating threshold and a
 * record of the change (previous value, time) in its training record, and gets a new digest; a
 * bundle.json edited by hand is refused on loading.
 */
public final class ModelCommand implements CliCommand {
    static final String SET_THRESHOLD = "set-threshold";

    @Override public String name() { return "model"; }

    @Override public String summary() {
        return "change a model bundle on purpose: model set-threshold MODEL_DIR VALUE (0 < VALUE <= 1)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        List<String> words = Options.parse(args, Set.of(), Set.of()).positional();
        if (words.size() != 3 || !words.get(0).equals(SET_THRESHOLD)) {
            throw new CliException("usage: tumorj model " + SET_THRESHOLD + " MODEL_DIR VALUE");
        }
        Path dir = Path.of(words.get(1));
        double threshold = threshold(words.get(2));
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
