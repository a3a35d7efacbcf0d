package org.tumorj.phantom;

import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Mean value and texture amplitude of each tissue for one study. CT in Hounsfield units; MR in
 * T2-weighted-like reference units (fat and fluid bright, muscle dark) before the study's bias
 * field and arbitrary scale.
 */
final class TissueValues {
    private final Map<Tissue, double[]> values = new EnumMap<>(Tissue.class);

    private TissueValues() {}

    static TissueValues of(PhantomModality modality, RandomGenerator r) {
        TissueValues t = new TissueValues();
        if (modality == PhantomModality.CT) {
            t.set(Tissue.AIR, -1000, 0);
            t.set(Tissue.FAT, r.nextDouble(-110, -90), 8);
            t.set(Tissue.MUSCLE, r.nextDouble(45, 55), 7);
            t.set(Tissue.SOFT, r.nextDouble(32, 42), 7);
            t.set(Tissue.LUNG, -850, 22);
            t.set(Tissue.LIVER, r.nextDouble(55, 70), r.nextDouble(5, 10));
            t.set(Tissue.BONE_CORTEX, r.nextDouble(850, 1000), 40);
            t.set(Tissue.BONE_MARROW, r.nextDouble(200, 300), 40);
            t.set(Tissue.RIB, r.nextDouble(600, 750), 35);
            t.set(Tissue.AORTA, r.nextDouble(150, 200), 5);
        } else {
            t.set(Tissue.AIR, 3, 1);
            t.set(Tissue.FAT, r.nextDouble(700, 850), 30);
            t.set(Tissue.MUSCLE, r.nextDouble(200, 240), 10);
            t.set(Tissue.SOFT, r.nextDouble(300, 360), 15);
            t.set(Tissue.LUNG, 35, 8);
            t.set(Tissue.LIVER, r.nextDouble(270, 320), r.nextDouble(8, 16));
            t.set(Tissue.BONE_CORTEX, 25, 5);
            t.set(Tissue.BONE_MARROW, r.nextDouble(500, 600), 30);
            t.set(Tissue.RIB, 450, 25);
            t.set(Tissue.AORTA, 60, 10); // flow void
        }
        return t;
    }

    /** These values with each tissue's mean and texture multiplied by its factor (another MR contrast). */
    TissueValues scaled(Map<Tissue, Double> factors) {
        TissueValues t = new TissueValues();
        values.forEach((tissue, v) -> {
            double f = factors.getOrDefault(tissue, 1.0);
            t.set(tissue, v[0] * f, v[1] * f);
        });
        return t;
    }

    private void set(Tissue tissue, double mean, double texture) {
        values.put(tissue, new double[] {mean, texture});
    }

    double mean(Tissue t) { return values.get(t)[0]; }
    double texture(Tissue t) { return values.get(t)[1]; }

    double organ(Organ o) {
        return mean(o == Organ.LIVER ? Tissue.LIVER : Tissue.LUNG);
    }
}
