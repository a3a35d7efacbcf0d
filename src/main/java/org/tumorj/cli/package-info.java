/**
 * The headless command line ({@code ./tumorj}): parses arguments and drives the core; one class per sub-command.
 */
package org.tumorj.cli;
