// Reference outputs of the nsfwjs MobileNetV2 through TensorFlow.js' pure-JavaScript CPU backend,
// an implementation independent of TumorJ's importer. Run once: `npm ci && node reference.js`.
// Writes src/test/resources/org/tumorj/backbone/tfjs-reference.json, which BackboneReferenceTest reads.
// The inputs are integer formulas so that Java builds bit-identical images (see ReferenceImages.java).
'use strict';
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');

const SIZE = 224;
const CLASSES = ['Drawing', 'Hentai', 'Neutral', 'Porn', 'Sexy'];
const PATTERNS = {
  gradient: (y, x, c) => (x + 2 * y + 85 * c) % 256,
  checkerboard: (y, x, c) => ((Math.floor(x / 16) + Math.floor(y / 16)) % 2) * 200 + 20 * c + 10,
  hash: (y, x, c) => (Math.imul(x, 73856093) ^ Math.imul(y, 19349663) ^ Math.imul(c, 83492791)) & 255,
};

function image(pattern) {
  const data = new Float32Array(SIZE * SIZE * 3);
  let i = 0;
  for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) for (let c = 0; c < 3; c++) data[i++] = pattern(y, x, c) / 255;
  return tf.tensor4d(data, [1, SIZE, SIZE, 3]);
}

async function main() {
  await tf.setBackend('cpu');
  const modelDir = path.join(__dirname, 'node_modules/nsfwjs/dist/models/mobilenet_v2');
  const artifacts = require(path.join(modelDir, 'model.min.js'));
  const weights = Buffer.from(require(path.join(modelDir, 'group1-shard1of1.min.js')), 'base64');
  const model = await tf.loadLayersModel(tf.io.fromMemory({
    modelTopology: artifacts.modelTopology,
    weightSpecs: artifacts.weightsManifest[0].weights,
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
  }));
  const trunk = tf.model({ inputs: model.inputs, outputs: model.getLayer('out_relu').output });
  const cases = [];
  for (const [name, pattern] of Object.entries(PATTERNS)) {
    const x = image(pattern);
    const embedding = tf.mean(trunk.predict(x), [1, 2]);
    const probabilities = model.predict(x);
    cases.push({ name, embedding: Array.from(await embedding.data()), probabilities: Array.from(await probabilities.data()) });
  }
  const out = {
    generator: 'scripts/tfjs-reference/reference.js',
    tfjs: tf.version.tfjs, backend: tf.getBackend(), nsfwjs: JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules/nsfwjs/package.json'))).version,
    inputSize: SIZE, classes: CLASSES, cases,
  };
  const target = path.join(__dirname, '../../src/test/resources/org/tumorj/backbone/tfjs-reference.json');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify(out) + '\n');
  console.log('wrote', target);
}

main().catch((e) => { console.error(e); process.exit(1); });
