/**
 * Core: NIfTI-1 and NIfTI-2 images and label maps ({@code .nii}, {@code .nii.gz}) read in plain
 * Java: header, voxels (uint8, int16, uint16, int32, float32, float64, scaled), orientation from
 * the sform, else the qform, else the voxel sizes, turned from NIfTI's RAS into the LPS volume
 * geometry the DICOM reader gives ({@link org.tumorj.nifti.NiftiGeometry}); the two study layouts
 * labs use ({@link org.tumorj.nifti.NiftiStudy}) and what label values are called
 * ({@link org.tumorj.nifti.LabelNames}). Uses only {@code util}, {@code volume} and {@code dicom}
 * (the window estimate); label maps become annotations in {@code org.tumorj.annotation}.
 */
package org.tumorj.nifti;
