package org.tumorj.backbone;

/** Lets tests in other packages use the TF.js reference inputs and outputs. */
public final class ReferenceImagesAccess {
    private ReferenceImagesAccess() {}

    public static FloatTensor image(String pattern) {
        return ReferenceImages.image(pattern);
    }

    public static double cosineToReference(String pattern, float[] embedding) throws java.io.IOException {
        return ReferenceImages.cases().stream().filter(c -> c.name().equals(pattern)).findFirst()
                .map(c -> ReferenceImages.cosine(embedding, c.embedding())).orElseThrow();
    }
}
