package org.tumorj.dataset;

import java.util.List;

/** Training and validation sides of a split; a study or patient is on one side only. */
public record Split<T>(List<T> train, List<T> validation) {
    public Split {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
    }
}
