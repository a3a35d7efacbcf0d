package org.tumorj.privacy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.tumorj.util.Sha256;

/**
 * Consistent replacements for identifiers: the same input and salt always give the same
 * pseudonym, so de-identified exports of one study still line up with each other, while the
 * original cannot be read back without the salt.
 */
public final class Pseudonyms {
    private final byte[] salt;

    /** @param salt a per-project secret; exports made with different salts do not link */
    public Pseudonyms(String salt) {
        this.salt = salt.getBytes(StandardCharsets.UTF_8);
    }

    /** A DICOM UID under the 2.25 root (UUID-derived form, PS3.5 B.2), at most 64 characters. */
    public String uid(String original) {
        byte[] h = digest(original);
        byte[] first16 = java.util.Arrays.copyOf(h, 16);
        return "2.25." + new BigInteger(1, first16);
    }

    /** A short readable pseudonym such as {@code ANON-3F9A1C2B} for a patient or study ID. */
    public String id(String original) {
        byte[] h = digest(original);
        return String.format("ANON-%02X%02X%02X%02X", h[0], h[1], h[2], h[3]);
    }

    private byte[] digest(String original) {
        MessageDigest md = Sha256.digest();
        md.update(salt);
        md.update((byte) 0);
        md.update(original.getBytes(StandardCharsets.UTF_8));
        return md.digest();
    }
}
