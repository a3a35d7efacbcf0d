package org.tumorj.dicom;

import java.util.List;

/**
 * One attribute as read: its value bytes (copied out of the file, in the file's byte order) or,
 * for sequences, its items. Pixel data is not copied here; see {@link PixelDataLocation}.
 */
record DicomElement(int tag, String vr, byte[] value, boolean bigEndian, List<DicomDataset> items) {

    boolean isSequence() { return items != null; }
}
