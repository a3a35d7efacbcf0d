/**
 * Core: TumorJ's use cases behind one face, {@link org.tumorj.api.TumorJ}: train on annotated
 * studies, detect in a folder of studies or in one volume, evaluate on held-out studies. The Fiji
 * commands ({@code org.tumorj.ij.commands}) and the command line ({@code org.tumorj.cli}) turn
 * their options into these requests and show what comes back; neither reaches past this package
 * into the pipeline (ArchitectureTest checks it). Plain Java.
 */
package org.tumorj.api;
