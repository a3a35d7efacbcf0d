package org.tumorj.cli;

import picocli.CommandLine.Option;

/**
 * The options {@code detect} and {@code batch} share (a picocli mixin): which series, the
 * patient's identity in the outputs, the candidates list, and whether studies done are redone.
 */
public final class DetectionChoices {
    @Option(names = "--series", paramLabel = "REGEX",
            description = "The series whose SeriesDescription matches; default: the model's own pattern.")
    String series;

    @Option(names = "--include-patient-id", description = "Write the patient ID into the outputs (off: study folder names and UIDs only).")
    boolean includePatientId;

    @Option(names = "--deidentify", paramLabel = "SALT",
            description = "Pseudonyms instead of folder names and UIDs in every output, the same for the same SALT (PS3.15 basic profile).")
    String deidentify;

    @Option(names = "--allow-other-series",
            description = "Detect on a series of another modality or kind than the model's (warnings.txt says so).")
    boolean allowOtherSeries;

    @Option(names = "--candidates", description = "Add candidates.csv: every finding down to a score of 1e-4, for FROC analysis.")
    boolean candidates;

    @Option(names = "--redo", description = "Detect again in studies whose outputs exist (default: skip them).")
    boolean redo;

    public String series() { return series; }
    public boolean includePatientId() { return includePatientId; }
    public boolean allowOtherSeries() { return allowOtherSeries; }
    public boolean candidates() { return candidates; }
    public boolean skipDone() { return !redo; }

    /** {@code --deidentify SALT}: pseudonymous outputs (PS3.15 Annex E basic profile); null when absent. */
    public String deidentifySalt() throws CliException {
        if (deidentify != null && includePatientId) {
            throw new CliException("--deidentify and --include-patient-id contradict each other; choose one");
        }
        return deidentify;
    }
}
