/**
 * Core: lesion-level evaluation of detections against annotations. The ground truth (annotated
 * regions linked into 3D lesions), the hit rule, the per-study results and the report with FROC,
 * slice-level ROC and Dice. Plain Java; it reads {@code detect}'s findings and uses
 * {@code metrics}' statistics, and nothing below it depends on it.
 */
package org.tumorj.evaluation;

