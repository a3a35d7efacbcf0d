package org.tumorj.phantom;

import java.util.random.RandomGenerator;

/**
 * How a lesion looks on each MR series, as its value over its organ's (the contrast ratio); T2's
 * ratio is the lesion's designed one. Drawn per lesion, from a random stream of its own so that
 * the T2 series is the same whichever other series are made:
 * <ul>
 *   <li>{@link #FLUID}: a cyst: bright on T2, dark on T1, suppressed on FLAIR, no enhancement</li>
 *   <li>{@link #T2_ONLY}: oedema-like: bright on T2 and FLAIR, invisible (ratio 1) on T1 and T1 post</li>
 *   <li>{@link #ENHANCING}: a solid tumour: dark on T1, bright on T1 post, moderately bright on FLAIR</li>
 * </ul>
 * A near-invisible lesion (barely brighter than its organ on T2) stays barely brighter on every series.
 */
enum MrLesionBehaviour {
    FLUID, T2_ONLY, ENHANCING;

    static MrLesionBehaviour draw(RandomGenerator r) {
        double u = r.nextDouble();
        return u < 0.3 ? FLUID : u < 0.6 ? T2_ONLY : ENHANCING;
    }

    /** The lesion's ratio to its organ on {@code series}, from its T2 ratio. */
    double ratio(MrSeries series, double t2Ratio, boolean nearInvisible) {
        if (series == MrSeries.T2 || nearInvisible) {
            return t2Ratio;
        }
        double excess = t2Ratio - 1;
        return switch (this) {
            case FLUID -> switch (series) {
                case T1 -> 0.45;
                case FLAIR -> 0.55;
                default -> 0.4;
            };
            case T2_ONLY -> series == MrSeries.FLAIR ? t2Ratio : 1.0;
            case ENHANCING -> switch (series) {
                case T1 -> 0.75;
                case FLAIR -> 1 + excess * 0.6;
                default -> 1 + Math.max(0.6, excess * 0.8);
            };
        };
    }
}
