package org.tumorj.dicom;

import java.nio.file.Path;

/** The transfer syntaxes the reader knows, with how each is parsed and decoded. */
enum TransferSyntax {
    IMPLICIT_LE("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, Codec.NATIVE),
    EXPLICIT_LE("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, Codec.NATIVE),
    DEFLATED_LE("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, Codec.NATIVE),
    EXPLICIT_BE("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true, true, Codec.NATIVE),
    JPEG_BASELINE("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", true, false, Codec.JPEG),
    JPEG_EXTENDED("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", true, false, Codec.JPEG),
    JPEG_LOSSLESS("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", true, false, Codec.JPEG),
    JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])", true, false, Codec.JPEG),
    JPEG_LS_LOSSLESS("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression", true, false, Codec.NONE),
    JPEG_LS_NEAR_LOSSLESS("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression", true, false, Codec.NONE),
    JPEG_2000_LOSSLESS("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)", true, false, Codec.JPEG_2000),
    JPEG_2000("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression", true, false, Codec.JPEG_2000),
    RLE("1.2.840.10008.1.2.5", "RLE Lossless", true, false, Codec.RLE);

    /** How pixel data of a syntax is decoded; NONE: no decoder on Maven Central, refused. */
    enum Codec { NATIVE, RLE, JPEG, JPEG_2000, NONE }

    final String uid;
    final String displayName;
    final boolean explicitVr;
    final boolean bigEndian;
    final Codec codec;

    TransferSyntax(String uid, String displayName, boolean explicitVr, boolean bigEndian, Codec codec) {
        this.uid = uid;
        this.displayName = displayName;
        this.explicitVr = explicitVr;
        this.bigEndian = bigEndian;
        this.codec = codec;
    }

    boolean encapsulated() { return codec != Codec.NATIVE; }
    boolean deflated() { return this == DEFLATED_LE; }

    static TransferSyntax of(String uid, Path file) {
        for (TransferSyntax ts : values()) {
            if (ts.uid.equals(uid)) {
                return ts;
            }
        }
        throw new DicomException(file, "unsupported transfer syntax " + uid
                + " (not one the reader knows; convert it with e.g. 'gdcmconv --raw')");
    }

    /** The refusal message for pixel data this reader cannot decode. */
    DicomException unsupported(Path file, String detail) {
        return new DicomException(file, "unsupported transfer syntax " + displayName + " (" + uid + ")"
                + (detail.isEmpty() ? "" : ": " + detail)
                + "; convert it first, e.g. 'gdcmconv --raw IN OUT'");
    }
}
