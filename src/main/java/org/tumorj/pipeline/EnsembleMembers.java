package org.tumorj.pipeline;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.tumorj.detect.EnsembleFindings;
import org.tumorj.model.HeadWeights;
import org.tumorj.model.HeadWeightsFile;
import org.tumorj.model.ModelBundle;

/**
 * How one bundle holds an ensemble: the first member is the bundle itself (its head, training
 * record and files), and its training record's {@link #KEY} lists every member with its detection
 * threshold and, for the others, its head, the entries of its training record that differ from
 * the first's (prior, first-stage head, finding scorer, threshold record, seed) and the names of
 * those the first has and it lacks ({@code absent}: a member whose finding scorer was not fitted).
 * The bundle's own threshold is the mean of the members': a finding that every member reports at
 * its own threshold is reported.
 *
 * <p>Bundles written before 2026-12-08 (fifteenth session) marked a lacking entry with a JSON
 * null, which the bundle file does not keep: such a member reads the first member's entry.
 */
final class EnsembleMembers {
    static final String KEY = "ensemble";

    private EnsembleMembers() {}

    /** One bundle holding {@code members}, trained on the same studies and features. */
    static ModelBundle combine(List<ModelBundle> members) {
        ModelBundle first = members.get(0);
        JsonArray list = new JsonArray();
        double thresholds = 0;
        for (ModelBundle m : members) {
            JsonObject member = new JsonObject();
            member.addProperty("threshold", m.threshold());
            if (m != first) {
                member.addProperty("head", Base64.getEncoder().encodeToString(HeadWeightsFile.toBytes(m.head())));
                member.add("training", differences(first.training(), m.training()));
                JsonArray absent = new JsonArray();
                first.training().keySet().stream().filter(k -> !m.training().has(k)).forEach(absent::add);
                if (!absent.isEmpty()) {
                    member.add("absent", absent);
                }
            }
            list.add(member);
            thresholds += m.threshold();
        }
        JsonObject record = new JsonObject();
        record.add("members", list);
        record.addProperty("fusion", "findings within " + EnsembleFindings.SAME_OBJECT_MM
                + " mm (or the larger one's radius) are one; score: mean of the members' best scores there");
        return first.withThreshold(thresholds / members.size(), KEY, record);
    }

    /** The members of an ensemble bundle, each a bundle of its own; empty for a bundle of one detector. */
    static List<ModelBundle> members(ModelBundle bundle) {
        JsonElement e = bundle.training().get(KEY);
        if (e == null) {
            return List.of();
        }
        try {
            JsonObject base = bundle.training().deepCopy();
            base.remove(KEY);
            List<ModelBundle> out = new ArrayList<>();
            for (JsonElement m : e.getAsJsonObject().getAsJsonArray("members")) {
                JsonObject member = m.getAsJsonObject();
                double threshold = member.get("threshold").getAsDouble();
                if (!member.has("head")) {
                    out.add(bundle.asMember(bundle.head(), base, threshold));
                    continue;
                }
                HeadWeights head = HeadWeightsFile.fromBytes(Base64.getDecoder().decode(member.get("head").getAsString()),
                        "ensemble member " + (out.size() + 1) + "'s head");
                JsonObject training = applied(base, member.getAsJsonObject("training"));
                if (member.has("absent")) {
                    member.getAsJsonArray("absent").forEach(k -> training.remove(k.getAsString()));
                }
                out.add(bundle.asMember(head, training, threshold));
            }
            return out;
        } catch (IOException | RuntimeException ex) {
            throw new IllegalArgumentException("the bundle's ensemble record cannot be read (" + ex.getMessage()
                    + "); retrain the model", ex);
        }
    }

    /** The entries of {@code member} that differ from {@code first}'s (those it lacks are listed apart). */
    private static JsonObject differences(JsonObject first, JsonObject member) {
        JsonObject d = new JsonObject();
        for (Map.Entry<String, JsonElement> e : member.entrySet()) {
            if (!e.getValue().equals(first.get(e.getKey()))) {
                d.add(e.getKey(), e.getValue());
            }
        }
        return d;
    }

    private static JsonObject applied(JsonObject base, JsonObject differences) {
        JsonObject t = base.deepCopy();
        differences.entrySet().forEach(e -> t.add(e.getKey(), e.getValue()));
        return t;
    }
}
