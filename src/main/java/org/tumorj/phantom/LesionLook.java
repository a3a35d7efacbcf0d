package org.tumorj.phantom;

import java.util.random.RandomGenerator;

/**
 * Gives a lesion its appearance: about half are clear, a third subtle (a liver lesion 15-30 HU
 * off its organ, a ground-glass lung nodule) and the rest near-invisible (7-11 HU in the liver),
 * near-invisible ones always small (under 12 mm), each with its own texture and, for some large ones, a necrotic or cystic core.
 */
final class LesionLook {
    static final String CLEAR = "clear";
    static final String SUBTLE = "subtle";
    static final String NEAR_INVISIBLE = "near-invisible";

    private LesionLook() {}

    static void assign(PlantedLesion l, TissueValues tissues, PhantomModality modality, RandomGenerator r) {
        double u = r.nextDouble();
        l.conspicuity = u < 0.5 ? CLEAR : u < 0.85 || l.equivalentDiameter() > 12 ? SUBTLE : NEAR_INVISIBLE;
        l.organValue = tissues.organ(l.organ);
        double sign = r.nextBoolean() ? 1 : -1;
        if (modality == PhantomModality.CT) {
            l.value = ctValue(l, sign, r);
            l.textureAmplitude = switch (l.conspicuity) {
                case CLEAR -> r.nextDouble(8, 18);
                case SUBTLE -> r.nextDouble(5, 10);
                default -> r.nextDouble(3, 5);
            };
        } else {
            l.value = mrValue(l, r);
            l.textureAmplitude = l.value * r.nextDouble(0.03, 0.08);
        }
        if (l.conspicuity.equals(CLEAR) && l.equivalentDiameter() > 14 && r.nextDouble() < 0.5) {
            l.coreValue = modality == PhantomModality.CT ? Math.min(l.value, l.organValue) - r.nextDouble(20, 40)
                    : l.value * r.nextDouble(1.3, 1.6);
        }
    }

    private static double ctValue(PlantedLesion l, double sign, RandomGenerator r) {
        double organ = l.organValue;
        if (l.organ == Organ.LUNG) {
            return switch (l.conspicuity) {
                case CLEAR -> r.nextDouble(-20, 80);      // solid nodule
                case SUBTLE -> r.nextDouble(-450, -250);  // part-solid
                default -> r.nextDouble(-740, -680);      // faint ground glass
            };
        }
        return switch (l.conspicuity) {
            case CLEAR -> sign > 0 ? organ + r.nextDouble(40, 100) : organ - r.nextDouble(35, 70);
            case SUBTLE -> organ + sign * r.nextDouble(15, 30);
            default -> organ + sign * r.nextDouble(7, 11);
        };
    }

    private static double mrValue(PlantedLesion l, RandomGenerator r) {
        if (l.organ == Organ.LUNG) {
            return switch (l.conspicuity) {
                case CLEAR -> r.nextDouble(200, 450);
                case SUBTLE -> r.nextDouble(100, 160);
                default -> r.nextDouble(55, 70);
            };
        }
        double organ = l.organValue;
        return switch (l.conspicuity) {
            case CLEAR -> organ * r.nextDouble(1.8, 3.5);   // T2-bright: cyst, haemangioma
            case SUBTLE -> organ * r.nextDouble(1.2, 1.45);
            default -> organ * r.nextDouble(1.05, 1.09);
        };
    }
}
