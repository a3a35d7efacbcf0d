package org.tumorj.evaluation;

import org.tumorj.detect.Finding;

/**
 * When a finding counts as detecting a lesion (LUNA16-style). Stated once here; the report and
 * the documentation quote {@link #DESCRIPTION}.
 */
public final class HitRule {
    private HitRule() {}

    public static final String DESCRIPTION = "A finding hits a lesion when the finding's centroid lies within"
            + " the lesion's radius of the lesion's centroid, distance measured in patient millimetres (3D)."
            + " The lesion radius is sqrt(A / pi) for its largest annotated cross-section A. Each lesion counts"
            + " once, with the highest score among the findings that hit it; further findings on the same lesion"
            + " are ignored (neither true nor false positives, as in LUNA16). A finding that hits no lesion is a"
            + " false positive.";

    public static boolean hits(Finding finding, Lesion lesion) {
        return finding.centroidMm().distance(lesion.centroidMm()) <= lesion.radiusMm();
    }
}
