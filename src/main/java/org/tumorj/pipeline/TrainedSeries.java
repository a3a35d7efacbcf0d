package org.tumorj.pipeline;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.tumorj.volume.VolumeInfo;

/**
 * What series a model was trained on, recorded in its bundle (training key {@code series}): the
 * modality kind, the MR series kind and the SeriesDescription pattern that chose it. Detection
 * chooses each study's series by the same pattern and refuses a series of another modality or
 * another known kind unless the user overrides, which then leaves a warning in the outputs.
 *
 * @param modality kind of the training studies
 * @param kind series kind of the training series ({@link SeriesKind#OTHER} when unknown or mixed)
 * @param pattern the SeriesDescription regular expression used in training, or null (one series per study)
 */
public record TrainedSeries(ModalityKind modality, SeriesKind kind, String pattern) {
    /** Key of the record in the bundle's training JSON. */
    public static final String KEY = "series";
    /** Bundles older than this record: nothing known, nothing refused. */
    public static final TrainedSeries UNKNOWN = new TrainedSeries(ModalityKind.OTHER, SeriesKind.OTHER, null);

    /**
     * Read from a bundle's training JSON. A bundle that predates the record refuses nothing; its
     * {@code seriesDescription} option, when it was trained with one, is still the pattern.
     */
    public static TrainedSeries fromTraining(JsonObject training) {
        JsonElement e = training.get(KEY);
        if (e == null || !e.isJsonObject()) {
            String older = text(training, "seriesDescription");
            return older == null ? UNKNOWN : new TrainedSeries(ModalityKind.OTHER, SeriesKind.OTHER, older);
        }
        JsonObject o = e.getAsJsonObject();
        return new TrainedSeries(ModalityKind.parse(text(o, "modality")), SeriesKind.parse(text(o, "kind")),
                text(o, "pattern"));
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("modality", modality.name());
        o.addProperty("kind", kind.name());
        if (pattern != null) {
            o.addProperty("pattern", pattern);
        }
        return o;
    }

    /**
     * Checks that the model may run on this series. Another modality kind, or another known MR
     * series kind, is refused unless {@code allowOther}; then the returned warning says so.
     *
     * @return warnings to show and to write beside the outputs (empty when the series fits)
     * @throws IllegalArgumentException naming both kinds and the override
     */
    public List<String> check(VolumeInfo series, boolean allowOther) {
        ModalityKind m = ModalityKind.of(series.modality());
        SeriesKind k = m == ModalityKind.MR ? SeriesKind.classify(series.seriesDescription()) : SeriesKind.OTHER;
        String problem = null;
        if (modality != ModalityKind.OTHER && m != modality) {
            problem = "the model was trained on " + modality + " but this series is " + series.modality();
        } else if (!kind.compatibleWith(k)) {
            problem = "the model was trained on " + kind + " series but this series ('" + series.seriesDescription()
                    + "') is " + k;
        }
        if (problem == null) {
            return List.of();
        }
        if (!allowOther) {
            throw new IllegalArgumentException(problem + "; refused. Choose the matching series (--series REGEX, Fiji"
                    + " key series=REGEX) or, to run it anyway, --allow-other-series (Fiji key allow_other_series)");
        }
        return List.of("WARNING: " + problem + "; run anyway because other series were allowed: findings may be unreliable");
    }

    /**
     * {@code volumes} with {@link #check} applied to every series it loads (evaluation): a series
     * of another kind stops the evaluation with the refusal, or with {@code allowOther} is used and
     * its warning logged as {@code <study folder>: WARNING: ...}.
     */
    public org.tumorj.dataset.VolumeLoader guard(org.tumorj.dataset.VolumeLoader volumes, boolean allowOther,
            org.tumorj.util.Progress progress) {
        return dir -> {
            org.tumorj.volume.Volume v = volumes.load(dir);
            try {
                check(v.info(), allowOther).forEach(w -> progress.log(dir.getFileName() + ": " + w));
            } catch (IllegalArgumentException e) {
                throw new java.io.IOException(dir + ": " + e.getMessage(), e);
            }
            return v;
        };
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
