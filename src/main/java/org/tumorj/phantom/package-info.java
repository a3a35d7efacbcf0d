/**
 * Core: a seeded generator of CT-like and MR-like phantom studies with known lesions, vessels
 * (their look-alikes) and normal regions, of chest radiographs (DX/CR) projected through a 3D
 * chest with nodules and branching vessels ({@code Radiograph*}, {@code Chest*} classes), and a
 * small writer of real DICOM files (explicit VR little endian, with sequences) so that the whole
 * pipeline can be tested without patient data. Plain Java.
 */
package org.tumorj.phantom;
