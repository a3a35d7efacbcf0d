package org.tumorj.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The training log as CSV ({@code training-log.csv} in a model bundle). */
public final class TrainingLog {
    public static final String HEADER = "epoch,train_loss,validation_loss,validation_auc,best";

    private TrainingLog() {}

    public static String toCsv(List<EpochRecord> records) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (EpochRecord r : records) {
            csv.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%b%n",
                    r.epoch(), r.trainLoss(), r.validationLoss(), r.validationAuc(), r.best()));
        }
        return csv.toString();
    }

    /** Parses what {@link #toCsv} wrote; {@code source} names the file in error messages. */
    public static List<EpochRecord> parseCsv(String csv, String source) {
        String[] lines = csv.split("\\R");
        if (lines.length == 0 || !lines[0].equals(HEADER)) {
            throw new IllegalArgumentException(source + ": first line must be '" + HEADER + "'");
        }
        List<EpochRecord> records = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                records.add(parseLine(lines[i], source, i + 1));
            }
        }
        return records;
    }

    private static EpochRecord parseLine(String line, String source, int lineNumber) {
        String[] f = line.split(",");
        try {
            return new EpochRecord(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Boolean.parseBoolean(f[4]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + ": line " + lineNumber + " is not an epoch record: " + line, e);
        }
    }
}
