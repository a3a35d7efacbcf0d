package org.tumorj.phantom;

import java.util.Locale;
import org.tumorj.dicom.DicomWriter;
import org.tumorj.volume.Shutter;
import org.tumorj.volume.VoiLut;
import org.tumorj.volume.VolumeInfo;

/**
 * The DICOM file of a radiograph phantom: DX Image Storage - For Presentation or CR Image
 * Storage, PA chest, 12-14 bits stored in 16, ImagerPixelSpacing (and PixelSpacing, or
 * EstimatedRadiographicMagnificationFactor without it), MONOCHROME1 with PresentationLUTShape
 * INVERSE or MONOCHROME2 with IDENTITY, a VOI LUT Sequence or a window, and the collimator
 * shutter. No ImagePositionPatient: a projection has none.
 */
final class RadiographFile {
    private static final int SHUTTER_PRESENTATION_WHITE = 0xFFFF;

    private RadiographFile() {}

    static DicomWriter of(PhantomStudy study) {
        RadiographProtocol p = RadiographProtocol.draw(study.config());
        VolumeInfo info = study.volume().info();
        boolean dx = p.dicomModality().equals("DX");
        DicomWriter d = identity(study, info, dx)
                .string(0x00180015, "CS", "CHEST")
                .decimals(0x00180060, p.kvp())
                .integer(0x00181152, p.mAs())
                .decimals(0x00181164, p.imagerSpacing(), p.imagerSpacing())
                .string(0x00185101, "CS", "PA")
                .string(0x00200020, "CS", "L\\F")
                .unsignedShort(0x00280002, 1)
                .string(0x00280004, "CS", p.monochrome1() ? "MONOCHROME1" : "MONOCHROME2")
                .unsignedShort(0x00280010, info.height())
                .unsignedShort(0x00280011, info.width())
                .unsignedShort(0x00280100, 16)
                .unsignedShort(0x00280101, p.bitsStored())
                .unsignedShort(0x00280102, p.bitsStored() - 1)
                .unsignedShort(0x00280103, 0)
                .string(0x00281040, "CS", "LOG")
                .signedShort(0x00281041, p.monochrome1() ? 1 : -1) // -1: higher values, less X-ray intensity
                .string(0x20500020, "CS", p.monochrome1() ? "INVERSE" : "IDENTITY");
        if (p.pixelSpacingWritten()) {
            d.decimals(0x00280030, info.spacingY(), info.spacingX());
        } else {
            d.decimals(0x00181114, p.magnification());
        }
        if (dx) {
            d.string(0x00080068, "CS", "FOR PRESENTATION")
                    .string(0x00187004, "CS", "SCINTILLATOR")
                    .decimals(0x00281052, 0)
                    .decimals(0x00281053, 1)
                    .string(0x00281054, "LO", "US");
        }
        if (info.voiLut() != null) {
            d.sequence(0x00283010, p.undefinedLengthSequences(), lutItem(info.voiLut()));
        } else {
            d.decimals(0x00281050, info.windowCenter()).decimals(0x00281051, info.windowWidth());
        }
        shutter(d, info.shutter());
        return d.pixels16(stored(study.volume().slice(0)));
    }

    private static DicomWriter identity(PhantomStudy study, VolumeInfo info, boolean dx) {
        return PhantomStudyWriter.studyHeader(study, info,
                        dx ? DicomWriter.DX_IMAGE_STORAGE_FOR_PRESENTATION : DicomWriter.CR_IMAGE_STORAGE,
                        info.sopInstanceUids().get(0))
                .string(0x00080008, "CS", "ORIGINAL\\PRIMARY")
                .integer(0x00200011, 1)
                .integer(0x00200013, 1);
    }

    /** One VOI LUT item: descriptor (entries, first input, bits), 16-bit data as OW, explanation. */
    private static DicomWriter lutItem(VoiLut lut) {
        float[] table = lut.table();
        short[] data = new short[table.length];
        for (int i = 0; i < table.length; i++) {
            data[i] = (short) Math.round(table[i]);
        }
        return new DicomWriter()
                .unsignedShorts(0x00283002, table.length == 65536 ? 0 : table.length, (int) lut.firstInput(), lut.bits())
                .string(0x00283003, "LO", lut.explanation())
                .words(0x00283006, data);
    }

    /** Rectangular shutter; DICOM counts columns and rows from 1, {@link Shutter} from 0. */
    private static void shutter(DicomWriter d, Shutter shutter) {
        if (shutter.isNone()) {
            return;
        }
        double[] rect = shutter.rectangle();
        d.string(0x00181600, "CS", "RECTANGULAR")
                .integer(0x00181602, (int) rect[0] + 1)
                .integer(0x00181604, (int) rect[1] + 1)
                .integer(0x00181606, (int) rect[2] + 1)
                .integer(0x00181608, (int) rect[3] + 1)
                .unsignedShort(0x00181622, SHUTTER_PRESENTATION_WHITE);
    }

    private static short[] stored(float[] values) {
        short[] out = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (short) Math.round(values[i]);
        }
        return out;
    }
}
