package org.tumorj.dicom;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A parsed file: its data set, transfer syntax and where the pixel data is. {@code buffer} holds
 * the bytes the pixel data offsets refer to (the mapped file, or the inflated data set); it is
 * null when only the header was wanted.
 */
record ParsedFile(Path path, TransferSyntax syntax, DicomDataset meta, DicomDataset dataset,
                  PixelDataLocation pixels, ByteBuffer buffer) {
}
