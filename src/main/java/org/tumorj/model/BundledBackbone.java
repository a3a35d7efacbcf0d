package org.tumorj.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fine-tuned backbone stored inside a model bundle (folder {@code backbone/}) as a TensorFlow
 * SavedModel with its weights frozen into constants: signature {@code serving_default}, input
 * {@code image} (N x H x W x 3, RGB in [0, 1], H and W multiples of 32, any size), outputs
 * {@code features} (N x H/32 x W/32 x C) and {@code embedding} (N x C). The bundle's
 * {@code backbone} field then names this backbone (id {@code <base id>-finetuned}, sha256 of
 * its weights); {@code baseId} and {@code baseSha256} name the pretrained one it started from.
 *
 * @param baseId id of the backbone the fine-tuning started from
 * @param baseSha256 its sha256
 * @param description how it was trained, e.g. {@code TOP_BLOCKS_UNFROZEN, 2 blocks}
 * @param writer writes the SavedModel into a folder that does not exist yet
 */
public record BundledBackbone(String baseId, String baseSha256, String description, SavedModelWriter writer) {
    public static final String SIGNATURE = "serving_default";
    public static final String INPUT = "image";
    public static final String FEATURES = "features";
    public static final String EMBEDDING = "embedding";

    /** Writes a SavedModel into {@code target}, which must not exist yet. */
    @FunctionalInterface
    public interface SavedModelWriter {
        void writeTo(Path target) throws IOException;
    }

    /** Copies an existing SavedModel folder (e.g. the one inside a loaded bundle) when the bundle is saved. */
    public static BundledBackbone fromFolder(String baseId, String baseSha256, String description, Path savedModelDir) {
        return new BundledBackbone(baseId, baseSha256, description, target -> copyTree(savedModelDir, target));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(from)) {
            paths = walk.sorted().toList();
        }
        for (Path p : paths) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.copy(p, target);
            }
        }
    }
}
