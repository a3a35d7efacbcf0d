package org.tumorj.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tumorj.volume.SourceHeader;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

class DeidentifierTest {
    private static Volume volume() {
        VolumeInfo info = new VolumeInfo("CT", "1.2.3.4", "1.2.3.4.5", "CHEST Smith", "PAT-001", 2, 2, 0.7, 0.7, 2.5,
                new double[] {1, 2, 3}, new double[] {1, 0, 0}, new double[] {0, 1, 0}, 40, 400, false,
                List.of("1.2.3.4.5.1", "1.2.3.4.5.2"), List.of());
        return new Volume(info, List.of(new float[] {1, 2, 3, 4}, new float[] {5, 6, 7, 8}));
    }

    @Test
    void identifiersGoGeometryAndPixelsStay() {
        Volume anonymous = new Deidentifier("lab secret").apply(volume());
        VolumeInfo i = anonymous.info();
        assertEquals("", i.patientId());
        assertEquals("", i.seriesDescription(), "free text may carry names");
        assertFalse(i.studyInstanceUid().startsWith("1.2.3"));
        assertFalse(i.sopInstanceUids().contains("1.2.3.4.5.1"));
        assertNotEquals(i.sopInstanceUids().get(0), i.sopInstanceUids().get(1));
        assertEquals(2.5, i.spacingZ());
        assertArrayEquals(new double[] {1, 2, 3}, i.origin());
        assertArrayEquals(new float[] {5, 6, 7, 8}, anonymous.slice(1));
    }

    @Test
    void sourceHeaderFollowsTheProfileAndItsFrameOfReferenceItsPseudonym() {
        SourceHeader source = new SourceHeader("1.2.840.10008.5.1.4.1.1.2", "1.2.3.4.9", "ISO_IR 100",
                Map.of(0x00100010, "Smith^John", 0x00100020, "PAT-001", 0x00080020, "20200101",
                        0x00080050, "ACC-7", 0x00100030, "19600101"), false);
        Deidentifier d = new Deidentifier("lab secret");
        Volume anonymous = d.apply(new Volume(volume().info(), volume().slices(), source));
        SourceHeader h = anonymous.source();
        assertTrue(h.identityRemoved());
        assertEquals(Map.of(0x00080020, "20200101"), h.copied(), "study date is kept by the profile, the rest goes");
        assertEquals("1.2.840.10008.5.1.4.1.1.2", h.sopClassUid());
        assertTrue(h.frameOfReferenceUid().startsWith("2.25."), h.frameOfReferenceUid());
        assertEquals(h.frameOfReferenceUid(), d.apply(source).frameOfReferenceUid(), "consistent between calls");
        assertFalse(h.toString().contains("Smith"), "a header never prints the patient");
    }

    @Test
    void framesOfOneMultiFrameInstanceKeepNamingOneInstance() {
        VolumeInfo i = volume().info();
        VolumeInfo multi = new VolumeInfo(i.modality(), i.studyInstanceUid(), i.seriesInstanceUid(), "", "", 2, 2, 1, 1, 1,
                i.origin(), i.rowDirection(), i.columnDirection(), 40, 400, false, List.of("1.2.9#1", "1.2.9#2"), List.of());
        List<String> sops = new Deidentifier("s").apply(new Volume(multi, volume().slices())).info().sopInstanceUids();
        assertTrue(sops.get(0).endsWith("#1") && sops.get(1).endsWith("#2"), sops.toString());
        assertEquals(sops.get(0).substring(0, sops.get(0).indexOf('#')), sops.get(1).substring(0, sops.get(1).indexOf('#')));
        assertFalse(sops.get(0).startsWith("1.2.9"));
    }

    @Test
    void sameSaltSamePseudonymsSoBatchesResume() {
        assertEquals(new Deidentifier("s").studyLabel("Smith_John"), new Deidentifier("s").studyLabel("Smith_John"));
        assertEquals(new Deidentifier("s").apply(volume()).info().seriesInstanceUid(),
                new Deidentifier("s").apply(volume()).info().seriesInstanceUid());
        assertNotEquals(new Deidentifier("s").studyLabel("Smith_John"), new Deidentifier("t").studyLabel("Smith_John"));
        assertThrows(IllegalArgumentException.class, () -> new Deidentifier(" "));
    }
}
