package org.tumorj.backbone;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Sets environment variables of this process for native code that reads them with getenv, such
 * as TensorFlow's {@code TF_ENABLE_ONEDNN_OPTS}. Java cannot change its own environment, and in
 * Fiji no launcher script can set it, so the C library is called through JNA (which DJL ships).
 * Must run before the TensorFlow library is loaded.
 */
final class NativeEnvironment {
    private NativeEnvironment() {}

    private interface Posix extends Library {
        int setenv(String name, String value, int overwrite);
    }

    private interface Msvcrt extends Library {
        int _putenv_s(String name, String value);
    }

    /** Sets {@code name} unless the user already set it; returns false where that is not possible. */
    static boolean setIfAbsent(String name, String value) {
        if (System.getenv(name) != null) {
            return true;
        }
        try {
            if (Platform.isWindows()) {
                return Native.load("msvcrt", Msvcrt.class)._putenv_s(name, value) == 0;
            }
            return Native.load("c", Posix.class).setenv(name, value, 0) == 0;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false; // TensorFlow then runs with its defaults: slower, still correct
        }
    }
}
