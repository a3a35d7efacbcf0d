package org.tumorj.spark;

import java.io.Serializable;

/**
 * One study as a Spark task receives it (a string path: {@code java.nio.file.Path} is not
 * serialisable).
 *
 * @param index its place in the batch, from 0
 * @param total how many studies the batch has
 */
record StudyTask(int index, int total, String path) implements Serializable {
    /** How the log names its place, {@code 3/40}, as {@code ./tumorj detect} does. */
    String position() {
        return (index + 1) + "/" + total;
    }
}
