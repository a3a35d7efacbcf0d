package org.tumorj.metrics;

import org.tumorj.detect.Finding;

/**
 * Deliberately against the flow (statistics reaching up into detection), so that
 * {@code ArchitectureTest} can show its rules catch such a dependency. Test code only: the
 * product's classes are checked without it.
 */
public final class LayeringViolationFixture {
    private LayeringViolationFixture() {}

    public static double score(Finding finding) {
        return finding.probabilityMax();
    }
}
