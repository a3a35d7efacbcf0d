package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What each kind of image trains on by default. */
class ModalityDefaultsTest {
    @Test
    void onlyRadiographsReadLocalContrast() {
        assertEquals(4, ModalityDefaults.features(ModalityKind.RADIOGRAPH).localContrastPx());
        assertEquals(0, ModalityDefaults.features(ModalityKind.CT).localContrastPx());
        assertEquals(0, ModalityDefaults.features(ModalityKind.MR).localContrastPx());
        assertEquals(0, ModalityDefaults.features(ModalityKind.OTHER).localContrastPx());
    }
}
