#!/usr/bin/python3
"""What independent readers find in the registry test files of test-images (public files from
Debian packages, listed in their SOURCES.md), for RegistryFilesTest: prints one JSON object,
file name -> what was read.

  NIfTI (.nii, .nii.gz)  nibabel (Debian python3-nibabel): shape, the first volume's sum (NaN left out) and NaN count and
                         40 sample voxels (value scaled by scl_slope/inter, centre in RAS mm, by
                         nibabel's best affine), or the error nibabel gives
  DICOM SEG              pydicom (Debian python3-pydicom): segment labels, per frame its segment
                         label, source SOP Instance UID and set pixel indices
  DICOM RTSTRUCT         pydicom: per CLOSED_PLANAR contour its ROI name, referenced SOP Instance
                         UID and points (mm)

usage: registry-oracle.py FILE...
"""
import json
import os
import sys

import numpy as np


def nifti(path):
    import nibabel as nib
    img = nib.load(path)
    if not hasattr(img, "affine"):  # CIFTI-2 and the like: a matrix in a NIfTI-2 file, no voxel grid
        return {"kind": "not-an-image", "why": type(img).__name__, "reader": "nibabel " + nib.__version__}
    shape = [int(s) for s in img.shape]
    data = np.asanyarray(img.dataobj, dtype=np.float64)
    while data.ndim > 3:
        data = data[..., 0]
    while data.ndim < 3:
        data = data[..., np.newaxis]
    rng = np.random.default_rng(11)
    samples = []
    for _ in range(40):
        i, j, k = (int(rng.integers(0, n)) for n in data.shape)
        ras = img.affine @ np.array([i, j, k, 1.0])
        samples.append({"i": i, "j": j, "k": k, "value": float(data[i, j, k]), "ras": [float(x) for x in ras[:3]]})
    return {"kind": "nifti", "shape": shape, "sum": float(np.nansum(data)), "nans": int(np.isnan(data).sum()), "samples": samples,
            "reader": "nibabel " + nib.__version__}


def seg(ds):
    frames = ds.pixel_array.reshape(int(ds.get("NumberOfFrames", 1)), int(ds.Rows), int(ds.Columns))
    labels = {int(s.SegmentNumber): str(s.SegmentLabel) for s in ds.SegmentSequence}
    out = {"kind": "seg", "type": str(ds.SegmentationType), "segments": sorted(labels.values()), "frames": []}
    # pydicom's single-frame SEGs keep their original Per-Frame items: only the first NumberOfFrames count
    for i, f in enumerate(list(ds.PerFrameFunctionalGroupsSequence)[:len(frames)]):
        source = ""
        if "DerivationImageSequence" in f and "SourceImageSequence" in f.DerivationImageSequence[0]:
            source = str(f.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID)
        number = int(f.SegmentIdentificationSequence[0].ReferencedSegmentNumber)
        out["frames"].append({"segment": labels[number], "source": source,
                              "indices": np.flatnonzero(frames[i]).tolist()})
    return out


def rtstruct(ds):
    names = {int(r.ROINumber): str(r.ROIName) for r in ds.StructureSetROISequence}
    contours = []
    for roi in ds.ROIContourSequence:
        for c in roi.get("ContourSequence", []):
            if str(c.ContourGeometricType) != "CLOSED_PLANAR":
                continue
            image = str(c.ContourImageSequence[0].ReferencedSOPInstanceUID) if "ContourImageSequence" in c else ""
            contours.append({"roi": names.get(int(roi.ReferencedROINumber), ""), "image": image,
                             "points": [float(v) for v in c.ContourData]})
    return {"kind": "rtstruct", "contours": contours}


def dicom(path):
    import pydicom
    ds = pydicom.dcmread(path, force=True)
    reader = "pydicom " + pydicom.__version__
    modality = str(ds.get("Modality", ""))
    out = seg(ds) if modality == "SEG" else rtstruct(ds) if modality == "RTSTRUCT" else {"kind": modality}
    out["reader"] = reader
    return out


result = {}
for path in sys.argv[1:]:
    name = os.path.basename(path)
    try:
        result[name] = nifti(path) if name.endswith((".nii", ".nii.gz")) else dicom(path)
    except Exception as e:  # the oracle cannot read it either: say so, the test decides
        result[name] = {"kind": "error", "error": f"{type(e).__name__}: {e}"}
print(json.dumps(result))
