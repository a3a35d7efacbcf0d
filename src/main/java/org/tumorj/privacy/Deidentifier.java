package org.tumorj.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tumorj.volume.SourceHeader;
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

    /**
     * The same voxels and geometry with pseudonymous UIDs, no patient ID and no series description;
     * its source header passed through {@link #apply(SourceHeader)}.
     */
    public Volume apply(Volume volume) {
        VolumeInfo i = volume.info();
        List<String> sops = i.sopInstanceUids().stream().map(this::sliceUid).toList();
        VolumeInfo anonymous = new VolumeInfo(i.modality(), pseudonyms.uid(i.studyInstanceUid()),
                pseudonyms.uid(i.seriesInstanceUid()), "", "", i.width(), i.height(), i.spacingX(), i.spacingY(),
                i.spacingZ(), i.origin(), i.rowDirection(), i.columnDirection(), i.windowCenter(), i.windowWidth(),
                i.invertedForDisplay(), sops, i.warnings(), i.voiLut(), i.shutter());
        return new Volume(anonymous, volume.slices(), apply(volume.source()));
    }

    /**
     * A source header under the profile ({@link DeidentificationProfile}), attribute by attribute:
     * what it removes (patient name, ID, birth date, sex, accession number, referring physician,
     * study ID and description) is dropped, the Frame of Reference UID gets its pseudonym, and what
     * the profile keeps (study date and time) stays. The same profile, so a SEG or RTSTRUCT
     * de-identified here carries exactly what TumorJ's other de-identified outputs carry.
     */
    public SourceHeader apply(SourceHeader source) {
        Map<Integer, String> kept = new LinkedHashMap<>();
        source.copied().forEach((tag, value) -> {
            DeidentificationProfile.Attribute a = DeidentificationProfile.lookup(tag);
            if (a == null) {
                kept.put(tag, value);
            } else if (a.action() == DeidentificationProfile.Action.REPLACE_UID) {
                kept.put(tag, pseudonyms.uid(value));
            }
        });
        String frameOfReference = source.hasFrameOfReference() ? pseudonyms.uid(source.frameOfReferenceUid()) : "";
        return new SourceHeader(source.sopClassUid(), frameOfReference, source.characterSet(), kept, true);
    }

    /**
     * A slice's UID: a single-frame instance's pseudonym, or for frame n of a multi-frame instance
     * ({@code uid#n}) the instance's pseudonym with the same frame, so all frames of one file keep
     * naming one (pseudonymous) instance.
     */
    private String sliceUid(String original) {
        int hash = original.indexOf('#');
        return hash < 0 ? pseudonyms.uid(original) : pseudonyms.uid(original.substring(0, hash)) + original.substring(hash);
    }
}
