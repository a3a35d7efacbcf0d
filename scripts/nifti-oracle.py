#!/usr/bin/env python3
"""Writes NIfTI files with nibabel (Debian python3-nibabel) and prints, as JSON, what an
independent reader must find in them: for sample voxels (i, j, k) nibabel's scaled value and the
voxel centre in RAS mm (nibabel's best affine: sform when sform_code > 0, else qform).
Usage: nifti-oracle.py OUT_DIR  (run by NiftiOracleTest; writes only into OUT_DIR)."""
import json
import os
import sys

import nibabel as nib
import numpy as np

out = sys.argv[1]
rng = np.random.default_rng(7)
shape = (7, 5, 4)


def rotation(ax, ay, az):
    cx, sx, cy, sy, cz, sz = np.cos(ax), np.sin(ax), np.cos(ay), np.sin(ay), np.cos(az), np.sin(az)
    rx = np.array([[1, 0, 0], [0, cx, -sx], [0, sx, cx]])
    ry = np.array([[cy, 0, sy], [0, 1, 0], [-sy, 0, cy]])
    rz = np.array([[cz, -sz, 0], [sz, cz, 0], [0, 0, 1]])
    return rz @ ry @ rx


def affine(rot, spacing, offset, flip_k=False):
    a = np.eye(4)
    a[:3, :3] = rot @ np.diag(spacing)
    if flip_k:
        a[:3, 2] = -a[:3, 2]
    a[:3, 3] = offset
    return a


cases = []


def case(name, cls, data, aff, use_sform=True, stored=None, endianness="<"):
    img = cls(data, None, header=cls.header_class(endianness=endianness))
    if stored is not None:  # nibabel then scales the data into this type: scl_slope and scl_inter in the header
        img.set_data_dtype(stored)
    if use_sform:
        img.set_sform(aff, code=1)
        img.set_qform(None, code=0)
    else:
        img.set_sform(None, code=0)
        img.set_qform(aff, code=1)
    path = os.path.join(out, name)
    nib.save(img, path)
    back = nib.load(path)  # what nibabel itself reads back: the oracle
    values = back.get_fdata()
    best = back.affine
    samples = []
    slope = float(back.dataobj.slope)
    for i, j, k in [(0, 0, 0), (6, 4, 3), (3, 2, 1), (1, 4, 2), (5, 0, 3)]:
        ras = best @ np.array([i, j, k, 1.0])
        samples.append({"i": i, "j": j, "k": k, "value": float(values[i, j, k]), "ras": [float(x) for x in ras[:3]]})
    cases.append({"file": name, "slope": slope, "samples": samples})


oblique = rotation(0.2, -0.1, 0.35)
case("int16-scaled-sform.nii.gz", nib.Nifti1Image, rng.normal(300, 900, shape),
     affine(oblique, [0.8, 0.9, 2.5], [-90.5, 120.25, -30.0]), stored=np.int16)
case("uint8-qform-left-handed.nii", nib.Nifti1Image, rng.integers(0, 255, shape).astype(np.uint8),
     affine(rotation(0.0, 0.0, 0.5), [1.1, 1.2, 3.0], [10.0, -20.0, 5.0], flip_k=True), use_sform=False)
case("float32-nifti2-sform-reversed.nii", nib.Nifti2Image, rng.normal(0, 100, shape).astype(np.float32),
     affine(oblique, [0.7, 0.7, 1.5], [1.0, 2.0, 3.0], flip_k=True))
case("float64-las.nii.gz", nib.Nifti1Image, rng.normal(0, 1, shape).astype(np.float64),
     np.diag([-1.5, 1.5, 2.0, 1.0]) + np.array([[0, 0, 0, 100.0], [0, 0, 0, -50.0], [0, 0, 0, 20.0], [0, 0, 0, 0]]))
case("uint16-nifti2-qform.nii.gz", nib.Nifti2Image, rng.integers(0, 65535, shape).astype(np.uint16),
     affine(rotation(0.1, 0.2, 0.3), [0.5, 0.6, 0.7], [-5.0, 5.0, 50.0]), use_sform=False)
case("int32-bigendian.nii", nib.Nifti1Image, rng.integers(-100000, 100000, shape).astype(">i4"),
     affine(np.eye(3), [1.0, 1.0, 1.0], [0.0, 0.0, 0.0]), endianness=">")
json.dump({"nibabel": nib.__version__, "cases": cases}, sys.stdout, indent=1)
