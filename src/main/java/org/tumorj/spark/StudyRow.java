package org.tumorj.spark;

import java.io.Serializable;

/**
 * What a Spark task reports for one study: the row of the study table, and the study's findings
 * as the rows of its {@code detections.csv} (header left out), for the batch's findings table.
 *
 * @param study the study's output folder name (its pseudonym when de-identified)
 * @param status complete, partial, failed or done earlier, as in {@code batch-summary.csv}
 * @param findings how many findings; empty when the study failed
 * @param reason why it is partial or failed; empty otherwise
 * @param seconds wall time of this study on its executor: reading, detection and writing
 * @param modelLoadSeconds the time this task spent opening the model (the first task of an
 *     executor process), else 0
 * @param executor the Spark executor that ran it ({@code driver} in local mode)
 * @param findingsCsv the data rows of its {@code detections.csv}, as written (RFC 4180)
 */
record StudyRow(int index, String study, String status, String findings, String reason, double seconds,
        double modelLoadSeconds, String executor, String findingsCsv) implements Serializable {}
