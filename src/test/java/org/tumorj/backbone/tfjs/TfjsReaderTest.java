package org.tumorj.backbone.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading TF.js files as npm packages ship them: JS-wrapped, base64 shards, quantised weights. */
class TfjsReaderTest {
    private static final String MANIFEST = "weightsManifest:[{paths:[\"g1\"],weights:["
            + "{name:\"d/kernel\",shape:[2],dtype:\"float32\",quantization:{min:-1,scale:.5,dtype:\"uint8\"}},"
            + "{name:\"d/bias\",shape:[1],dtype:\"float32\",quantization:{min:10,scale:.25,dtype:\"uint16\"}}]}]";
    private static final String TOPOLOGY = "modelTopology:{model_config:{class_name:\"Sequential\",config:[{class_name:\"Dense\","
            + "config:{name:\"d\",units:1,use_bias:!0,activation:\"linear\"}}]}}";
    /** uint8 codes 0 and 4, then uint16 code 3 (little-endian). */
    private static final byte[] SHARD = {0, 4, 3, 0};

    @Test
    void minifiedLiteralsParse() {
        Object v = JsLiteral.parse("{a:!0,b:!1,'c':[.5,-.25,1e3],d:null,\"e\":\"x\\\"y\"}");
        assertEquals(Map.of("a", true, "b", false, "c", List.of(0.5, -0.25, 1000.0), "e", "x\"y"),
                ((Map<?, ?>) v).entrySet().stream().filter(e -> e.getValue() != null)
                        .collect(java.util.stream.Collectors.toMap(e -> e.getKey(), e -> e.getValue())));
    }

    @Test
    void malformedInputSaysWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsLiteral.parse("{a:[1,2}"));
        assertTrue(e.getMessage().contains("at character"), e.getMessage());
    }

    @Test
    void jsWrappedModelAndBase64ShardAreUnwrappedAndDequantised() throws IOException {
        String model = "!function(e){module.exports=e()}(function(){return{1:[function(e,a,n){a.exports={" + TOPOLOGY + "," + MANIFEST + "}},{}]}});";
        String shard = "!function(e){module.exports=e()}(function(){h.exports=\"" + Base64.getEncoder().encodeToString(SHARD) + "\"});";
        TfjsModel m = TfjsReader.read(model.getBytes(StandardCharsets.UTF_8), "model.min.js",
                p -> p.equals("g1.min.js") ? shard.getBytes(StandardCharsets.US_ASCII) : null);
        assertArrayEquals(new float[] {-1f, 1f}, m.weights().get("d/kernel").values()); // -1 + 0.5 * {0, 4}
        assertArrayEquals(new float[] {10.75f}, m.weights().get("d/bias").values()); // 10 + 0.25 * 3
        assertEquals(List.of("input", "d"), m.layers().stream().map(TfjsLayer::name).toList());
    }

    @Test
    void plainJsonWithBinaryShard() throws IOException {
        String json = "{\"modelTopology\":{\"model_config\":{\"class_name\":\"Sequential\",\"config\":[]}},"
                + "\"weightsManifest\":[{\"paths\":[\"g1\"],\"weights\":[{\"name\":\"w\",\"shape\":[1],\"dtype\":\"float32\"}]}]}";
        byte[] bin = {0, 0, (byte) 0x80, 0x3f}; // 1.0f little-endian
        TfjsModel m = TfjsReader.read(json.getBytes(StandardCharsets.UTF_8), "model.json", p -> p.equals("g1") ? bin : null);
        assertArrayEquals(new float[] {1f}, m.weights().get("w").values());
    }

    @Test
    void missingShardIsNamed() {
        String model = "{" + TOPOLOGY + "," + MANIFEST + "}";
        IOException e = assertThrows(IOException.class, () -> TfjsReader.read(model.getBytes(StandardCharsets.UTF_8), "m.json", p -> null));
        assertTrue(e.getMessage().contains("'g1' not found"), e.getMessage());
    }

    @Test
    void shortShardIsReported() {
        String model = "{" + TOPOLOGY + "," + MANIFEST + "}";
        IOException e = assertThrows(IOException.class, () -> TfjsReader.read(model.getBytes(StandardCharsets.UTF_8), "m.json",
                p -> p.equals("g1") ? new byte[] {0, 4} : null));
        assertTrue(e.getMessage().contains("d/bias"), e.getMessage());
    }
}
