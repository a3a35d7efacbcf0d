package org.tumorj.evaluation;

import org.tumorj.detect.Detections;

/**
 * One evaluated series: what detection found and what the annotations say. Both must describe the
 * same series (same size and slice count).
 */
public record EvaluationCase(Detections detections, GroundTruth truth) {
    public EvaluationCase {
        var a = detections.info();
        var b = truth.info();
        if (a.width() != b.width() || a.height() != b.height() || detections.maps().depth() != truth.depth()) {
            throw new IllegalArgumentException("study " + detections.study() + ": detections are " + a.width() + "x"
                    + a.height() + "x" + detections.maps().depth() + " but the annotations' series is " + b.width()
                    + "x" + b.height() + "x" + truth.depth() + ": annotations and detections must come from one series");
        }
    }
}
