#!/usr/bin/python3
"""Independent reading of an RT Structure Set as masks on its source images, for the tests, by one
of two programs TumorJ does not share code with:

  plastimatch  Debian plastimatch: `plastimatch convert --input rtstruct --referenced-ct DIR
               --output-prefix` rasterises each ROI to a NIfTI mask on the CT's grid (read here with
               nibabel; each voxel's position, RAS -> LPS, is placed back on the image it lies on)
  dicompyler   Debian python3-dicompylercore: its DicomParser reads the ROIs and contours, and its
               dvhcalc.get_contour_mask (the rasterisation its DVH calculation uses: pixel centres
               inside the polygon, matplotlib) fills each contour on the image whose plane it lies in

Prints JSON: {"tool", "version", "rois": [{"number", "name", "slices": {SOP Instance UID: [row *
columns + column, ...]}}]}. The source images must be axial for dicompyler (as its DVH code assumes).

usage: rtstruct-oracle.py plastimatch|dicompyler SOURCE_DIR RTSTRUCT_FILE
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import pydicom


def images(folder):
    out = []
    for name in sorted(os.listdir(folder)):
        try:
            ds = pydicom.dcmread(os.path.join(folder, name), stop_before_pixels=True)
        except Exception:
            continue
        if "ImagePositionPatient" in ds and "PixelSpacing" in ds:
            out.append(ds)
    return out


class Grid:
    """Where a point in patient mm (LPS) lies: which image, which row and column."""

    def __init__(self, slices):
        self.slices = slices
        first = slices[0]
        iop = [float(v) for v in first.ImageOrientationPatient]
        self.row_dir, self.col_dir = np.array(iop[:3]), np.array(iop[3:])
        self.normal = np.cross(self.row_dir, self.col_dir)
        self.dy, self.dx = (float(v) for v in first.PixelSpacing)
        self.rows, self.columns = int(first.Rows), int(first.Columns)
        self.origins = [np.array([float(v) for v in s.ImagePositionPatient]) for s in slices]
        self.along = np.array([o @ self.normal for o in self.origins])

    def image_of(self, point):
        k = int(np.argmin(np.abs(self.along - point @ self.normal)))
        return k, abs(self.along[k] - point @ self.normal)

    def pixel(self, point):
        k, off = self.image_of(point)
        d = point - self.origins[k]
        return k, off, d @ self.row_dir / self.dx, d @ self.col_dir / self.dy


def plastimatch(source, rtstruct):
    import nibabel
    grid = Grid(images(source))
    version = subprocess.run(["plastimatch", "--version"], capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        listing = os.path.join(tmp, "list.txt")
        p = subprocess.run(["plastimatch", "convert", "--input", rtstruct, "--referenced-ct", source,
                            "--output-prefix", os.path.join(tmp, "masks"), "--prefix-format", "nii.gz",
                            "--output-ss-list", listing], capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit("plastimatch failed:\n" + p.stdout + p.stderr)
        names = [line.rstrip("\n").split("|", 2)[2] for line in open(listing) if line.strip()]
        rois = []
        for number, name in enumerate(names, 1):
            img = nibabel.load(os.path.join(tmp, "masks", name + ".nii.gz"))
            data = np.asarray(img.dataobj)
            slices = {}
            for ijk in np.argwhere(data > 0):
                ras = img.affine @ np.append(ijk, 1.0)
                lps = np.array([-ras[0], -ras[1], ras[2]])
                k, off, col, row = grid.pixel(lps)
                if off > 0.01 or abs(col - round(col)) > 0.01 or abs(row - round(row)) > 0.01:
                    sys.exit(f"plastimatch voxel {ijk.tolist()} of {name} is not on the CT's grid")
                uid = str(grid.slices[k].SOPInstanceUID)
                slices.setdefault(uid, []).append(int(round(row)) * grid.columns + int(round(col)))
            rois.append({"number": number, "name": name, "slices": {u: sorted(v) for u, v in slices.items()}})
    return {"tool": "plastimatch", "version": version, "rois": rois}


def dicompyler(source, rtstruct):
    import dicompylercore
    from dicompylercore import dicomparser, dvhcalc
    grid = Grid(images(source))
    if abs(abs(grid.normal[2]) - 1) > 1e-6 or abs(grid.row_dir[0] - 1) > 1e-6:
        sys.exit("dicompyler-core's contour masks assume axial images with rows along +x")
    parser = dicomparser.DicomParser(rtstruct)
    rois = []
    for number, roi in sorted(parser.GetStructures().items()):
        slices = {}
        for plane in parser.GetStructureCoordinates(number).values():
            for contour in plane:
                if contour["type"].upper() != "CLOSED_PLANAR":
                    continue
                points = np.array(contour["data"], dtype=float)
                k, off = grid.image_of(points[0])
                if off > 0.5:
                    sys.exit(f"a contour of ROI {number} lies {off} mm off every image")
                origin = grid.origins[k]
                lut = [origin[0] + grid.dx * np.arange(grid.columns), origin[1] + grid.dy * np.arange(grid.rows)]
                xs, ys = np.meshgrid(lut[0], lut[1])
                centres = np.vstack((xs.ravel(), ys.ravel())).T
                mask = dvhcalc.get_contour_mask({"lut": lut}, number, centres, points[:, :2])
                uid = str(grid.slices[k].SOPInstanceUID)
                pixels = set(slices.get(uid, [])) ^ set(np.flatnonzero(mask.ravel()).tolist())  # even-odd: holes
                slices[uid] = sorted(pixels)
        rois.append({"number": int(number), "name": str(roi["name"]), "slices": slices})
    return {"tool": "dicompyler-core", "version": dicompylercore.__version__, "rois": rois}


if __name__ == "__main__":
    tool, source, rtstruct = sys.argv[1:4]
    print(json.dumps({"plastimatch": plastimatch, "dicompyler": dicompyler}[tool](source, rtstruct)))
