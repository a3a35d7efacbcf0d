/**
 * Thin Fiji/ImageJ menu commands (listed in {@code plugins.config}): each parses its macro keys, validates, calls the core through {@code org.tumorj.ij}, and shows the result.
 *
 * <p>Adding a command: extend {@link org.tumorj.ij.TumorJCommand}, declare its keys once with
 * {@link org.tumorj.ij.MacroKeys#of} (snake_case, each with type, default and help), override
 * {@code documentedOptions()} when the defaults alone do not make a runnable line, run long core
 * work through {@link org.tumorj.ij.CancellableTask#run}, add the line to {@code plugins.config},
 * regenerate the key tables with {@code mvn -q test -Dtest=CommandDocsTest -Dtumorj.updateDocs=true},
 * and add an {@code *IT} that runs the documented line with {@code ImageJMacroRunner}.
 */
package org.tumorj.ij.commands;
