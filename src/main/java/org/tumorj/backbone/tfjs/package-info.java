/**
 * A TensorFlow.js layers-model importer: reads {@code model.json} topologies and weight shards
 * (plain files or the JavaScript-wrapped, base64 form some npm packages ship), dequantises
 * uint8/uint16 weights and rebuilds the network as a TensorFlow graph with TF Java's {@code Ops}.
 * Plain Java plus TensorFlow Java; no ImageJ, no DJL.
 */
package org.tumorj.backbone.tfjs;
