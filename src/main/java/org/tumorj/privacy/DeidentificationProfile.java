package org.tumorj.privacy;

import java.util.Map;
import java.util.TreeMap;

/**
 * The attributes of the DICOM Basic Application Level Confidentiality Profile (PS3.15 Annex E,
 * table E.1-1) that TumorJ can meet in what it reads, with the profile's action for each. Used
 * to filter header text, CSV columns and bundle metadata before anything leaves the process.
 *
 * <p>Only the actions that matter for TumorJ's outputs are modelled: {@link Action#REMOVE}
 * (X/Z in the table: drop, or empty) and {@link Action#REPLACE_UID} (U: a consistent pseudonym,
 * because TumorJ still needs to tell studies and slices apart).
 */
public final class DeidentificationProfile {

    /** What the profile does with an attribute. */
    public enum Action { REMOVE, REPLACE_UID }

    private static final Map<Integer, Attribute> ATTRIBUTES = new TreeMap<>();

    /** One attribute of the profile. */
    public record Attribute(int tag, String keyword, Action action) {}

    static {
        remove(0x00080014, "InstanceCreatorUID");
        remove(0x00080050, "AccessionNumber");
        remove(0x00080080, "InstitutionName");
        remove(0x00080081, "InstitutionAddress");
        remove(0x00080090, "ReferringPhysicianName");
        remove(0x00080092, "ReferringPhysicianAddress");
        remove(0x00080094, "ReferringPhysicianTelephoneNumbers");
        remove(0x00081010, "StationName");
        remove(0x00081030, "StudyDescription");
        remove(0x00081040, "InstitutionalDepartmentName");
        remove(0x00081048, "PhysiciansOfRecord");
        remove(0x00081050, "PerformingPhysicianName");
        remove(0x00081060, "NameOfPhysiciansReadingStudy");
        remove(0x00081070, "OperatorsName");
        remove(0x00081080, "AdmittingDiagnosesDescription");
        remove(0x00100010, "PatientName");
        remove(0x00100020, "PatientID");
        remove(0x00100021, "IssuerOfPatientID");
        remove(0x00100030, "PatientBirthDate");
        remove(0x00100032, "PatientBirthTime");
        remove(0x00100040, "PatientSex");
        remove(0x00101000, "OtherPatientIDs");
        remove(0x00101001, "OtherPatientNames");
        remove(0x00101010, "PatientAge");
        remove(0x00101020, "PatientSize");
        remove(0x00101030, "PatientWeight");
        remove(0x00101040, "PatientAddress");
        remove(0x00101060, "PatientMotherBirthName");
        remove(0x00102154, "PatientTelephoneNumbers");
        remove(0x00102160, "EthnicGroup");
        remove(0x00102180, "Occupation");
        remove(0x001021B0, "AdditionalPatientHistory");
        remove(0x00104000, "PatientComments");
        remove(0x00181000, "DeviceSerialNumber");
        remove(0x00181030, "ProtocolName");
        remove(0x00200010, "StudyID");
        remove(0x00204000, "ImageComments");
        remove(0x00321032, "RequestingPhysician");
        remove(0x00321060, "RequestedProcedureDescription");
        remove(0x00380010, "AdmissionID");
        remove(0x00400253, "PerformedProcedureStepID");
        remove(0x00400254, "PerformedProcedureStepDescription");
        replaceUid(0x0020000D, "StudyInstanceUID");
        replaceUid(0x0020000E, "SeriesInstanceUID");
        replaceUid(0x00080018, "SOPInstanceUID");
        replaceUid(0x00200052, "FrameOfReferenceUID");
    }

    private DeidentificationProfile() {}

    private static void remove(int tag, String keyword) {
        ATTRIBUTES.put(tag, new Attribute(tag, keyword, Action.REMOVE));
    }

    private static void replaceUid(int tag, String keyword) {
        ATTRIBUTES.put(tag, new Attribute(tag, keyword, Action.REPLACE_UID));
    }

    /** The profile's entry for a tag ({@code 0xGGGGEEEE}), or null when the tag may be kept. */
    public static Attribute lookup(int tag) {
        return ATTRIBUTES.get(tag);
    }

    /**
     * True for attributes that identify the patient directly and so are kept out of logs and
     * exports by default, even without the de-identification switch: names, IDs, birth date,
     * address, telephone. Everything else in the profile goes only when the user de-identifies.
     */
    public static boolean isDirectIdentifier(int tag) {
        int group = tag >>> 16;
        int element = tag & 0xFFFF;
        return group == 0x0010 && (element == 0x0010 || element == 0x0020 || element == 0x0021
                || element == 0x0030 || element == 0x0032 || element == 0x1000 || element == 0x1001
                || element == 0x1040 || element == 0x1060 || element == 0x2154);
    }
}
