package org.tumorj.phantom;

/** Tissue classes of the anatomy model; each modality maps them to its own intensities. */
enum Tissue {
    AIR, FAT, MUSCLE, SOFT, LUNG, LIVER, BONE_CORTEX, BONE_MARROW, RIB, AORTA
}
