/**
 * Thin Fiji/ImageJ menu commands (listed in {@code plugins.config}): each declares its macro keys,
 * checks the paths it was given, and calls {@link org.tumorj.api.TumorJ} and a helper of
 * {@code org.tumorj.ij} that does the Fiji part (dialogs, the current image, the ROI Manager, the
 * Log, plots). Logic grows in those helpers or the core, never here, so that the Fiji face and
 * the command line stay one core: ArchitectureTest keeps every command under 60 lines.
 *
 * <p>Adding a command: extend {@link org.tumorj.ij.TumorJCommand}, declare its keys once with
 * {@link org.tumorj.ij.MacroKeys#of} (snake_case, each with type, default and help), override
 * {@code documentedOptions()} when the defaults alone do not make a runnable line, run long core
 * work through {@link org.tumorj.ij.CancellableTask#run}, add the line to {@code plugins.config},
 * regenerate the key tables with {@code mvn -q test -Dtest=CommandDocsTest -Dtumorj.updateDocs=true},
 * and add an {@code *IT} that runs the documented line with {@code ImageJMacroRunner}.
 */
package org.tumorj.ij.commands;
