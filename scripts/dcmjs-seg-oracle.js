#!/usr/bin/env node
// Independent reading of a DICOM Segmentation with dcmjs (npm), the library OHIF's viewer loads
// SEG with, for the tests: dcmjs's own Cornerstone adapter (Segmentation.generateToolState, the
// path OHIF 2 takes) places each frame on a source image of SOURCE_DIR, and the script prints, as
// JSON, per segment its label and per source image (SOP Instance UID) the pixel indices
// (row * columns + column) that belong to it. The images' metadata come from dcmjs too.
//
// A FRACTIONAL segmentation is also read by dcmjs's data layer (DicomMessage.readFile,
// naturalised): the script then prints its type, maximum and, per frame, the source image it
// names and every stored value, and under "adapter" what the Cornerstone adapter said of it
// (dcmjs 0.49.4: "Fractional segmentations are not yet supported").
//
// usage: DCMJS=/path/to/node_modules/dcmjs node dcmjs-seg-oracle.js SOURCE_DIR SEG_FILE
// (scripts/install-test-tools installs dcmjs into ~/.cache/tumorj/npm/dcmjs-<version>)
"use strict";
const fs = require("fs");
const path = require("path");
const dcmjs = require(process.env.DCMJS || "dcmjs");

function read(file) {
    const bytes = fs.readFileSync(file);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const dict = dcmjs.data.DicomMessage.readFile(buffer);
    const ds = dcmjs.data.DicomMetaDictionary.naturalizeDataset(dict.dict);
    ds._meta = dcmjs.data.DicomMetaDictionary.namifyDataset(dict.meta);
    return { ds, buffer };
}

function listFiles(dir) {
    return fs.readdirSync(dir).sort().map(n => path.join(dir, n)).filter(f => fs.statSync(f).isFile());
}

const [sourceDir, segFile] = process.argv.slice(2);
const images = {};
for (const f of listFiles(sourceDir)) {
    try {
        const { ds } = read(f);
        if (ds.ImagePositionPatient) images[f] = ds;
    } catch (e) { /* not DICOM */ }
}
const imageIds = Object.keys(images);
const metadataProvider = {
    get(type, imageId) {
        const ds = images[imageId];
        if (!ds) return undefined;
        if (type === "instance") return ds;
        if (type === "generalSeriesModule") return { seriesInstanceUID: ds.SeriesInstanceUID, modality: ds.Modality };
        if (type === "sopCommonModule") return { sopInstanceUID: ds.SOPInstanceUID, sopClassUID: ds.SOPClassUID };
        if (type === "imagePixelModule") return { rows: ds.Rows, columns: ds.Columns };
        if (type === "imagePlaneModule") {
            return {
                imagePositionPatient: ds.ImagePositionPatient,
                rowCosines: ds.ImageOrientationPatient.slice(0, 3),
                columnCosines: ds.ImageOrientationPatient.slice(3, 6),
                rows: ds.Rows, columns: ds.Columns,
            };
        }
        return undefined;
    },
};
const { buffer } = read(segFile);
const { ds: seg } = read(segFile);
const version = require(path.join(process.env.DCMJS || "dcmjs", "package.json")).version;
const rows = seg.Rows, columns = seg.Columns, frameSize = rows * columns;
const segments = [].concat(seg.SegmentSequence).map(s => ({
    number: s.SegmentNumber, label: s.SegmentLabel, slices: {},
}));
if (seg.SegmentationType === "FRACTIONAL") {
    const pixels = new Uint8Array(Array.isArray(seg.PixelData) ? seg.PixelData[0] : seg.PixelData);
    const frames = [].concat(seg.PerFrameFunctionalGroupsSequence).map((f, i) => ({
        segment: [].concat(f.SegmentIdentificationSequence)[0].ReferencedSegmentNumber,
        source: [].concat([].concat(f.DerivationImageSequence)[0].SourceImageSequence)[0].ReferencedSOPInstanceUID,
        values: Array.from(pixels.subarray(i * frameSize, (i + 1) * frameSize)),
    }));
    let adapter = "read";
    try {
        dcmjs.adapters.Cornerstone.Segmentation.generateToolState(imageIds, buffer, metadataProvider);
    } catch (e) {
        adapter = String(e.message || e);
    }
    console.log(JSON.stringify({ dcmjs: version, rows, columns, segmentation_type: seg.SegmentationType,
        fractional_type: seg.SegmentationFractionalType, maximum: seg.MaximumFractionalValue,
        bits: [seg.BitsAllocated, seg.BitsStored, seg.HighBit],
        segments: segments.map(s => ({ number: s.number, label: s.label })), frames, adapter }));
} else {
    binary();
}

function binary() {
    const state = dcmjs.adapters.Cornerstone.Segmentation.generateToolState(imageIds, buffer, metadataProvider);
    // Each labelmap buffer: one 16-bit segment number per pixel per source image (imageIds' order);
    // overlapping segments go to further buffers.
    for (const b of state.labelmapBufferArray) {
        const labels = new Uint16Array(b);
        for (let i = 0; i < imageIds.length; i++) {
            const uid = images[imageIds[i]].SOPInstanceUID;
            for (let p = 0; p < frameSize; p++) {
                const label = labels[i * frameSize + p];
                if (label > 0) {
                    const s = segments.find(x => x.number === label);
                    (s.slices[uid] = s.slices[uid] || []).push(p);
                }
            }
        }
    }
    console.log(JSON.stringify({ dcmjs: version, rows, columns, segments }));
}
