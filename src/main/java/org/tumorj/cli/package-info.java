/**
 * The headless command line ({@code ./tumorj}): parses arguments and drives the core through
 * {@code org.tumorj.api}; one class per sub-command. Needs no ImageJ on the class path
 * (ArchitectureTest and NoImageJCliIT check it).
 */
package org.tumorj.cli;
