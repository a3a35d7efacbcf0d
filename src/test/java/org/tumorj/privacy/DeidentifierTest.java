package org.tumorj.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
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
    void sameSaltSamePseudonymsSoBatchesResume() {
        assertEquals(new Deidentifier("s").studyLabel("Smith_John"), new Deidentifier("s").studyLabel("Smith_John"));
        assertEquals(new Deidentifier("s").apply(volume()).info().seriesInstanceUid(),
                new Deidentifier("s").apply(volume()).info().seriesInstanceUid());
        assertNotEquals(new Deidentifier("s").studyLabel("Smith_John"), new Deidentifier("t").studyLabel("Smith_John"));
        assertThrows(IllegalArgumentException.class, () -> new Deidentifier(" "));
    }
}
