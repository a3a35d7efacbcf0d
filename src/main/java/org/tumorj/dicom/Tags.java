package org.tumorj.dicom;

/** The attribute tags the reader uses, as {@code group << 16 | element}. */
final class Tags {
    private Tags() {}

    static final int TRANSFER_SYNTAX_UID = 0x00020010;
    static final int SOP_CLASS_UID = 0x00080016;
    static final int SOP_INSTANCE_UID = 0x00080018;
    static final int MODALITY = 0x00080060;
    static final int PATIENT_ID = 0x00100020;
    static final int SLICE_THICKNESS = 0x00180050;
    static final int SPACING_BETWEEN_SLICES = 0x00180088;
    static final int GANTRY_TILT = 0x00181120;
    static final int STUDY_INSTANCE_UID = 0x0020000D;
    static final int SERIES_INSTANCE_UID = 0x0020000E;
    static final int SERIES_NUMBER = 0x00200011;
    static final int INSTANCE_NUMBER = 0x00200013;
    static final int IMAGE_POSITION_PATIENT = 0x00200032;
    static final int IMAGE_ORIENTATION_PATIENT = 0x00200037;
    static final int SERIES_DESCRIPTION = 0x0008103E;
    static final int SAMPLES_PER_PIXEL = 0x00280002;
    static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
    static final int PLANAR_CONFIGURATION = 0x00280006;
    static final int NUMBER_OF_FRAMES = 0x00280008;
    static final int ROWS = 0x00280010;
    static final int COLUMNS = 0x00280011;
    static final int PIXEL_SPACING = 0x00280030;
    static final int IMAGER_PIXEL_SPACING = 0x00181164;
    static final int BITS_ALLOCATED = 0x00280100;
    static final int BITS_STORED = 0x00280101;
    static final int HIGH_BIT = 0x00280102;
    static final int PIXEL_REPRESENTATION = 0x00280103;
    static final int WINDOW_CENTER = 0x00281050;
    static final int WINDOW_WIDTH = 0x00281051;
    static final int WINDOW_EXPLANATION = 0x00281055;
    static final int RESCALE_INTERCEPT = 0x00281052;
    static final int RESCALE_SLOPE = 0x00281053;
    static final int RED_PALETTE_DESCRIPTOR = 0x00281101;
    static final int GREEN_PALETTE_DESCRIPTOR = 0x00281102;
    static final int BLUE_PALETTE_DESCRIPTOR = 0x00281103;
    static final int RED_PALETTE_DATA = 0x00281201;
    static final int GREEN_PALETTE_DATA = 0x00281202;
    static final int BLUE_PALETTE_DATA = 0x00281203;
    static final int SHARED_FUNCTIONAL_GROUPS = 0x52009229;
    static final int PER_FRAME_FUNCTIONAL_GROUPS = 0x52009230;
    static final int PIXEL_MEASURES_SEQUENCE = 0x00289110;
    static final int PLANE_POSITION_SEQUENCE = 0x00209113;
    static final int PLANE_ORIENTATION_SEQUENCE = 0x00209116;
    static final int PIXEL_VALUE_TRANSFORMATION_SEQUENCE = 0x00289145;
    static final int FRAME_VOI_LUT_SEQUENCE = 0x00289132;
    static final int VOI_LUT_SEQUENCE = 0x00283010;
    static final int LUT_DESCRIPTOR = 0x00283002;
    static final int LUT_EXPLANATION = 0x00283003;
    static final int LUT_DATA = 0x00283006;
    static final int PRESENTATION_LUT_SHAPE = 0x20500020;
    static final int ESTIMATED_RADIOGRAPHIC_MAGNIFICATION_FACTOR = 0x00181114;
    static final int PIXEL_SPACING_CALIBRATION_TYPE = 0x00280A02;
    static final int PIXEL_SPACING_CALIBRATION_DESCRIPTION = 0x00280A04;
    /** Display Shutter module (PS3.3 C.7.6.11); the X-Ray Collimator attributes sit 0x100 above. */
    static final int SHUTTER_SHAPE = 0x00181600;
    static final int SHUTTER_LEFT_VERTICAL_EDGE = 0x00181602;
    static final int SHUTTER_RIGHT_VERTICAL_EDGE = 0x00181604;
    static final int SHUTTER_UPPER_HORIZONTAL_EDGE = 0x00181606;
    static final int SHUTTER_LOWER_HORIZONTAL_EDGE = 0x00181608;
    static final int CENTER_OF_CIRCULAR_SHUTTER = 0x00181610;
    static final int RADIUS_OF_CIRCULAR_SHUTTER = 0x00181612;
    static final int VERTICES_OF_THE_POLYGONAL_SHUTTER = 0x00181620;
    /** X-Ray Collimator module (PS3.3 C.8.7.3): CollimatorShape (0018,1700) and so on. */
    static final int COLLIMATOR_OFFSET = 0x100;
    static final int PIXEL_DATA = 0x7FE00010;
    static final int ITEM = 0xFFFEE000;
    static final int ITEM_DELIMITATION = 0xFFFEE00D;
    static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    static String format(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
