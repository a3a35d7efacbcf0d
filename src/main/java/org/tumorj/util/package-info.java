/**
 * Core: small shared pieces: progress and cancellation, atomic file output, SHA-256 checksums.
 * No ImageJ or Swing imports.
 */
package org.tumorj.util;
