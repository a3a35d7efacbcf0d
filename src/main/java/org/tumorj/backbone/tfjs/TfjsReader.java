package org.tumorj.backbone.tfjs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a TF.js layers model: the {@code model.json} (topology plus weight manifest) and the weight
 * shards it names. Both may be plain files or the JavaScript wrappers bundlers produce (a module
 * whose export is the JSON object, or a base64 string of the shard's bytes).
 */
public final class TfjsReader {
    private TfjsReader() {}

    /** Where the shards named in a manifest come from (files beside model.json, class-path resources...). */
    @FunctionalInterface
    public interface ShardSource {
        /** The raw bytes of the shard file {@code path} as stored, or null when it does not exist. */
        byte[] read(String path) throws IOException;
    }

    /** Reads {@code model.json} (or {@code model.min.js}) and its shards from the same folder. */
    public static TfjsModel read(Path modelFile) throws IOException {
        Path dir = modelFile.toAbsolutePath().getParent();
        return read(Files.readAllBytes(modelFile), modelFile.toString(),
                p -> Files.exists(dir.resolve(p)) ? Files.readAllBytes(dir.resolve(p)) : null);
    }

    /**
     * @param modelBytes the model file's content
     * @param modelName its name, for error messages
     * @param shards resolves the manifest's shard paths; a missing path is also tried with
     *     {@code .min.js} and {@code .js} appended, the names bundlers give wrapped shards
     */
    public static TfjsModel read(byte[] modelBytes, String modelName, ShardSource shards) throws IOException {
        Map<String, Object> root = asMap(unwrap(new String(modelBytes, StandardCharsets.UTF_8)), modelName);
        Object topology = root.get("modelTopology");
        Object manifest = root.get("weightsManifest");
        if (topology == null || manifest == null) {
            throw new IOException(modelName + ": not a TF.js layers model (needs modelTopology and weightsManifest)");
        }
        return new TfjsTopology(modelName).model(asMap(topology, modelName), readWeights(asList(manifest), modelName, shards));
    }

    /**
     * A bundled module's exported value: the first literal assigned to {@code exports}. Plain
     * JSON is returned parsed as is.
     */
    static Object unwrap(String text) {
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return JsLiteral.parse(text.strip());
        }
        // The UMD prologue also assigns exports (module.exports=e()); the payload is the first
        // assignment of a literal.
        for (int at = text.indexOf("exports="); at >= 0; at = text.indexOf("exports=", at + 1)) {
            int start = at + "exports=".length();
            if (start < text.length() && "{[\"'".indexOf(text.charAt(start)) >= 0) {
                return JsLiteral.parseAt(text, start);
            }
        }
        throw new IllegalArgumentException("neither JSON nor a JavaScript module assigning a literal to exports");
    }

    private static Map<String, TfjsWeight> readWeights(List<Object> groups, String modelName, ShardSource shards) throws IOException {
        Map<String, TfjsWeight> weights = new LinkedHashMap<>();
        for (Object g : groups) {
            Map<String, Object> group = asMap(g, modelName);
            ByteBuffer data = ByteBuffer.wrap(concatShards(asList(group.get("paths")), modelName, shards)).order(ByteOrder.LITTLE_ENDIAN);
            for (Object w : asList(group.get("weights"))) {
                TfjsWeight weight = readWeight(asMap(w, modelName), data, modelName);
                weights.put(weight.name(), weight);
            }
            if (data.hasRemaining()) {
                throw new IOException(modelName + ": weight shards hold " + data.remaining() + " bytes more than the manifest describes");
            }
        }
        return weights;
    }

    private static byte[] concatShards(List<Object> paths, String modelName, ShardSource shards) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Object p : paths) {
            all.write(readShard(p.toString(), modelName, shards));
        }
        return all.toByteArray();
    }

    private static byte[] readShard(String path, String modelName, ShardSource shards) throws IOException {
        byte[] raw = shards.read(path);
        if (raw != null) {
            return raw;
        }
        for (String suffix : List.of(".min.js", ".js")) {
            byte[] wrapped = shards.read(path + suffix);
            if (wrapped != null) {
                Object value = unwrap(new String(wrapped, StandardCharsets.US_ASCII));
                if (!(value instanceof String base64)) {
                    throw new IOException(modelName + ": shard " + path + suffix + " does not export a base64 string");
                }
                return Base64.getDecoder().decode(base64);
            }
        }
        throw new IOException(modelName + ": weight shard '" + path + "' not found (also tried .min.js and .js)");
    }

    private static TfjsWeight readWeight(Map<String, Object> spec, ByteBuffer data, String modelName) throws IOException {
        String name = (String) spec.get("name");
        long[] shape = asList(spec.get("shape")).stream().mapToLong(o -> ((Number) o).longValue()).toArray();
        int count = (int) java.util.Arrays.stream(shape).reduce(1, Math::multiplyExact);
        Object q = spec.get("quantization");
        String dtype = String.valueOf(spec.get("dtype"));
        try {
            float[] values = q == null ? readPlain(dtype, data, count) : dequantise(asMap(q, modelName), data, count);
            return new TfjsWeight(name, shape, values);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IOException(modelName + ": weight shards end before weight '" + name + "' is complete");
        }
    }

    private static float[] readPlain(String dtype, ByteBuffer data, int count) {
        float[] v = new float[count];
        switch (dtype) {
            case "float32" -> data.asFloatBuffer().get(v);
            case "int32" -> {
                for (int i = 0; i < count; i++) {
                    v[i] = data.getInt(data.position() + 4 * i);
                }
            }
            default -> throw new IllegalArgumentException("weight dtype '" + dtype + "' is not supported (float32, int32 are)");
        }
        data.position(data.position() + 4 * count);
        return v;
    }

    /** TF.js affine quantisation: value = min + scale * q, q an unsigned 8- or 16-bit integer. */
    static float[] dequantise(Map<String, Object> q, ByteBuffer data, int count) {
        String dtype = String.valueOf(q.get("dtype"));
        double min = ((Number) q.get("min")).doubleValue();
        double scale = ((Number) q.get("scale")).doubleValue();
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            int code = switch (dtype) {
                case "uint8" -> Byte.toUnsignedInt(data.get());
                case "uint16" -> Short.toUnsignedInt(data.getShort());
                default -> throw new IllegalArgumentException("quantisation dtype '" + dtype + "' is not supported (uint8, uint16 are)");
            };
            v[i] = (float) (min + scale * code);
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o, String modelName) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(modelName + ": expected a JSON object, found " + o);
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
    }
}
