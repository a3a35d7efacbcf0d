package org.tumorj.phantom;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * DICOM UIDs derived from the generator's seed, so the same seed gives the same files. Uses the
 * {@code 2.25.<128-bit integer>} form (ISO/IEC 9834-8), which needs no registered root.
 */
final class Uids {
    private Uids() {}

    /** A UID unique to {@code (seed, study, what)}, e.g. {@code what = "series"} or {@code "sop/12"}. */
    static String derive(long seed, int study, String what) {
        UUID u = UUID.nameUUIDFromBytes(("tumorj-phantom/" + seed + "/" + study + "/" + what)
                .getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, b.array());
    }
}
