package org.tumorj.phantom;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tumorj.util.AtomicFiles;

/**
 * The machine-readable answer key of one phantom study, written beside it as
 * {@code ground-truth.json}: every lesion (centre, size, slices) and every vessel.
 *
 * @param studyId folder name of the study
 * @param modality CT or MR
 * @param pixelSpacingMm in-plane spacing (square pixels)
 * @param sliceSpacingMm distance between slices
 * @param scanner the simulated scanner's noise and blur, for reading results per scanner
 */
public record AnswerKey(String studyId, String modality, double pixelSpacingMm, double sliceSpacingMm,
        String scanner, List<LesionTruth> lesions, List<VesselTruth> vessels) {

    public static final String FILE_NAME = "ground-truth.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    public AnswerKey {
        lesions = List.copyOf(lesions);
        vessels = List.copyOf(vessels);
    }

    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, GSON.toJson(this));
    }

    public static AnswerKey read(Path file) throws IOException {
        try {
            AnswerKey t = GSON.fromJson(Files.readString(file), AnswerKey.class);
            if (t == null || t.lesions() == null || t.vessels() == null) {
                throw new IOException(file + ": not a phantom ground truth (no lesions or vessels list)");
            }
            return t;
        } catch (JsonParseException | NullPointerException e) { // Gson's errors, or a record field left out
            throw new IOException(file + ": corrupt ground truth JSON: " + e.getMessage(), e);
        }
    }
}
