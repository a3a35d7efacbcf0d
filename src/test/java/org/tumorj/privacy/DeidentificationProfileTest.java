package org.tumorj.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeidentificationProfileTest {
    @Test
    void patientNameAndIdAreRemovedAndDirect() {
        assertEquals(DeidentificationProfile.Action.REMOVE, DeidentificationProfile.lookup(0x00100010).action());
        assertTrue(DeidentificationProfile.isDirectIdentifier(0x00100010));
        assertTrue(DeidentificationProfile.isDirectIdentifier(0x00100020));
        assertFalse(DeidentificationProfile.isDirectIdentifier(0x00080060), "Modality is not identifying");
    }

    @Test
    void uidsAreReplacedNotRemovedAndGeometryIsKept() {
        assertEquals(DeidentificationProfile.Action.REPLACE_UID, DeidentificationProfile.lookup(0x0020000E).action());
        assertNull(DeidentificationProfile.lookup(0x00280030), "PixelSpacing must survive de-identification");
    }

    @Test
    void pseudonymsAreStablePerSaltAndValidUids() {
        Pseudonyms a = new Pseudonyms("lab-secret");
        String uid = a.uid("1.2.840.113619.2.55.3");
        assertEquals(uid, a.uid("1.2.840.113619.2.55.3"));
        assertNotEquals(uid, new Pseudonyms("other").uid("1.2.840.113619.2.55.3"));
        assertTrue(uid.matches("2\\.25\\.[1-9][0-9]*") && uid.length() <= 64, uid);
        assertTrue(a.id("PAT-001").matches("ANON-[0-9A-F]{8}"));
    }
}
