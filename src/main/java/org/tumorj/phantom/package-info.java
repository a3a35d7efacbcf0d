/**
 * Core: a seeded generator of CT-like and MR-like phantom studies with known lesions, vessels
 * (their look-alikes) and normal regions, and a small writer of real DICOM files (explicit VR
 * little endian) so that the whole pipeline can be tested without patient data. Plain Java; the
 * ROI Manager zip is written by {@code org.tumorj.ij.PhantomStudies}.
 */
package org.tumorj.phantom;
