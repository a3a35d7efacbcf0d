#!/usr/bin/python3
"""Expected pixel values for test-images/dicom, from decoders independent of TumorJ.

Run with Debian's python (not a pyenv one):  /usr/bin/python3 scripts/dicom-oracle.py
Needs Debian packages dcmtk, libgdcm-tools, python3-pydicom, python3-numpy. Compressed files are
first decompressed by dcmtk (JPEG: dcmdjpeg, which also turns lossy YCbCr into RGB; RLE: dcmdrle)
or GDCM (JPEG 2000: gdcmconv --raw); pydicom then only reads native bytes. Stored values are taken
out as DICOM PS3.5 8 says (bits HighBit-BitsStored+1..HighBit, sign from PixelRepresentation of
the ORIGINAL header, not of the codestream), then RescaleSlope/Intercept give modality values.
Writes test-images/dicom/expected.json, committed so the Java tests need none of these tools.

  /usr/bin/python3 scripts/dicom-oracle.py --folder DIR   writes DIR/expected.json for the files
      of one folder (a registry folder, e.g. test-images/dicom/registry/nibabel), each keyed by its
      name; a .gz file is read gunzipped; a file the oracle cannot decode gets {"oracle_error": ...}
"""
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np
import pydicom

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test-images", "dicom")
REFUSED = {"1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81"}  # JPEG-LS: no decoder on Maven Central
JPEG = {"1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70"}
J2K = {"1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91"}
RLE = "1.2.840.10008.1.2.5"
LOSSY = {"1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.91"}


def decompressed(path, ts, tmp):
    out = os.path.join(tmp, "native.dcm")
    if ts in JPEG:
        subprocess.run(["dcmdjpeg", path, out], check=True)
    elif ts == RLE:
        subprocess.run(["dcmdrle", path, out], check=True)
    elif ts in J2K:
        subprocess.run(["gdcmconv", "--raw", path, out], check=True)
    else:
        return path
    return out


def stored_values(orig, native):
    """Raw native samples -> stored values per the original header; shape (frames, rows, cols[, 3])."""
    bits = int(native.BitsAllocated)
    rows, cols = int(native.Rows), int(native.Columns)
    frames = int(getattr(native, "NumberOfFrames", 1) or 1)
    spp = int(getattr(native, "SamplesPerPixel", 1))
    little = native.is_little_endian
    data = native.PixelData
    n = rows * cols * spp * frames
    if bits == 1:
        raw = np.unpackbits(np.frombuffer(data, np.uint8), bitorder="little")[:n].astype(np.int64)
    else:
        dt = {8: "u1", 16: "u2", 32: "u4"}[bits]
        raw = np.frombuffer(data, dtype=np.dtype(dt).newbyteorder("<" if little else ">"))[:n].astype(np.int64)
    stored_bits = int(orig.BitsStored)
    # Decompressed samples are low-aligned whatever HighBit the decompressor wrote; native ones
    # sit where the original HighBit says.
    high = int(getattr(orig, "HighBit", stored_bits - 1)) if native is orig else stored_bits - 1
    if high < stored_bits - 1:
        high = stored_bits - 1
    v = (raw >> (high + 1 - stored_bits)) & ((1 << stored_bits) - 1)
    if int(orig.PixelRepresentation) == 1:
        sign = 1 << (stored_bits - 1)
        v = np.where(v & sign, v - (1 << stored_bits), v)
    if spp == 3:
        planar = int(getattr(native, "PlanarConfiguration", 0))
        if planar == 1:
            v = v.reshape(frames, 3, rows, cols).transpose(0, 2, 3, 1)
        else:
            v = v.reshape(frames, rows, cols, 3)
    else:
        v = v.reshape(frames, rows, cols)
    return v


def ybr_to_rgb(v):
    y, cb, cr = v[..., 0].astype(float), v[..., 1].astype(float) - 128, v[..., 2].astype(float) - 128
    rgb = np.stack([y + 1.402 * cr, y - 0.344136 * cb - 0.714136 * cr, y + 1.772 * cb], axis=-1)
    return np.clip(np.round(rgb), 0, 255).astype(np.int64)


def sample_points(shape, count=12):
    rng = np.random.default_rng(20260101)
    pts = [(0, 0, 0), (shape[0] - 1, shape[1] - 1, shape[2] - 1), (0, shape[1] // 2, shape[2] // 2)]
    while len(pts) < count:
        pts.append(tuple(int(rng.integers(0, s)) for s in shape[:3]))
    return pts


def expected_for(rel):
    path = os.path.join(ROOT, rel)
    orig = pydicom.dcmread(path)
    ts = str(orig.file_meta.TransferSyntaxUID)
    entry = {"transferSyntaxUID": ts}
    if ts in REFUSED or (ts in ("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51") and int(orig.BitsStored) > 8):
        entry["refused"] = True
        return entry
    with tempfile.TemporaryDirectory() as tmp:
        native_path = decompressed(path, ts, tmp)
        native = orig if native_path == path else pydicom.dcmread(native_path)
        v = stored_values(orig, native)
        photometric = str(native.PhotometricInterpretation)
    spp = int(getattr(orig, "SamplesPerPixel", 1))
    if spp == 3:
        if photometric.startswith("YBR_FULL"):
            v = ybr_to_rgb(v)
        values = v.astype(np.float64)
        entry["color"] = True
    else:
        slope = float(getattr(orig, "RescaleSlope", 1) or 1)
        intercept = float(getattr(orig, "RescaleIntercept", 0) or 0)
        values = v.astype(np.float64) * slope + intercept
        entry["color"] = False
    entry.update({
        "lossy": ts in LOSSY,
        "shape": list(values.shape),
        "min": float(values.min()), "max": float(values.max()),
        "mean": float(values.mean()), "sum": float(values.sum()),
        "samples": [{"frame": f, "y": y, "x": x,
                     "value": (values[f, y, x].tolist() if spp == 3 else float(values[f, y, x]))}
                    for f, y, x in sample_points(values.shape)],
    })
    return entry


def folder_expected(folder):
    """DIR/expected.json: each file of DIR (gunzipped first when .gz) by name."""
    result = {}
    for name in sorted(os.listdir(folder)):
        if name == "expected.json" or name.endswith(".md"):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.abspath(os.path.join(folder, name))
            if name.endswith(".gz"):
                plain = os.path.join(tmp, name[:-3])
                with gzip.open(path) as packed, open(plain, "wb") as out:
                    shutil.copyfileobj(packed, out)
                path = plain
            try:
                result[name] = expected_for(path)
            except Exception as e:  # the oracle cannot decode it either: recorded, the test decides
                result[name] = {"oracle_error": f"{type(e).__name__}: {e}"}
    with open(os.path.join(folder, "expected.json"), "w") as f:
        json.dump(result, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {len(result)} entries to {folder}/expected.json", file=sys.stderr)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--folder":
        folder_expected(sys.argv[2])
        return
    files = []
    for d, _, names in os.walk(ROOT):
        for n in names:
            rel = os.path.relpath(os.path.join(d, n), ROOT)
            if (rel.startswith("pydicom/malformed") or rel.startswith("registry/nibabel/")  # own expected.json (--folder)
                    or rel in ("expected.json", "SOURCES.md", "manifest.tsv")):
                continue
            files.append(rel)
    result = {}
    for rel in sorted(files):
        try:
            result[rel] = expected_for(rel)
        except Exception as e:  # a file the oracle itself cannot decode is left out, loudly
            print(f"oracle: {rel}: {e}", file=sys.stderr)
    with open(os.path.join(ROOT, "expected.json"), "w") as f:
        json.dump(result, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {len(result)} entries", file=sys.stderr)


if __name__ == "__main__":
    main()
