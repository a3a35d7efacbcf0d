#!/usr/bin/python3
"""Small projection radiographs (DX/CR) for the reader's tests, and what pydicom makes of them.

Run with Debian's python:  /usr/bin/python3 scripts/make-xray-fixtures.py
Needs python3-pydicom (2.3.x) and python3-numpy. Writes test-images/dicom/xray/*.dcm and
test-images/dicom/xray/expected.json; both are committed, so the Java tests need no python.

The oracle is pydicom's own pixel pipeline (pydicom.pixel_data_handlers.util.apply_modality_lut
then apply_voi_lut with prefer_lut=True), read back from the written files; the pixel data is
synthetic and deterministic. Two pydicom limits shape the fixtures:
- apply_voi unpacks OW LUT Data as 16-bit words, so an 8-bit LUT packed two entries per word (the
  format PS3.3 C.11.2.1.1 asks for) is not read right by it. The packed file's expected values
  come from its twin that stores the same LUT one entry per US word.
- for 8-bit LUTs apply_voi indexes with uint8, so inputs more than 255 above the first mapped
  value would wrap; the 8-bit fixtures keep every pixel within [first - 50, first + 255].
"""
import json
import math
import zlib
import os

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
from pydicom.pixel_data_handlers.util import apply_modality_lut, apply_voi_lut
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, ImplicitVRLittleEndian

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test-images", "dicom", "xray")
DX = "1.2.840.10008.5.1.4.1.1.1.1"   # Digital X-Ray Image Storage - For Presentation
CR = "1.2.840.10008.5.1.4.1.1.1"     # Computed Radiography Image Storage
SC = "1.2.840.10008.5.1.4.1.1.7"     # Secondary Capture Image Storage
ROOT_UID = "2.25.3141592653589793238462643383279"
STUDY = ROOT_UID + ".1"
# A handful of pixels each test checks, (x, y): corners, centre, points along the gradient
SAMPLES = [(0, 0), (63, 0), (0, 47), (63, 47), (32, 24), (10, 5), (50, 40), (20, 30), (5, 44), (40, 12)]


def base(name, sop_class, modality, rows=48, cols=64, signed=False, implicit=False, series=None):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = ROOT_UID + ".2." + str(zlib.crc32(name.encode()))
    meta.TransferSyntaxUID = ImplicitVRLittleEndian if implicit else ExplicitVRLittleEndian
    ds = FileDataset(name, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.is_little_endian = True
    ds.is_implicit_VR = implicit
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.Modality = modality
    ds.PatientID = "XRAY-FIXTURE"
    ds.StudyInstanceUID = STUDY
    ds.SeriesInstanceUID = series or ROOT_UID + ".3." + str(zlib.crc32(name.encode()))
    ds.SeriesDescription = name
    ds.InstanceNumber = 1
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows, ds.Columns = rows, cols
    ds.BitsAllocated = 16
    ds.BitsStored = 12 if not signed else 16
    ds.HighBit = ds.BitsStored - 1
    ds.PixelRepresentation = 1 if signed else 0
    return ds


def pixels(ds, low, high):
    """A smooth gradient with a bright disc: deterministic, covering [low, high]."""
    rows, cols = ds.Rows, ds.Columns
    y, x = np.mgrid[0:rows, 0:cols]
    ramp = (x / (cols - 1) * 0.7 + y / (rows - 1) * 0.3)
    disc = ((x - cols * 0.6) ** 2 + (y - rows * 0.4) ** 2) < (min(rows, cols) * 0.2) ** 2
    v = low + (high - low) * np.clip(ramp * 0.85 + disc * 0.15, 0, 1)
    arr = np.round(v).astype(np.int16 if ds.PixelRepresentation else np.uint16)
    ds.PixelData = arr.astype("<i2" if ds.PixelRepresentation else "<u2").tobytes()


def lut_item(first, bits, table, explanation, vr="US", descriptor_vr="US"):
    item = Dataset()
    n = len(table)
    item.add_new(0x00283002, descriptor_vr, [n if n < 65536 else 0, first, bits])
    if vr == "OW":
        item.add_new(0x00283006, "OW", np.asarray(table, dtype="<u2").tobytes())
    elif vr == "OW-packed":  # 8-bit entries, two per 16-bit word, first entry in the low byte
        raw = np.asarray(table, dtype=np.uint8).tobytes()
        item.add_new(0x00283006, "OW", raw + (b"\0" if len(raw) % 2 else b""))
    else:
        item.add_new(0x00283006, "US", [int(t) for t in table])
    item.LUTExplanation = explanation
    return item


def sigmoid(n, bits, steep):
    top = 2 ** bits - 1
    return [int(round(top / (1 + math.exp(-(i - n / 2) / steep)))) for i in range(n)]


def write(ds, relative):
    path = os.path.join(OUT, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    ds.save_as(path, write_like_original=False)
    return path


def oracle(relative, twin=None):
    """pydicom's modality values and VOI output at SAMPLES, read back from the file (or its twin)."""
    ds = pydicom.dcmread(os.path.join(OUT, twin or relative))
    modality = apply_modality_lut(ds.pixel_array, ds)
    voi = apply_voi_lut(modality, ds, prefer_lut=True)
    facts = {"samples": []}
    if "VOILUTSequence" in ds:
        facts["voiBits"] = int(ds.VOILUTSequence[0].LUTDescriptor[2])
    elif "WindowCenter" in ds:
        # apply_windowing's output range (pydicom 2.3): the stored range through the rescale
        lo, hi = (0, 2 ** ds.BitsStored - 1) if ds.PixelRepresentation == 0 else \
            (-2 ** (ds.BitsStored - 1), 2 ** (ds.BitsStored - 1) - 1)
        slope, intercept = float(ds.get("RescaleSlope", 1)), float(ds.get("RescaleIntercept", 0))
        facts["windowOutput"] = [lo * slope + intercept, hi * slope + intercept]
    for x, y in SAMPLES:
        facts["samples"].append({"x": x, "y": y, "modality": float(modality[y, x]), "voi": float(voi[y, x])})
    return facts


def main():
    expected = {}

    # 1. CR-like DX MONOCHROME1 + INVERSE (one inversion), window, ImagerPixelSpacing / magnification
    ds = base("mono1-inverse", DX, "DX")
    ds.PhotometricInterpretation = "MONOCHROME1"
    ds.PresentationLUTShape = "INVERSE"
    ds.WindowCenter, ds.WindowWidth = 2048, 3000
    ds.ImagerPixelSpacing = [0.15, 0.15]
    ds.EstimatedRadiographicMagnificationFactor = 1.2
    pixels(ds, 200, 3900)
    write(ds, "mono1-inverse.dcm")
    expected["mono1-inverse.dcm"] = dict(oracle("mono1-inverse.dcm"), inverted=True, spacing=[0.125, 0.125],
                                         spacingSource="ImagerPixelSpacing / EstimatedRadiographicMagnificationFactor")

    # 2. MONOCHROME2, rescale, two VOI LUTs with 16-bit entries (OW), the first a sigmoid
    ds = base("voi-lut-16bit", DX, "DX")
    ds.RescaleSlope, ds.RescaleIntercept = 1, -100
    ds.PresentationLUTShape = "IDENTITY"
    ds.ImagerPixelSpacing = [0.2, 0.18]
    ds.VOILUTSequence = Sequence([lut_item(400, 16, sigmoid(2500, 16, 350), "SOFT", vr="OW"),
                                  lut_item(0, 16, [min(65535, i * 16) for i in range(4096)], "LINEAR", vr="OW")])
    pixels(ds, 100, 4000)
    write(ds, "voi-lut-16bit.dcm")
    expected["voi-lut-16bit.dcm"] = dict(oracle("voi-lut-16bit.dcm"), inverted=False, spacing=[0.2, 0.18],
                                         spacingSource="ImagerPixelSpacing", detectorPlaneWarning=True)

    # 3. signed pixels, implicit VR: the first mapped value is -1000, stored as SS bytes that our
    #    reader sees as US (implicit VR) and must read as signed from PixelRepresentation
    ds = base("voi-lut-signed", CR, "CR", signed=True, implicit=True)
    ds.PixelSpacing = [0.16, 0.16]
    ds.VOILUTSequence = Sequence([lut_item(-1000, 12, sigmoid(2000, 12, 250), "SIGNED", descriptor_vr="SS")])
    pixels(ds, -1500, 1500)
    write(ds, "voi-lut-signed.dcm")
    expected["voi-lut-signed.dcm"] = dict(oracle("voi-lut-signed.dcm"), inverted=False, spacing=[0.16, 0.16],
                                          spacingSource="PixelSpacing")

    # 4. 8-bit LUT entries: one per US word, and packed two per OW word (same LUT, same pixels)
    table8 = [int(round(255 * (i / 255) ** 0.5)) for i in range(256)]
    for name, vr in (("voi-lut-8bit-us.dcm", "US"), ("voi-lut-8bit-packed.dcm", "OW-packed")):
        ds = base(name[:-4], DX, "DX")
        ds.PixelSpacing = [0.1, 0.1]
        ds.VOILUTSequence = Sequence([lut_item(1000, 8, table8, "GAMMA 0.5", vr=vr)])
        pixels(ds, 950, 1255)
        write(ds, name)
        expected[name] = dict(oracle(name, twin="voi-lut-8bit-us.dcm"), inverted=False, spacing=[0.1, 0.1],
                              spacingSource="PixelSpacing")

    # 5. shutters: rectangle and circle; polygon (1-based rows/columns in the file)
    ds = base("shutter-rect-circle", DX, "DX")
    ds.PixelSpacing = [0.1, 0.1]
    ds.ShutterShape = ["RECTANGULAR", "CIRCULAR"]
    ds.ShutterLeftVerticalEdge, ds.ShutterRightVerticalEdge = 5, 60
    ds.ShutterUpperHorizontalEdge, ds.ShutterLowerHorizontalEdge = 3, 45
    ds.CenterOfCircularShutter = [25, 33]     # row 25, column 33 -> x 32, y 24
    ds.RadiusOfCircularShutter = 22
    pixels(ds, 100, 4000)
    write(ds, "shutter-rect-circle.dcm")
    expected["shutter-rect-circle.dcm"] = {"rectangle": [4, 59, 2, 44], "circle": [32, 24, 22],
                                           "exposed": [[32, 24], [11, 24], [53, 24], [32, 4]],
                                           "shuttered": [[3, 24], [60, 24], [32, 1], [6, 3], [57, 44]]}
    ds = base("shutter-polygon", DX, "DX")
    ds.PixelSpacing = [0.1, 0.1]
    ds.ShutterShape = "POLYGONAL"
    ds.VerticesOfThePolygonalShutter = [1, 11, 48, 1, 48, 64, 1, 54]  # a trapezoid, row\column pairs
    pixels(ds, 100, 4000)
    write(ds, "shutter-polygon.dcm")
    expected["shutter-polygon.dcm"] = {"polygon": [10, 0, 0, 47, 63, 47, 53, 0],
                                       "exposed": [[32, 24], [12, 2], [2, 44]],
                                       "shuttered": [[2, 2], [60, 5], [5, 10]]}

    # 6. PixelSpacing and ImagerPixelSpacing both: PixelSpacing wins, its calibration is named
    ds = base("pixel-spacing-both", DX, "DX")
    ds.PixelSpacing = [0.1, 0.1]
    ds.ImagerPixelSpacing = [0.12, 0.12]
    ds.PixelSpacingCalibrationType = "GEOMETRY"
    pixels(ds, 100, 4000)
    write(ds, "pixel-spacing-both.dcm")
    expected["pixel-spacing-both.dcm"] = {"spacing": [0.1, 0.1], "spacingSource": "PixelSpacing",
                                          "calibration": "GEOMETRY"}

    # 7. a study: PA (DX) and lateral (a DX-like secondary capture, other size) in one series
    series = ROOT_UID + ".4.1"
    pa = base("PA", DX, "DX", series=series)
    pa.PixelSpacing = [0.14, 0.14]
    pa.ViewPosition = "PA"
    pixels(pa, 100, 4000)
    write(pa, "study/pa.dcm")
    lat = base("LAT", SC, "DX", rows=64, cols=48, series=series)
    lat.InstanceNumber = 2
    lat.PixelSpacing = [0.14, 0.14]
    lat.ViewPosition = "LL"
    pixels(lat, 300, 3000)
    write(lat, "study/lateral.dcm")
    expected["study"] = {"images": 2, "seriesInstanceUID": series}

    # 8. a corrupt LUT: the descriptor promises 4096 entries, the data holds 100
    ds = base("corrupt-lut", DX, "DX")
    ds.PixelSpacing = [0.1, 0.1]
    ds.WindowCenter, ds.WindowWidth = 2000, 4000
    bad = lut_item(0, 16, list(range(100)), "BROKEN")
    bad.LUTDescriptor = [4096, 0, 16]
    ds.VOILUTSequence = Sequence([bad])
    pixels(ds, 100, 4000)
    write(ds, "corrupt-lut.dcm")
    expected["corrupt-lut.dcm"] = {"windowCenter": 2000, "windowWidth": 4000}

    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
