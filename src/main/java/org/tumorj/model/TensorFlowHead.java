package org.tumorj.model;

import org.tumorj.backbone.TensorFlowRuntime;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import org.tumorj.backbone.FloatTensor;

/**
 * The exported head SavedModel run by DJL's TensorFlow engine. Used to check the export and by
 * callers that keep the whole prediction inside TensorFlow; {@link DenseHead} gives the same
 * numbers without native resources. Close it.
 */
public final class TensorFlowHead implements Head {
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final int featureChannels;

    private TensorFlowHead(ZooModel<NDList, NDList> model, int featureChannels) {
        this.model = model;
        this.predictor = model.newPredictor();
        this.featureChannels = featureChannels;
    }

    /** Loads the SavedModel in {@code savedModelDir} (a bundle's {@code saved_model/}). */
    public static TensorFlowHead load(Path savedModelDir, int featureChannels) throws IOException {
        TensorFlowRuntime.ensureLoaded();
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(savedModelDir)
                .optEngine("TensorFlow")
                .build();
        try {
            return new TensorFlowHead(criteria.loadModel(), featureChannels);
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IOException(savedModelDir + ": not a loadable head SavedModel: " + e.getMessage(), e);
        }
    }

    @Override
    public int featureChannels() {
        return featureChannels;
    }

    /** A DJL predictor is not thread-safe, hence synchronized. */
    @Override
    public synchronized FloatTensor probabilities(FloatTensor map) {
        if (map.c() != featureChannels) {
            throw new IllegalArgumentException("feature map has " + map.c() + " channels, the head expects " + featureChannels);
        }
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray input = manager.create(map.data(), new Shape(map.n(), map.h(), map.w(), map.c()));
            NDList output = predictor.predict(new NDList(input));
            return new FloatTensor(output.singletonOrThrow().toFloatArray(), map.n(), map.h(), map.w(), 1);
        } catch (TranslateException e) {
            throw new IllegalStateException("TensorFlow head failed on a " + map.n() + "x" + map.h() + "x" + map.w()
                    + " feature map: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
