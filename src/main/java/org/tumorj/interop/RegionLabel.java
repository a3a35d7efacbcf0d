package org.tumorj.interop;

import java.util.Locale;
import org.tumorj.detect.Finding;

/**
 * What one region of a SEG or RTSTRUCT is called: its Segment Label / ROI Name and whether it is a
 * lesion (coded as a neoplasm) or other tissue (coded as tissue, for a "normal" class). Findings get
 * {@link #ofFinding}; annotations converted to DICOM get their class name, so a reader that maps
 * names to classes (TumorJ's own import, by the ROI-name rules) gets the classes back.
 *
 * @param name the label written; not blank
 * @param lesion whether the region is a lesion (positive class) rather than other tissue
 */
public record RegionLabel(String name, boolean lesion) {
    public RegionLabel {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a region label needs a name");
        }
    }

    /** {@code Finding <id> (score <s>)}: a finding is a lesion candidate. */
    public static RegionLabel ofFinding(Finding f) {
        return new RegionLabel(String.format(Locale.ROOT, "Finding %d (score %.3f)", f.id(), f.score()), true);
    }
}
