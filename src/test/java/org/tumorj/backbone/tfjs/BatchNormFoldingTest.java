package org.tumorj.backbone.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Folding BN into the convolution must not change what the network computes. */
class BatchNormFoldingTest {

    @Test
    void foldedConvBnGivesTheSameOutput() throws Exception {
        String json = "{modelTopology:{model_config:{class_name:'Model',config:{layers:["
                + "{name:'in',class_name:'InputLayer',config:{name:'in'},inbound_nodes:[]},"
                + "{name:'c',class_name:'Conv2D',config:{name:'c',filters:2,kernel_size:[1,1],strides:[1,1],padding:'valid',use_bias:!1,activation:'linear'},inbound_nodes:[[['in',0,0,{}]]]},"
                + "{name:'layer',class_name:'BatchNormalization',config:{name:'layer',epsilon:0.001},inbound_nodes:[[['c',0,0,{}]]]}],"
                + "input_layers:[['in',0,0]],output_layers:[['layer',0,0]]}}},"
                + "weightsManifest:[{paths:['w'],weights:[{name:'c/kernel',shape:[1,1,2,2],dtype:'float32'},"
                + "{name:'layer/gamma',shape:[2],dtype:'float32'},{name:'layer/beta',shape:[2],dtype:'float32'},"
                + "{name:'layer/moving_mean',shape:[2],dtype:'float32'},{name:'layer/moving_variance',shape:[2],dtype:'float32'}]}]}";
        float[] w = {1, 2, -1, 0.5f, /* gamma */ 2, 0.5f, /* beta */ 0.1f, -0.2f, /* mean */ 0.3f, 1, /* var */ 4, 0.25f};
        java.nio.ByteBuffer bin = java.nio.ByteBuffer.allocate(4 * w.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float v : w) {
            bin.putFloat(v);
        }
        TfjsModel model = TfjsReader.read(json.getBytes(StandardCharsets.UTF_8), "m", p -> p.equals("w") ? bin.array() : null);
        TfjsModel folded = BatchNormFolding.fold(model);
        assertEquals("Activation", folded.layer("layer").className());
        float[] in = {0.7f, -1.3f, 2.1f, 0.4f};
        TinyModels.Out a = TinyModels.run(model, in, 1, 1, 2, 2);
        TinyModels.Out b = TinyModels.run(folded, in, 1, 1, 2, 2);
        assertArrayEquals(a.values(), b.values(), 1e-5f);
        assertEquals(List.of("in", "c", "layer"), folded.layers().stream().map(TfjsLayer::name).toList());
    }
}
