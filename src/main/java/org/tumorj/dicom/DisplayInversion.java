package org.tumorj.dicom;

import java.util.List;
import java.util.Locale;

/**
 * Whether the display inverts an image (minimum value white), from PhotometricInterpretation and
 * Presentation LUT Shape (2050,0020). Both MONOCHROME1 and INVERSE ask for white minimum. They
 * are one inversion, not two: the DX, MG and IO image modules require a MONOCHROME1 image to carry
 * INVERSE and a MONOCHROME2 image IDENTITY (PS3.3 C.8.11.7, the Presentation LUT Shape of C.11.6.1.2),
 * so INVERSE restates MONOCHROME1. A MONOCHROME2 image with INVERSE (a "negative" view) inverts;
 * a MONOCHROME1 image with IDENTITY breaks that rule and is shown as MONOCHROME1 says, with a
 * warning. Only the display flag follows from this; pixel values stay modality values.
 */
final class DisplayInversion {
    private DisplayInversion() {}

    static boolean of(PixelFormat format, DicomDataset ds, List<String> warnings) {
        String shape = ds.string(Tags.PRESENTATION_LUT_SHAPE, "").toUpperCase(Locale.ROOT);
        if (format.monochrome1() && shape.equals("IDENTITY")) {
            warnings.add("MONOCHROME1 with Presentation LUT Shape IDENTITY (the standard asks for INVERSE):"
                    + " shown as MONOCHROME1, minimum white");
        }
        return format.monochrome1() || shape.equals("INVERSE");
    }
}
