package org.tumorj.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.Backbones;
import org.tumorj.interop.Algorithm;
import org.tumorj.model.ModelBundle;
import org.tumorj.model.TumorJVersion;
import org.tumorj.util.Sha256;

/** Opens a model bundle with the backbone it was trained on, refusing a mismatch. */
public final class Bundles {
    private Bundles() {}

    /** A bundle and its backbone; close to release the backbone's native memory. */
    public record Opened(Backbone backbone, TrainedDetector detector) implements AutoCloseable {
        @Override
        public void close() {
            backbone.close();
        }
    }

    public static Opened open(Path bundleDir) throws IOException {
        if (!Files.isDirectory(bundleDir)) {
            throw new IOException(bundleDir + ": no model bundle here (expected a folder written by"
                    + " ./tumorj train or Train Tumor Detector)");
        }
        // A fine-tuned bundle carries its own backbone; a head-only one runs on the default.
        boolean bundled = ModelBundle.read(bundleDir).bundledBackbone() != null;
        Backbone backbone = bundled ? ModelBundle.openBundledBackbone(bundleDir) : Backbones.openDefault();
        try {
            ModelBundle bundle = ModelBundle.load(bundleDir, backbone.info());
            return new Opened(backbone, new TrainedDetector(backbone, bundle));
        } catch (IOException | RuntimeException e) {
            backbone.close();
            throw e;
        }
    }

    /**
     * Who made a bundle's findings, as exported DICOM objects record it: the running TumorJ
     * version, the bundle's identity ({@code sha256:} and the first 16 hex digits of its
     * {@code bundle.json}, which checksums every other file) and its positive class name.
     */
    public static Algorithm algorithm(Path bundleDir, ModelBundle bundle) throws IOException {
        String digest = Sha256.of(bundleDir.resolve(ModelBundle.MANIFEST));
        return new Algorithm(TumorJVersion.current(), "sha256:" + digest.substring(0, 16), bundle.classes().positive());
    }
}
