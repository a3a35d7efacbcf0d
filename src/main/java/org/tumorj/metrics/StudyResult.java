package org.tumorj.metrics;

/**
 * The evaluation of one series at the detection threshold.
 *
 * @param study study label
 * @param series SeriesInstanceUID
 * @param lesions annotated lesions
 * @param detectedLesions lesions hit by at least one finding
 * @param falsePositives findings hitting no lesion
 * @param findings all findings
 * @param annotatedVoxels voxels inside positive annotations
 * @param detectedVoxels voxels inside findings
 * @param overlapVoxels voxels in both
 * @param dice Dice of detected vs annotated voxels (NaN when both are empty)
 */
public record StudyResult(
        String study, String series, int lesions, int detectedLesions, int falsePositives, int findings,
        long annotatedVoxels, long detectedVoxels, long overlapVoxels, double dice) implements java.io.Serializable {}
