package org.tumorj.dicom;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The small part of the DICOM data dictionary the reader needs: the VR of attributes read from
 * implicit-VR files, and names for the header text. Unknown tags get VR UN and no name.
 */
final class DataDictionary {
    private DataDictionary() {}

    record Entry(String vr, String keyword) {}

    private static final Map<Integer, Entry> ENTRIES = new HashMap<>();

    /** Attributes that identify the patient: left out of header text unless asked for. */
    static final Set<Integer> PATIENT_IDENTIFYING = Set.of(
            0x00100010, 0x00100020, 0x00100021, 0x00100030, 0x00100032, 0x00101000, 0x00101001,
            0x00101002, 0x00101005, 0x00101040, 0x00102154, 0x00102160, 0x00101060, 0x00100050,
            0x00101090, 0x00080090, 0x00080092, 0x00080094, 0x00081048, 0x00081050, 0x00081060,
            0x00081070, 0x00080050, 0x00200010, 0x00380010, 0x00324000, 0x00104000);

    static {
        add(0x00020000, "UL", "FileMetaInformationGroupLength");
        add(0x00020001, "OB", "FileMetaInformationVersion");
        add(0x00020002, "UI", "MediaStorageSOPClassUID");
        add(0x00020003, "UI", "MediaStorageSOPInstanceUID");
        add(0x00020010, "UI", "TransferSyntaxUID");
        add(0x00020012, "UI", "ImplementationClassUID");
        add(0x00020013, "SH", "ImplementationVersionName");
        add(0x00080005, "CS", "SpecificCharacterSet");
        add(0x00080008, "CS", "ImageType");
        add(0x00080016, "UI", "SOPClassUID");
        add(0x00080018, "UI", "SOPInstanceUID");
        add(0x00080020, "DA", "StudyDate");
        add(0x00080021, "DA", "SeriesDate");
        add(0x00080022, "DA", "AcquisitionDate");
        add(0x00080023, "DA", "ContentDate");
        add(0x00080030, "TM", "StudyTime");
        add(0x00080031, "TM", "SeriesTime");
        add(0x00080032, "TM", "AcquisitionTime");
        add(0x00080033, "TM", "ContentTime");
        add(0x00080050, "SH", "AccessionNumber");
        add(0x00080060, "CS", "Modality");
        add(0x00080070, "LO", "Manufacturer");
        add(0x00080080, "LO", "InstitutionName");
        add(0x00080081, "ST", "InstitutionAddress");
        add(0x00080090, "PN", "ReferringPhysicianName");
        add(0x00080092, "ST", "ReferringPhysicianAddress");
        add(0x00080094, "SH", "ReferringPhysicianTelephoneNumbers");
        add(0x00081010, "SH", "StationName");
        add(0x00081030, "LO", "StudyDescription");
        add(0x0008103E, "LO", "SeriesDescription");
        add(0x00081048, "PN", "PhysiciansOfRecord");
        add(0x00081050, "PN", "PerformingPhysicianName");
        add(0x00081060, "PN", "NameOfPhysiciansReadingStudy");
        add(0x00081070, "PN", "OperatorsName");
        add(0x00081090, "LO", "ManufacturerModelName");
        add(0x00081140, "SQ", "ReferencedImageSequence");
        add(0x00081150, "UI", "ReferencedSOPClassUID");
        add(0x00081155, "UI", "ReferencedSOPInstanceUID");
        add(0x00082112, "SQ", "SourceImageSequence");
        add(0x00100010, "PN", "PatientName");
        add(0x00100020, "LO", "PatientID");
        add(0x00100021, "LO", "IssuerOfPatientID");
        add(0x00100030, "DA", "PatientBirthDate");
        add(0x00100032, "TM", "PatientBirthTime");
        add(0x00100040, "CS", "PatientSex");
        add(0x00100050, "SQ", "PatientInsurancePlanCodeSequence");
        add(0x00101000, "LO", "OtherPatientIDs");
        add(0x00101001, "PN", "OtherPatientNames");
        add(0x00101002, "SQ", "OtherPatientIDsSequence");
        add(0x00101005, "PN", "PatientBirthName");
        add(0x00101010, "AS", "PatientAge");
        add(0x00101020, "DS", "PatientSize");
        add(0x00101030, "DS", "PatientWeight");
        add(0x00101040, "LO", "PatientAddress");
        add(0x00101060, "PN", "PatientMotherBirthName");
        add(0x00101090, "LO", "MedicalRecordLocator");
        add(0x00102154, "SH", "PatientTelephoneNumbers");
        add(0x00102160, "SH", "EthnicGroup");
        add(0x00104000, "LT", "PatientComments");
        add(0x00180015, "CS", "BodyPartExamined");
        add(0x00180050, "DS", "SliceThickness");
        add(0x00180060, "DS", "KVP");
        add(0x00180080, "DS", "RepetitionTime");
        add(0x00180081, "DS", "EchoTime");
        add(0x00180087, "DS", "MagneticFieldStrength");
        add(0x00180088, "DS", "SpacingBetweenSlices");
        add(0x00181020, "LO", "SoftwareVersions");
        add(0x00181100, "DS", "ReconstructionDiameter");
        add(0x00181114, "DS", "EstimatedRadiographicMagnificationFactor");
        add(0x00181120, "DS", "GantryDetectorTilt");
        add(0x00181150, "IS", "ExposureTime");
        add(0x00181151, "IS", "XRayTubeCurrent");
        add(0x00181164, "DS", "ImagerPixelSpacing");
        add(0x00181210, "SH", "ConvolutionKernel");
        add(0x00181600, "CS", "ShutterShape");
        add(0x00181602, "IS", "ShutterLeftVerticalEdge");
        add(0x00181604, "IS", "ShutterRightVerticalEdge");
        add(0x00181606, "IS", "ShutterUpperHorizontalEdge");
        add(0x00181608, "IS", "ShutterLowerHorizontalEdge");
        add(0x00181610, "IS", "CenterOfCircularShutter");
        add(0x00181612, "IS", "RadiusOfCircularShutter");
        add(0x00181620, "IS", "VerticesOfThePolygonalShutter");
        add(0x00181622, "US", "ShutterPresentationValue");
        add(0x00181700, "CS", "CollimatorShape");
        add(0x00181702, "IS", "CollimatorLeftVerticalEdge");
        add(0x00181704, "IS", "CollimatorRightVerticalEdge");
        add(0x00181706, "IS", "CollimatorUpperHorizontalEdge");
        add(0x00181708, "IS", "CollimatorLowerHorizontalEdge");
        add(0x00181710, "IS", "CenterOfCircularCollimator");
        add(0x00181712, "IS", "RadiusOfCircularCollimator");
        add(0x00181720, "IS", "VerticesOfThePolygonalCollimator");
        add(0x00185100, "CS", "PatientPosition");
        add(0x00185101, "CS", "ViewPosition");
        add(0x0020000D, "UI", "StudyInstanceUID");
        add(0x0020000E, "UI", "SeriesInstanceUID");
        add(0x00200010, "SH", "StudyID");
        add(0x00200011, "IS", "SeriesNumber");
        add(0x00200012, "IS", "AcquisitionNumber");
        add(0x00200013, "IS", "InstanceNumber");
        add(0x00200032, "DS", "ImagePositionPatient");
        add(0x00200037, "DS", "ImageOrientationPatient");
        add(0x00200052, "UI", "FrameOfReferenceUID");
        add(0x00201041, "DS", "SliceLocation");
        add(0x00209113, "SQ", "PlanePositionSequence");
        add(0x00209116, "SQ", "PlaneOrientationSequence");
        add(0x00280002, "US", "SamplesPerPixel");
        add(0x00280004, "CS", "PhotometricInterpretation");
        add(0x00280006, "US", "PlanarConfiguration");
        add(0x00280008, "IS", "NumberOfFrames");
        add(0x00280009, "AT", "FrameIncrementPointer");
        add(0x00280010, "US", "Rows");
        add(0x00280011, "US", "Columns");
        add(0x00280030, "DS", "PixelSpacing");
        add(0x00280100, "US", "BitsAllocated");
        add(0x00280101, "US", "BitsStored");
        add(0x00280102, "US", "HighBit");
        add(0x00280103, "US", "PixelRepresentation");
        add(0x00280106, "US", "SmallestImagePixelValue");
        add(0x00280107, "US", "LargestImagePixelValue");
        add(0x00280A02, "CS", "PixelSpacingCalibrationType");
        add(0x00280A04, "LO", "PixelSpacingCalibrationDescription");
        add(0x00281050, "DS", "WindowCenter");
        add(0x00281051, "DS", "WindowWidth");
        add(0x00281052, "DS", "RescaleIntercept");
        add(0x00281053, "DS", "RescaleSlope");
        add(0x00281054, "LO", "RescaleType");
        add(0x00281055, "LO", "WindowCenterWidthExplanation");
        add(0x00281101, "US", "RedPaletteColorLookupTableDescriptor");
        add(0x00281102, "US", "GreenPaletteColorLookupTableDescriptor");
        add(0x00281103, "US", "BluePaletteColorLookupTableDescriptor");
        add(0x00281201, "OW", "RedPaletteColorLookupTableData");
        add(0x00281202, "OW", "GreenPaletteColorLookupTableData");
        add(0x00281203, "OW", "BluePaletteColorLookupTableData");
        add(0x00282110, "CS", "LossyImageCompression");
        // LUT Descriptor is "US or SS" and LUT Data "US or OW": read as unsigned words, the sign
        // of the first mapped value is decided by VoiLuts (PS3.3 C.11.2.1.1)
        add(0x00283002, "US", "LUTDescriptor");
        add(0x00283003, "LO", "LUTExplanation");
        add(0x00283006, "OW", "LUTData");
        add(0x00283010, "SQ", "VOILUTSequence");
        add(0x00289110, "SQ", "PixelMeasuresSequence");
        add(0x00289132, "SQ", "FrameVOILUTSequence");
        add(0x00289145, "SQ", "PixelValueTransformationSequence");
        add(0x00321060, "LO", "RequestedProcedureDescription");
        add(0x00324000, "LT", "StudyComments");
        add(0x00380010, "LO", "AdmissionID");
        add(0x20500020, "CS", "PresentationLUTShape");
        add(0x30040002, "CS", "DoseUnits");
        add(0x3004000C, "DS", "GridFrameOffsetVector");
        add(0x3004000E, "DS", "DoseGridScaling");
        add(0x300A00B0, "SQ", "BeamSequence");
        add(0x300C0002, "SQ", "ReferencedRTPlanSequence");
        add(0x52009229, "SQ", "SharedFunctionalGroupsSequence");
        add(0x52009230, "SQ", "PerFrameFunctionalGroupsSequence");
        add(0x7FE00010, "OW", "PixelData");
    }

    private static void add(int tag, String vr, String keyword) {
        ENTRIES.put(tag, new Entry(vr, keyword));
    }

    /** VR for implicit-VR files; group lengths are UL, private creators LO, the rest UN. */
    static String vr(int tag) {
        Entry e = ENTRIES.get(tag);
        if (e != null) {
            return e.vr();
        }
        if ((tag & 0xFFFF) == 0) {
            return "UL";
        }
        if (((tag >>> 16) & 1) == 1 && (tag & 0xFF00) == 0 && (tag & 0xFF) >= 0x10) {
            return "LO";
        }
        return "UN";
    }

    static String keyword(int tag) {
        Entry e = ENTRIES.get(tag);
        return e == null ? "" : e.keyword();
    }
}
