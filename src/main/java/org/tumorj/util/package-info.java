/**
 * Core: small shared pieces: progress and cancellation, atomic file output. No ImageJ or Swing imports.
 */
package org.tumorj.util;
