package org.tumorj.pipeline;

import java.util.Locale;
import org.tumorj.backbone.EmbeddedMobileNet;
import org.tumorj.backbone.MobileNetGraph;
import org.tumorj.features.FeatureSpec;

/**
 * Which features a detector is trained on ({@code ./tumorj train --features}, Fiji key
 * {@code features}): the filter bank, the backbone's hypercolumns, both, or the older detector on
 * the backbone's last layer alone ({@code cells}, kept for comparison).
 */
public enum FeatureChoice {
    FILTERS, HYPERCOLUMNS, BOTH, CELLS;

    /** The default; docs/detection-quality.md has the measured table it was chosen by. */
    public static final FeatureChoice DEFAULT = FILTERS;

    /** Channels each tapped layer is projected to. */
    static final int COMPONENTS = 8;

    public static FeatureChoice parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("features must be filters, hypercolumns, both or cells, got '" + text + "'");
        }
    }

    /** The per-pixel features of this choice for a modality kind (not for {@link #CELLS}). */
    FeatureSpec spec(ModalityKind kind) {
        FeatureSpec filters = ModalityDefaults.features(kind);
        String[] layers = new String[MobileNetGraph.TAPS.size() + 1];
        MobileNetGraph.TAPS.toArray(layers);
        layers[layers.length - 1] = EmbeddedMobileNet.FEATURE_LAYER;
        return switch (this) {
            case FILTERS -> filters;
            case HYPERCOLUMNS -> filters.withHypercolumns(layers, COMPONENTS).withFilters(false);
            case BOTH -> filters.withHypercolumns(layers, COMPONENTS);
            case CELLS -> throw new IllegalStateException("the cell detector has no per-pixel features");
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
