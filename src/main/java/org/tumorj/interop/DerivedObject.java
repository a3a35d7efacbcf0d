package org.tumorj.interop;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.tumorj.detect.Finding;
import org.tumorj.dicom.DicomWriter;
import org.tumorj.volume.SourceHeader;
import org.tumorj.volume.Volume;

/**
 * What every object TumorJ derives from a series carries, whatever its kind: its own new SOP
 * Instance and Series UIDs, the source's Frame of Reference, the source's Study Instance UID with the Patient and General Study
 * attributes copied from the source (so a PACS files it with its study), and TumorJ as the
 * equipment. On a de-identified volume the copied attributes are already the profile's
 * ({@code org.tumorj.privacy.Deidentifier}), and the object says Patient Identity Removed.
 */
final class DerivedObject {
    /** Type 2 attributes of the Patient and General Study modules: present, empty when the source lacks them. */
    private static final Set<Integer> TYPE_2 = Set.of(0x00080020, 0x00080030, 0x00080050, 0x00080090, 0x00100010,
            0x00100020, 0x00100030, 0x00100040, 0x00200010);
    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");

    private DerivedObject() {}

    /**
     * A writer holding the SOP Common, Patient, General Study, General Series and General Equipment
     * attributes of a new object.
     *
     * @param modality SEG or RTSTRUCT
     * @param seriesDescription what the new series holds (no patient data)
     */
    static DicomWriter header(Volume volume, String sopClassUid, String modality, int seriesNumber,
            String seriesDescription, Algorithm algorithm) {
        SourceHeader source = volume.source();
        DicomWriter d = new DicomWriter().implementationVersionName(implementationVersion(algorithm))
                .characterSet(source.characterSet().isEmpty() ? "ISO_IR 100" : source.characterSet(),
                        StandardCharsets.ISO_8859_1)
                .string(0x00080012, "DA", today())
                .string(0x00080013, "TM", timeNow())
                .string(0x00080016, "UI", sopClassUid)
                .string(0x00080018, "UI", newUid())
                .string(0x00080060, "CS", modality)
                .string(0x00080070, "LO", Algorithm.NAME)
                .string(0x0008103E, "LO", lo(seriesDescription))
                .string(0x00081090, "LO", Algorithm.NAME)
                .string(0x00181020, "LO", lo(algorithm.version()) + "\\" + lo(algorithm.modelId()))
                .string(0x0020000D, "UI", volume.info().studyInstanceUid())
                .string(0x00200052, "UI", source.frameOfReferenceUid())
                .string(0x00201040, "LO", "")
                .string(0x0020000E, "UI", newUid())
                .integer(0x00200011, seriesNumber)
                .integer(0x00200013, 1);
        for (SourceHeader.Attribute a : SourceHeader.COPIED) {
            String value = source.value(a.tag());
            if (!value.isEmpty() || TYPE_2.contains(a.tag())) {
                d.string(a.tag(), a.vr(), value);
            }
        }
        if (source.identityRemoved()) {
            d.string(0x00120062, "CS", "YES")
                    .string(0x00120063, "LO", "DICOM PS3.15 Annex E Basic Profile (TumorJ)");
        }
        return d;
    }

    /** Today as a DICOM date (DA), local time: content, creation and structure set dates. */
    static String today() {
        return LocalDateTime.now().format(DA);
    }

    /** The time now as a DICOM time (TM), to the second. */
    static String timeNow() {
        return LocalDateTime.now().format(TM);
    }

    /**
     * A new UID in the {@code 2.25} form (a random UUID as one integer, PS3.5 B.2): no registered
     * root is needed and nothing of the patient or study can be read from it.
     */
    static String newUid() {
        UUID u = UUID.randomUUID();
        ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, b.array());
    }

    /** Own free text as plain ASCII: valid in whatever character set the copied source attributes use. */
    static String ascii(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F && c != '\\' ? c : '?');
        }
        return out.toString();
    }

    /**
     * Checks the regions an object is made of: one label per finding, and at least one finding.
     *
     * @param emptyMessage why none will not do, e.g. "a DICOM Segmentation needs at least one segment"
     */
    static void requireRegions(List<Finding> findings, List<RegionLabel> labels, String study, String emptyMessage) {
        if (labels.size() != findings.size()) {
            throw new IllegalArgumentException(study + ": " + labels.size() + " labels for " + findings.size() + " regions");
        }
        if (findings.isEmpty()) {
            throw new IllegalArgumentException(study + ": no findings, and " + emptyMessage);
        }
    }

    /** The LO limit of 64 characters, so a long class name cannot make a value invalid. */
    static String lo(String text) {
        String a = ascii(text);
        return a.length() <= 64 ? a : a.substring(0, 64);
    }

    private static String implementationVersion(Algorithm algorithm) {
        String v = ("TUMORJ_" + ascii(algorithm.version())).replace(' ', '_');
        return v.length() <= 16 ? v : v.substring(0, 16);
    }
}
