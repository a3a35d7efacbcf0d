/**
 * Core: the trained detector, its head and the on-disk model bundle. No ImageJ or Swing imports.
 */
package org.tumorj.model;
