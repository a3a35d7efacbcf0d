/**
 * Core: image files that open in Fiji as TumorJ meant them, written without ImageJ: TIFF stacks
 * (32-bit float or RGB) with ImageJ's calibration, display range and slice labels
 * ({@link org.tumorj.export.TiffStack}). Plain Java: the command line writes them with no ImageJ
 * on its class path.
 */
package org.tumorj.export;
