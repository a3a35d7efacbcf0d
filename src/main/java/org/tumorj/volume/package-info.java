/**
 * Core: the calibrated volume (modality values, spacing, orientation, slice identities) that the DICOM reader produces and everything downstream consumes. Plain Java; imports nothing from ImageJ or Swing.
 */
package org.tumorj.volume;
