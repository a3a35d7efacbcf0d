package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The path getters the commands validate their keys with, before any heavy work. */
class MacroValuesPathsTest {
    private static final MacroKeys KEYS = MacroKeys.of("Train Tumor Detector...",
            MacroKey.folder("studies", "", "annotated studies"),
            MacroKey.folder("model", "", "bundle folder"));

    @TempDir
    Path tmp;

    private static MacroValues values(String options) {
        return KEYS.fromOptions(options, name -> null);
    }

    @Test
    void aBlankRequiredPathSaysWhatToWrite() {
        String msg = assertThrows(IllegalArgumentException.class,
                () -> values("").requiredPath("model", "no model folder given; write model=/a")).getMessage();
        assertEquals("Train Tumor Detector...: no model folder given; write model=/a", msg);
        assertEquals(Path.of("/not/yet"), values("model=/not/yet").requiredPath("model", "unused"));
    }

    @Test
    void aBlankOptionalPathIsNull() {
        assertNull(values("").optionalPath("model"));
        assertEquals(Path.of("/out"), values("model=/out").optionalPath("model"));
    }

    @Test
    void anExistingFolderHasItsOwnMessageWhenBlankAndTheSameWhenMissing() {
        assertEquals("Train Tumor Detector...: no studies given; write studies=/a/folder",
                assertThrows(IllegalArgumentException.class, () -> values("").existingFolder("studies")).getMessage());
        assertEquals("Train Tumor Detector...: give a folder",
                assertThrows(IllegalArgumentException.class, () -> values("").existingFolder("studies", "give a folder"))
                        .getMessage());
        Path missing = tmp.resolve("missing");
        assertEquals("Train Tumor Detector...: studies=" + missing + ": no such folder; give the path of an existing folder",
                assertThrows(IllegalArgumentException.class, () -> values("studies=[" + missing + "]")
                        .existingFolder("studies", "unused")).getMessage());
        assertEquals(tmp, values("studies=[" + tmp + "]").existingFolder("studies", "unused"));
    }

    @Test
    void aFileOrAFolderMustExist() throws IOException {
        Path file = Files.writeString(tmp.resolve("slice.dcm"), "");
        assertEquals(file, values("studies=[" + file + "]").existingFileOrFolder("studies", "unused"));
        assertEquals(tmp, values("studies=[" + tmp + "]").existingFileOrFolder("studies", "unused"));
        Path missing = tmp.resolve("missing");
        assertEquals("Train Tumor Detector...: studies=" + missing + ": no such file or folder",
                assertThrows(IllegalArgumentException.class, () -> values("studies=[" + missing + "]")
                        .existingFileOrFolder("studies", "unused")).getMessage());
        assertEquals("Train Tumor Detector...: no path given",
                assertThrows(IllegalArgumentException.class, () -> values("").existingFileOrFolder("studies",
                        "no path given")).getMessage());
    }
}
