package org.tumorj.volume;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a derived DICOM object (a Segmentation, an RT Structure Set) must repeat of the images it
 * was made from, beyond the geometry of {@link VolumeInfo}: the source's SOP Class and Frame of
 * Reference, and the Patient and General Study attributes that let a PACS file the object with
 * its study. Kept beside {@link VolumeInfo} (in {@link Volume}) rather than in it, so that the
 * many places that build a {@link VolumeInfo} are untouched; a volume not read from DICOM (an
 * ImageJ stack, a phantom in memory) has {@link #NONE}.
 *
 * <p>Sensitive: the patient attributes are never logged; de-identification
 * ({@code org.tumorj.privacy.Deidentifier}) replaces this header as it replaces the UIDs.
 *
 * @param sopClassUid SOP Class of the source images (e.g. CT Image Storage); empty when unknown
 * @param frameOfReferenceUid the source's Frame of Reference; empty when it has none (projections)
 * @param characterSet the source's Specific Character Set (0008,0005), empty for the default
 *     repertoire; the copied text keeps the source's bytes, so it keeps its character set too
 * @param copied values of {@link #COPIED} attributes present in the source, by tag, as read
 * @param identityRemoved true once de-identified (then Patient Identity Removed is YES)
 */
public record SourceHeader(String sopClassUid, String frameOfReferenceUid, String characterSet,
        Map<Integer, String> copied, boolean identityRemoved) {

    /** An attribute of the Patient or General Study module that derived objects copy. */
    public record Attribute(int tag, String vr, String keyword) {}

    /** Patient module (PS3.3 C.7.1.1) and General Study module (C.7.2.1), in tag order. */
    public static final List<Attribute> COPIED = List.of(
            new Attribute(0x00080020, "DA", "StudyDate"),
            new Attribute(0x00080030, "TM", "StudyTime"),
            new Attribute(0x00080050, "SH", "AccessionNumber"),
            new Attribute(0x00080090, "PN", "ReferringPhysicianName"),
            new Attribute(0x00081030, "LO", "StudyDescription"),
            new Attribute(0x00100010, "PN", "PatientName"),
            new Attribute(0x00100020, "LO", "PatientID"),
            new Attribute(0x00100021, "LO", "IssuerOfPatientID"),
            new Attribute(0x00100030, "DA", "PatientBirthDate"),
            new Attribute(0x00100040, "CS", "PatientSex"),
            new Attribute(0x00200010, "SH", "StudyID"));

    /** Nothing known beyond the volume's own identifiers. */
    public static final SourceHeader NONE = new SourceHeader("", "", "", Map.of(), false);

    public SourceHeader {
        sopClassUid = sopClassUid == null ? "" : sopClassUid;
        frameOfReferenceUid = frameOfReferenceUid == null ? "" : frameOfReferenceUid;
        characterSet = characterSet == null ? "" : characterSet;
        copied = Collections.unmodifiableMap(new LinkedHashMap<>(copied));
    }

    /** The copied value of {@code tag}, or empty when the source lacks it. */
    public String value(int tag) {
        return copied.getOrDefault(tag, "");
    }

    /** Whether a Frame of Reference is known: derived objects with patient coordinates need one. */
    public boolean hasFrameOfReference() {
        return !frameOfReferenceUid.isEmpty();
    }

    /** Patient and study values hidden: the header says so, and never prints them. */
    @Override
    public String toString() {
        return "SourceHeader[sopClass=" + sopClassUid + ", attributes=" + copied.size() + ", identityRemoved="
                + identityRemoved + "]";
    }
}
