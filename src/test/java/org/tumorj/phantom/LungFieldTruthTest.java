package org.tumorj.phantom;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The phantom radiograph's own lung fields ({@link RadiographGenerator#lungField}), the truth a
 * lung-field mask for the heat map is to be measured against: drawn from the same chest as the
 * image, so every nodule centre lies in them and they cover a chest's share of the image.
 */
class LungFieldTruthTest {
    @Test
    void holdEveryNoduleCentreAndAChestsShareOfTheImage() {
        for (int n = 1; n <= 4; n++) {
            PhantomConfig c = PhantomConfig.of(PhantomModality.XR, 2026, n);
            PhantomStudy s = PhantomGenerator.generate(c);
            boolean[] lungs = RadiographGenerator.lungField(c, 1);
            int width = s.volume().width(), inside = 0;
            for (boolean b : lungs) {
                inside += b ? 1 : 0;
            }
            double share = (double) inside / lungs.length;
            assertTrue(share > 0.15 && share < 0.6, c.studyId() + ": lung fields cover " + share);
            for (LesionTruth l : s.groundTruth().lesions()) {
                int x = (int) Math.round(l.centrePixel()[0]), y = (int) Math.round(l.centrePixel()[1]);
                assertTrue(lungs[y * width + x], c.studyId() + ": nodule " + l.id() + " outside the lung fields");
            }
        }
    }
}
