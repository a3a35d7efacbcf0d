package org.tumorj.phantom;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The MR series of a phantom study: the same anatomy and lesions seen with four contrasts. T2 is
 * the reference (the generator's MR tissue values, where lesions were designed and annotated);
 * the others scale each tissue's T2 value by a factor, and each lesion by its own behaviour (see
 * {@link MrLesionBehaviour}). Same geometry, same slices, separate noise per series.
 */
public enum MrSeries {
    T2("T2 axial"),
    T1("T1 axial"),
    FLAIR("FLAIR axial"),
    T1_POST("T1 post-contrast axial");

    private final String label;

    MrSeries(String label) {
        this.label = label;
    }

    /** The start of the SeriesDescription, e.g. {@code T1 post-contrast axial}; classifies as this kind. */
    public String label() { return label; }

    /** Prefix of this series' file names; T2 keeps the single-series phantom's {@code IM}. */
    public String filePrefix() {
        return this == T2 ? "IM" : name().replace("_", "");
    }

    /** DICOM SeriesNumber: T2 1, T1 2, FLAIR 3, T1 post 4. */
    public int seriesNumber() { return ordinal() + 1; }

    /** Parses a comma-separated list such as {@code T2,T1_POST} (also {@code t1post}). */
    public static List<MrSeries> parseList(String text) {
        return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(MrSeries::parse).toList();
    }

    static MrSeries parse(String name) {
        String key = name.toUpperCase(Locale.ROOT).replace("-", "_").replace("POST", "_POST").replace("__", "_");
        for (MrSeries s : values()) {
            if (s.name().equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown MR series '" + name + "'; known: T2, T1, FLAIR, T1_POST");
    }

    /** Factor on each tissue's T2 value; T1: fat and liver bright, fluid dark; post-contrast: liver, soft tissue and blood enhance. */
    Map<Tissue, Double> tissueFactors() {
        Map<Tissue, Double> f = new EnumMap<>(Tissue.class);
        for (Tissue t : Tissue.values()) {
            f.put(t, 1.0);
        }
        switch (this) {
            case T1 -> put(f, 1.15, 1.6, 0.95, 1.5, 1.2, 1.0);
            case FLAIR -> put(f, 0.8, 0.85, 0.85, 0.85, 0.8, 1.0);
            case T1_POST -> put(f, 1.15, 1.75, 1.25, 1.85, 1.2, 10.0);
            default -> { }
        }
        return f;
    }

    private static void put(Map<Tissue, Double> f, double fat, double muscle, double soft, double liver, double marrow, double aorta) {
        f.put(Tissue.FAT, fat);
        f.put(Tissue.MUSCLE, muscle);
        f.put(Tissue.SOFT, soft);
        f.put(Tissue.LIVER, liver);
        f.put(Tissue.BONE_MARROW, marrow);
        f.put(Tissue.AORTA, aorta);
    }
}
