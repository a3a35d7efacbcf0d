package org.tumorj.interop;

/**
 * Who made the findings, as derived objects record it: the software, its version and the model.
 *
 * @param version the running TumorJ version
 * @param modelId identifies the model bundle (e.g. {@code sha256:} and the start of its manifest's digest)
 * @param findingClass what a finding is, in the model's words (its positive class name), e.g. "tumour"
 */
public record Algorithm(String version, String modelId, String findingClass) {
    /** The Segment Algorithm Name and Manufacturer of every object TumorJ writes. */
    public static final String NAME = "TumorJ";

    public Algorithm {
        version = version == null || version.isBlank() ? "development" : version;
        modelId = modelId == null || modelId.isBlank() ? "unknown model" : modelId;
        findingClass = findingClass == null || findingClass.isBlank() ? "finding" : findingClass;
    }
}
