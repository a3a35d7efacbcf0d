package org.tumorj.privacy;

import java.util.List;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * Applies the basic confidentiality profile (PS3.15 Annex E) to what TumorJ carries of a study
 * into its outputs: the patient ID is removed, Study/Series/SOP Instance UIDs are replaced by
 * consistent pseudonyms ({@link DeidentificationProfile.Action#REPLACE_UID}), and the study's
 * label (usually its folder name, which labs often make from the patient's name) by a pseudonym.
 * Geometry, spacing and pixel values are kept: results stay measurable.
 *
 * <p>With the same salt the same study always gets the same pseudonyms, so a batch resumes and
 * results of one study line up across runs; without the salt they cannot be traced back.
 */
public final class Deidentifier {
    private final Pseudonyms pseudonyms;

    public Deidentifier(String salt) {
        if (salt == null || salt.isBlank()) {
            throw new IllegalArgumentException("de-identification needs a salt: a secret text kept by your project,"
                    + " so that pseudonyms are stable between runs and cannot be reversed without it");
        }
        this.pseudonyms = new Pseudonyms(salt);
    }

    /** The study's label in outputs, e.g. {@code ANON-3F9A1C2B}. */
    public String studyLabel(String original) {
        return pseudonyms.id(original);
    }

    /** The same voxels and geometry with pseudonymous UIDs, no patient ID and no series description. */
    public Volume apply(Volume volume) {
        VolumeInfo i = volume.info();
        List<String> sops = i.sopInstanceUids().stream().map(pseudonyms::uid).toList();
        VolumeInfo anonymous = new VolumeInfo(i.modality(), pseudonyms.uid(i.studyInstanceUid()),
                pseudonyms.uid(i.seriesInstanceUid()), "", "", i.width(), i.height(), i.spacingX(), i.spacingY(),
                i.spacingZ(), i.origin(), i.rowDirection(), i.columnDirection(), i.windowCenter(), i.windowWidth(),
                i.invertedForDisplay(), sops, i.warnings(), i.voiLut(), i.shutter());
        return new Volume(anonymous, volume.slices());
    }
}
