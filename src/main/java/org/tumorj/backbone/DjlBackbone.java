package org.tumorj.backbone;

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
import ai.djl.util.PairList;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.tensorflow.proto.ConfigProto;

/**
 * A {@link Backbone} running a TensorFlow SavedModel through DJL's TensorFlow engine.
 *
 * <p>Thread safety: DJL predictors are not thread-safe, so the backbone keeps a small pool and
 * each call borrows one; the TensorFlow session underneath runs concurrent calls. Native memory:
 * each call creates its input and reads its outputs inside its own {@link NDManager} scope,
 * which is closed before the call returns, so a long batch does not accumulate tensors.
 */
public final class DjlBackbone implements Backbone {
    private final ZooModel<NDList, NDList> model;
    private final BlockingQueue<Predictor<NDList, NDList>> predictors;
    private final List<Predictor<NDList, NDList>> all = new ArrayList<>();
    private final int featuresIndex;
    private final int embeddingIndex;
    private final List<String> outputNames;
    private final BackboneInfo info;
    private volatile boolean closed;

    private DjlBackbone(ZooModel<NDList, NDList> model, SavedModelSpec spec, String id, String sha256, int poolSize) {
        this.model = model;
        PairList<String, Shape> outputs = model.describeOutput();
        this.featuresIndex = indexOf(outputs, spec.featuresName(), model.getModelPath());
        this.embeddingIndex = spec.embeddingName() == null ? -1 : indexOf(outputs, spec.embeddingName(), model.getModelPath());
        this.outputNames = List.copyOf(outputs.keys());
        this.predictors = new ArrayBlockingQueue<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            Predictor<NDList, NDList> p = model.newPredictor();
            all.add(p);
            predictors.add(p);
        }
        this.info = probe(id, sha256, spec.inputSize());
    }

    /**
     * Loads a SavedModel folder.
     *
     * @param id name recorded in model bundles
     * @param sha256 checksum of the weights, recorded in model bundles
     * @param threads TensorFlow intra-op threads (0 = one per core)
     * @param poolSize predictors, i.e. calls that may run at the same time
     */
    public static DjlBackbone load(Path savedModelDir, SavedModelSpec spec, String id, String sha256, int threads, int poolSize)
            throws IOException {
        TensorFlowRuntime.ensureLoaded();
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optEngine(TensorFlowRuntime.ENGINE).optModelPath(savedModelDir)
                .optOption("SignatureDefKey", spec.signature())
                .optOption("ConfigProto", sessionConfig(threads)).build();
        try {
            ZooModel<NDList, NDList> model = criteria.loadModel();
            checkInput(model, spec, savedModelDir);
            return new DjlBackbone(model, spec, id, sha256, Math.max(1, poolSize));
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IOException(savedModelDir + ": not a loadable TensorFlow SavedModel: " + e.getMessage(), e);
        }
    }

    /**
     * Intra-op threads parallelise one convolution; inter-op 1 because MobileNet is a chain, so
     * running independent ops side by side only makes the two pools fight for the same cores.
     */
    static String sessionConfig(int threads) {
        int intra = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        int inter = Integer.getInteger("tumorj.tf.interop", 1);
        ConfigProto config = ConfigProto.newBuilder().setIntraOpParallelismThreads(intra)
                .setInterOpParallelismThreads(inter).setAllowSoftPlacement(true).build();
        return Base64.getEncoder().encodeToString(config.toByteArray());
    }

    private static void checkInput(ZooModel<NDList, NDList> model, SavedModelSpec spec, Path dir) throws IOException {
        PairList<String, Shape> inputs = model.describeInput();
        if (inputs.size() != 1 || !inputs.keys().get(0).equals(spec.inputName())) {
            model.close();
            throw new IOException(dir + ": signature '" + spec.signature() + "' has inputs " + inputs.keys()
                    + "; TumorJ needs exactly one image input named '" + spec.inputName() + "'");
        }
    }

    private static int indexOf(PairList<String, Shape> outputs, String name, Path dir) {
        int i = outputs.keys().indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(dir + ": the signature has no output '" + name + "'; it has " + outputs.keys());
        }
        return i;
    }

    /** Runs one input of the training size to learn the feature channels and the stride. */
    private BackboneInfo probe(String id, String sha256, int size) {
        FloatTensor features = featureMap(FloatTensor.zeros(1, size, size, 3));
        if (size % features.h() != 0) {
            throw new IllegalArgumentException(id + ": a " + size + " px input gave a " + features.h() + " px feature map; stride is not an integer");
        }
        return new BackboneInfo(id, sha256, size, size / features.h(), features.c());
    }

    @Override
    public BackboneInfo info() {
        return info;
    }

    @Override
    public float[][] embed(FloatTensor images) {
        if (embeddingIndex < 0) {
            return Embeddings.mean(featureMap(images));
        }
        float[] flat = run(images, embeddingIndex).data();
        int c = flat.length / images.n();
        float[][] rows = new float[images.n()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = java.util.Arrays.copyOfRange(flat, i * c, (i + 1) * c);
        }
        return rows;
    }

    @Override
    public FloatTensor featureMap(FloatTensor images) {
        return run(images, featuresIndex);
    }

    @Override
    public List<String> taps() {
        return MobileNetGraph.TAPS.stream().filter(outputNames::contains).toList();
    }

    @Override
    public java.util.Map<String, FloatTensor> featureTaps(FloatTensor images, List<String> layers) {
        List<String> names = new ArrayList<>(layers);
        names.add(FEATURES);
        int[] indices = new int[names.size()];
        for (int i = 0; i < indices.length; i++) {
            String name = i == indices.length - 1 ? outputNames.get(featuresIndex) : names.get(i);
            indices[i] = outputNames.indexOf(name);
            if (indices[i] < 0) {
                throw new IllegalArgumentException(info.id() + " has no output '" + name + "'; it has " + outputNames);
            }
        }
        FloatTensor[] out = run(images, indices);
        java.util.Map<String, FloatTensor> byName = new java.util.LinkedHashMap<>();
        for (int i = 0; i < out.length; i++) {
            byName.put(names.get(i), out[i]);
        }
        return byName;
    }

    private FloatTensor run(FloatTensor images, int output) {
        return run(images, new int[] {output})[0];
    }

    /** The given outputs of one pass over {@code images}. */
    private FloatTensor[] run(FloatTensor images, int[] outputs) {
        checkImages(images);
        Predictor<NDList, NDList> predictor = borrow();
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDArray x = scope.create(FloatBuffer.wrap(images.data()), new Shape(images.n(), images.h(), images.w(), images.c()));
            NDList out = predictor.predict(new NDList(x));
            out.attach(scope); // outputs die with the scope, whatever manager DJL gave them
            FloatTensor[] result = new FloatTensor[outputs.length];
            for (int i = 0; i < outputs.length; i++) {
                NDArray y = out.get(outputs[i]);
                long[] s = y.getShape().getShape();
                float[] data = y.toFloatArray();
                result[i] = s.length == 4 ? new FloatTensor(data, (int) s[0], (int) s[1], (int) s[2], (int) s[3])
                        : new FloatTensor(data, (int) s[0], 1, 1, (int) s[1]);
            }
            return result;
        } catch (TranslateException e) {
            throw new IllegalStateException("TensorFlow failed on a " + images.n() + "x" + images.h() + "x" + images.w()
                    + " batch: " + e.getMessage(), e);
        } finally {
            predictors.add(predictor);
        }
    }

    private void checkImages(FloatTensor images) {
        if (closed) {
            throw new IllegalStateException("the backbone is closed");
        }
        int stride = info == null ? 32 : info.stride();
        if (images.c() != 3 || images.n() < 1 || images.h() < stride || images.w() < stride
                || images.h() % stride != 0 || images.w() % stride != 0) {
            throw new IllegalArgumentException("backbone input must be N x H x W x 3 with H and W positive multiples of "
                    + stride + ", got " + images.n() + "x" + images.h() + "x" + images.w() + "x" + images.c());
        }
    }

    private Predictor<NDList, NDList> borrow() {
        try {
            return predictors.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free predictor", e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        all.forEach(Predictor::close);
        model.close();
    }
}
