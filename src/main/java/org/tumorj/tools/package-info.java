/**
 * The command-line tools that ship in {@code TumorJ_-tools.jar}, not in the Fiji plugin jar: the
 * {@code phantoms} command over {@link org.tumorj.phantom} (synthetic studies for the demo, tests
 * and benchmarks). Commands join {@code ./tumorj} as {@link java.util.ServiceLoader} providers of
 * {@link org.tumorj.cli.CliCommand} (src/main/tools-resources), so the command line in the plugin
 * jar names none of them. May use {@code cli}, {@code phantom} and the core; never ImageJ, and no
 * class outside this package and {@code phantom} may use it (ArchitectureTest, TwoJarsIT).
 */
package org.tumorj.tools;
