#!/usr/bin/python3
"""Independent reading of TumorJ's DICOM exports with pydicom (Debian python3-pydicom), for the
tests: prints, as JSON, what a SEG and an RTSTRUCT say, with every RTSTRUCT contour point turned
back into pixel coordinates of the source image it names, using that image's own geometry as
pydicom reads it from the source folder (a contour naming an image not in that folder, as in a
de-identified export, is listed without its points).

usage: export-oracle.py SOURCE_DIR SEG_FILE RTSTRUCT_FILE
       export-oracle.py --fractional SEG_FILE
(the second: a fractional SEG's type, maximum, segments and, per frame, its source image and
every stored value, as pydicom decodes them)
"""
import json
import os
import sys

import numpy as np
import pydicom


def sources(folder):
    by_uid = {}
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        try:
            ds = pydicom.dcmread(path, stop_before_pixels=True)
        except Exception:
            continue
        if "ImagePositionPatient" in ds:
            by_uid[str(ds.SOPInstanceUID)] = ds
    return by_uid


def identity(ds):
    return {
        "sop_class": str(ds.SOPClassUID),
        "modality": str(ds.Modality),
        "study": str(ds.StudyInstanceUID),
        "series": str(ds.SeriesInstanceUID),
        "patient_name": str(ds.get("PatientName", "")),
        "patient_id": str(ds.get("PatientID", "")),
        "identity_removed": str(ds.get("PatientIdentityRemoved", "")),
    }


def seg(path):
    ds = pydicom.dcmread(path)
    frames = ds.pixel_array.reshape(int(ds.NumberOfFrames), int(ds.Rows), int(ds.Columns))
    out = identity(ds)
    out.update({
        "frame_of_reference": str(ds.FrameOfReferenceUID),
        "segmentation_type": str(ds.SegmentationType),
        "segments": [{"number": int(s.SegmentNumber), "label": str(s.SegmentLabel),
                      "algorithm_type": str(s.SegmentAlgorithmType),
                      "category": str(s.SegmentedPropertyCategoryCodeSequence[0].CodeValue),
                      "type": str(s.SegmentedPropertyTypeCodeSequence[0].CodeValue)} for s in ds.SegmentSequence],
        "frames": [],
    })
    for i, f in enumerate(ds.PerFrameFunctionalGroupsSequence):
        source = f.DerivationImageSequence[0].SourceImageSequence[0]
        out["frames"].append({
            "segment": int(f.SegmentIdentificationSequence[0].ReferencedSegmentNumber),
            "source": str(source.ReferencedSOPInstanceUID),
            "position": [float(v) for v in f.PlanePositionSequence[0].ImagePositionPatient],
            "pixels": int(np.count_nonzero(frames[i])),
            "indices": np.flatnonzero(frames[i]).tolist(),
        })
    return out


def rtstruct(path, images):
    ds = pydicom.dcmread(path)
    out = identity(ds)
    refs = ds.ReferencedFrameOfReferenceSequence[0]
    out["frame_of_reference"] = str(refs.FrameOfReferenceUID)
    out["contour_images"] = [str(i.ReferencedSOPInstanceUID) for s in refs.RTReferencedStudySequence
                             for r in s.RTReferencedSeriesSequence for i in r.ContourImageSequence]
    names = {int(r.ROINumber): str(r.ROIName) for r in ds.StructureSetROISequence}
    types = {int(o.ReferencedROINumber): str(o.get("RTROIInterpretedType", "")) for o in ds.RTROIObservationsSequence}
    out["rois"] = []
    for roi in ds.ROIContourSequence:
        number = int(roi.ReferencedROINumber)
        contours = []
        for c in roi.ContourSequence:
            sop = str(c.ContourImageSequence[0].ReferencedSOPInstanceUID)
            if sop not in images:  # de-identified: the source folder holds the original UIDs
                contours.append({"source": sop, "type": str(c.ContourGeometricType)})
                continue
            image = images[sop]
            origin = np.array([float(v) for v in image.ImagePositionPatient])
            iop = [float(v) for v in image.ImageOrientationPatient]
            row, col = np.array(iop[:3]), np.array(iop[3:])
            normal = np.cross(row, col)
            dy, dx = (float(v) for v in image.PixelSpacing)
            points = np.array([float(v) for v in c.ContourData]).reshape(-1, 3) - origin
            contours.append({
                "source": sop,
                "type": str(c.ContourGeometricType),
                "count": int(c.NumberOfContourPoints),
                "pixels": [[float(p @ row / dx), float(p @ col / dy)] for p in points],
                "off_plane_mm": float(max(abs(p @ normal) for p in points)),
                "spacing": [dx, dy],
            })
        out["rois"].append({"number": number, "name": names[number], "interpreted_type": types[number],
                            "color": [int(v) for v in roi.ROIDisplayColor], "contours": contours})
    return out


def fractional(path):
    ds = pydicom.dcmread(path)
    frames = ds.pixel_array.reshape(int(ds.NumberOfFrames), int(ds.Rows), int(ds.Columns))
    out = identity(ds)
    out.update({
        "segmentation_type": str(ds.SegmentationType),
        "fractional_type": str(ds.SegmentationFractionalType),
        "maximum": int(ds.MaximumFractionalValue),
        "bits": [int(ds.BitsAllocated), int(ds.BitsStored), int(ds.HighBit)],
        "segments": [{"number": int(s.SegmentNumber), "label": str(s.SegmentLabel)} for s in ds.SegmentSequence],
        "frames": [],
    })
    for i, f in enumerate(ds.PerFrameFunctionalGroupsSequence):
        out["frames"].append({
            "segment": int(f.SegmentIdentificationSequence[0].ReferencedSegmentNumber),
            "source": str(f.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID),
            "position": [float(v) for v in f.PlanePositionSequence[0].ImagePositionPatient],
            "values": frames[i].astype(int).ravel().tolist(),
        })
    return out


if __name__ == "__main__" and sys.argv[1] == "--fractional":
    print(json.dumps(fractional(sys.argv[2])))
elif __name__ == "__main__":
    images = sources(sys.argv[1])
    print(json.dumps({"seg": seg(sys.argv[2]), "rtstruct": rtstruct(sys.argv[3], images)}))
