package org.tumorj.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Renders the other MR series of a study (T1, FLAIR, T1 post) from the T2 study's anatomy,
 * lesions and vessels: tissues scaled by the series' factors, each lesion at its behaviour's
 * ratio to its organ, vessels dark on T1 and FLAIR and enhancing after contrast (so they mimic
 * enhancing lesions), the same scanner blur, bias field and scale, and noise of the series' own.
 * Lesion and vessel values are set for the rendering and restored after it, so the study's
 * objects keep their T2 values (those of the annotations and ground truth).
 */
final class MrSeriesRenderer {
    private final Grid g;
    private final Anatomy anatomy;
    private final TissueValues t2;
    private final Scanner scanner;
    private final long seed;

    MrSeriesRenderer(Grid g, Anatomy anatomy, TissueValues t2, Scanner scanner, long seed) {
        this.g = g;
        this.anatomy = anatomy;
        this.t2 = t2;
        this.scanner = scanner;
        this.seed = seed;
    }

    float[][] render(MrSeries series, List<Vessel> vessels, List<PlantedLesion> lesions) {
        TissueValues tissues = t2.scaled(series.tissueFactors());
        List<double[]> saved = new ArrayList<>();
        lesions.forEach(l -> saved.add(new double[] {l.value, l.organValue, l.textureAmplitude, l.coreValue}));
        vessels.forEach(v -> saved.add(new double[] {v.value, v.organValue}));
        try {
            for (PlantedLesion l : lesions) {
                restyle(l, series, tissues);
            }
            for (Vessel v : vessels) {
                double organ = tissues.organ(v.organ);
                v.value = organ * vesselRatio(series, v.value / v.organValue);
                v.organValue = organ;
            }
            SplittableRandom r = new SplittableRandom(seed * 31 + series.ordinal());
            return new Renderer(g, anatomy, tissues, scanner, PhantomModality.MR).render(vessels, lesions, r);
        } finally {
            for (int i = 0; i < lesions.size(); i++) {
                double[] s = saved.get(i);
                PlantedLesion l = lesions.get(i);
                l.value = s[0];
                l.organValue = s[1];
                l.textureAmplitude = s[2];
                l.coreValue = s[3];
            }
            for (int i = 0; i < vessels.size(); i++) {
                double[] s = saved.get(lesions.size() + i);
                vessels.get(i).value = s[0];
                vessels.get(i).organValue = s[1];
            }
        }
    }

    private void restyle(PlantedLesion l, MrSeries series, TissueValues tissues) {
        MrLesionBehaviour behaviour = MrLesionBehaviour.draw(new SplittableRandom(seed * 1_000_003L + l.id));
        double t2Ratio = l.value / l.organValue;
        double organ = tissues.organ(l.organ);
        double value = organ * behaviour.ratio(series, t2Ratio, LesionLook.NEAR_INVISIBLE.equals(l.conspicuity));
        double scale = value / l.value;
        l.textureAmplitude *= scale;
        if (!Double.isNaN(l.coreValue)) {
            l.coreValue *= scale;
        }
        l.value = value;
        l.organValue = organ;
    }

    /** Vessels: flow voids on T1 and FLAIR, enhancing after contrast. */
    private static double vesselRatio(MrSeries series, double t2Ratio) {
        return switch (series) {
            case T2 -> t2Ratio;
            case T1 -> 0.6;
            case FLAIR -> 0.5;
            case T1_POST -> 1.8;
        };
    }
}
