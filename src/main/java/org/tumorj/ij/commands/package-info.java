/**
 * Thin Fiji/ImageJ menu commands (listed in {@code plugins.config}): each parses its macro keys, validates, calls the core through {@code org.tumorj.ij}, and shows the result.
 */
package org.tumorj.ij.commands;
