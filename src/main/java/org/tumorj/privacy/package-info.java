/**
 * Core: what counts as patient-identifying, following the DICOM Basic Application Level
 * Confidentiality Profile (PS3.15 Annex E), and how TumorJ keeps it out of logs and exports.
 * Plain Java.
 */
package org.tumorj.privacy;
