package org.tumorj.dicom;

import java.util.AbstractList;
import java.util.List;
import org.tumorj.volume.VolumeInfo;

/**
 * A grey series read as it is consumed ({@link DicomReader#streamVolume}): its info up front, its
 * slices (modality values) one after the other, the next ones decoded in parallel meanwhile.
 * Close it to stop the decoding threads.
 */
public final class VolumeStream implements AutoCloseable {
    private final VolumeInfo info;
    private final OrderedSlices<float[]> decoded;

    VolumeStream(VolumeInfo info, OrderedSlices<float[]> decoded) {
        this.info = info;
        this.decoded = decoded;
    }

    public VolumeInfo info() {
        return info;
    }

    /**
     * The slices as a list to be read once, in order ({@code get(0)}, {@code get(1)}, ...), as a
     * TIFF writer reads them; a slice is not kept after it is handed out, so asking out of order
     * is an error rather than a second decode.
     */
    public List<float[]> slices() {
        return new AbstractList<>() {
            private int expected;

            @Override
            public float[] get(int z) {
                if (z != expected) {
                    throw new IllegalStateException("a streamed volume hands out slices once, in order: asked for slice "
                            + z + " when slice " + expected + " was next");
                }
                expected++;
                return decoded.next();
            }

            @Override
            public int size() {
                return decoded.size();
            }
        };
    }

    @Override
    public void close() {
        decoded.close();
    }
}
