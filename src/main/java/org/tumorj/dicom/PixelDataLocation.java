package org.tumorj.dicom;

import java.util.List;

/**
 * Where the pixel data sits in the parsed buffer: one native run of bytes, or the fragments of
 * encapsulated data with the basic offset table (offsets relative to the first fragment's item).
 */
record PixelDataLocation(long offset, long length, List<Fragment> fragments, long[] basicOffsets) {

    /** One encapsulated fragment: value offset and length in the buffer; itemOffset: its item tag. */
    record Fragment(long itemOffset, int offset, int length) {}

    boolean encapsulated() { return fragments != null; }
}
