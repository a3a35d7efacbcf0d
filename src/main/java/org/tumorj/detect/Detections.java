package org.tumorj.detect;

import java.util.List;
import org.tumorj.volume.VolumeInfo;

/**
 * What dense detection found in one series: the findings, the probability maps they came from and
 * the facts needed to report them.
 *
 * @param study label of the study in tables and files (a folder name or the StudyInstanceUID)
 * @param info the series' geometry and identifiers
 * @param params the parameters the findings were extracted with
 * @param maps the probability maps, one per slice
 * @param findings in deterministic order, ids 1..n
 * @param sliceScores per slice, the highest probability after the body mask (slice-level score)
 */
public record Detections(
        String study, VolumeInfo info, DetectionParams params, ProbabilityMaps maps,
        List<Finding> findings, float[] sliceScores) {

    public Detections {
        findings = List.copyOf(findings);
        sliceScores = sliceScores.clone();
    }

    @Override
    public float[] sliceScores() {
        return sliceScores.clone();
    }

    /** True where slice {@code z}, pixel (x, y) belongs to a finding. */
    public boolean[] findingMask(int z) {
        boolean[] mask = new boolean[info.width() * info.height()];
        for (Finding f : findings) {
            for (FindingSlice s : f.slices()) {
                if (s.z() == z) {
                    s.region().paint(mask, info.width());
                }
            }
        }
        return mask;
    }
}
