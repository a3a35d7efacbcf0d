package org.tumorj.dicom;

import java.io.EOFException;
import java.io.IOException;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * A JPEG 2000 frame's bytes for jai-imageio, where reading past the end throws
 * {@link EOFException}. jj2000 expects exactly that of its input, but jai-imageio hands it
 * {@code read()}'s -1, which the packet header reader takes for a byte of ones: a corrupt or
 * truncated codestream then loops forever (found by fuzzing, see docs/robustness.md). With the
 * exception, jj2000's own handling of truncated codestreams applies.
 */
final class Jpeg2000Input extends ImageInputStreamImpl {
    private final byte[] data;

    Jpeg2000Input(byte[] data) {
        this.data = data;
    }

    /**
     * Refuses a codestream whose tile data holds two 0xFF bytes in a row. Bit stuffing makes
     * that impossible in valid packet data (a 0xFF is followed by a byte below 0x90), and jj2000's
     * packet header reader, on meeting it, returns one bits forever (found by fuzzing).
     */
    static void checkPacketData(byte[] frame, java.nio.file.Path file) {
        int start = -1;
        for (int i = 0; i + 1 < frame.length; i++) {
            if ((frame[i] & 0xFF) == 0xFF && (frame[i + 1] & 0xFF) == 0x93) { // SOD: tile data follows
                start = i + 2;
                break;
            }
        }
        for (int i = Math.max(0, start); start >= 0 && i + 1 < frame.length; i++) {
            if (frame[i] == (byte) 0xFF && frame[i + 1] == (byte) 0xFF) {
                throw new DicomException(file, "corrupt JPEG 2000 codestream: two 0xFF bytes in the tile data at byte "
                        + i + " of the frame (not possible in a valid codestream)");
            }
        }
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        if (streamPos >= data.length) {
            throw new EOFException("JPEG 2000 codestream ends after " + data.length + " bytes");
        }
        return data[(int) streamPos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkClosed();
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        if (streamPos >= data.length) {
            return -1;
        }
        int n = (int) Math.min(len, data.length - streamPos);
        System.arraycopy(data, (int) streamPos, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return data.length;
    }
}
