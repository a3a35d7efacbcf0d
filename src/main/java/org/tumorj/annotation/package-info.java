/**
 * Core: annotated regions (label, slice, polygon) and their on-disk sidecar format. No ImageJ or Swing imports; ImageJ ROIs are converted in {@code org.tumorj.ij}.
 */
package org.tumorj.annotation;
