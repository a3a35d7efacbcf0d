package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MacroKeysTest {
    private static final MacroKeys KEYS = MacroKeys.of("Detect Tumors...",
            MacroKey.folder("model", "", "model bundle folder"),
            MacroKey.number("threshold", 0.5, "probability threshold"),
            MacroKey.integer("batch_size", 8, "slices per batch"),
            MacroKey.bool("heat_map", true, "show the heat map"),
            MacroKey.choice("mask", "body", "region searched", "none", "body", "lung"));

    @Test
    void missingKeysTakeTheDocumentedDefaultsExceptCheckboxes() {
        MacroValues v = KEYS.fromOptions("model=/m", name -> null);
        assertEquals(Path.of("/m"), v.path("model"));
        assertEquals(0.5, v.number("threshold"));
        assertEquals(8, v.integer("batch_size"));
        assertEquals("body", v.string("mask"));
        assertFalse(v.bool("heat_map"), "ImageJ's rule: an absent checkbox key means false in a macro");
    }

    @Test
    void readsGivenValuesIncludingPathsWithSpaces() {
        MacroValues v = KEYS.fromOptions("model=[/lab data/liver model] threshold=0.25 batch_size=2 heat_map mask=lung",
                name -> null);
        assertEquals(Path.of("/lab data/liver model"), v.path("model"));
        assertEquals(0.25, v.number("threshold"));
        assertEquals(2, v.integer("batch_size"));
        assertTrue(v.bool("heat_map"));
        assertEquals("lung", v.string("mask"));
        assertEquals("model=[/lab data/liver model] threshold=0.25 batch_size=2 heat_map mask=lung", v.options());
    }

    @Test
    void ampersandValuesAreMacroVariables() {
        MacroValues v = KEYS.fromOptions("model=&dir threshold=&t",
                name -> Map.of("dir", "/x y", "t", "0.75").get(name));
        assertEquals("/x y", v.string("model"));
        assertEquals(0.75, v.number("threshold"));
    }

    @Test
    void badValuesNameTheCommandTheKeyAndWhatIsExpected() {
        String msg = assertThrows(IllegalArgumentException.class,
                () -> KEYS.fromOptions("threshold=high", n -> null)).getMessage();
        assertEquals("Detect Tumors...: threshold=high: expected a number, e.g. threshold=0.5", msg);
        msg = assertThrows(IllegalArgumentException.class,
                () -> KEYS.fromOptions("batch_size=2.5", n -> null)).getMessage();
        assertTrue(msg.contains("batch_size=2.5") && msg.contains("whole number"), msg);
        msg = assertThrows(IllegalArgumentException.class,
                () -> KEYS.fromOptions("mask=liver", n -> null)).getMessage();
        assertTrue(msg.endsWith("mask=liver: expected one of none, body, lung"), msg);
        msg = assertThrows(IllegalArgumentException.class,
                () -> KEYS.fromOptions("heat_map=yes", n -> null)).getMessage();
        assertTrue(msg.contains("heat_map=yes"), msg);
    }

    @Test
    void unknownKeysAreNamedWithTheKnownOnes() {
        String options = "model=/m treshold=0.3 colour=red";
        assertEquals(List.of("treshold", "colour"), KEYS.unknownKeys(options));
        String warning = KEYS.unknownKeysWarning(options).orElseThrow();
        assertEquals("Warning: Detect Tumors...: unknown macro key 'treshold' (did you mean 'threshold'?), 'colour'"
                + " ignored; known keys: model, threshold, batch_size, heat_map, mask", warning);
        assertTrue(KEYS.unknownKeysWarning("model=/m heat_map").isEmpty());
    }

    @Test
    void macroLineIsWhatAUserTypes() {
        assertEquals("run(\"Detect Tumors...\", \"model=[/a b] threshold=0.5\");",
                KEYS.macroLine("model=[/a b] threshold=0.5"));
        assertEquals("run(\"About TumorJ\");", MacroKeys.of("About TumorJ").macroLine(""));
    }

    @Test
    void keysMustBeSnakeCaseAndUnique() {
        assertThrows(IllegalArgumentException.class, () -> MacroKey.string("modelDir", "", ""));
        assertThrows(IllegalArgumentException.class, () -> MacroKey.string("model dir", "", ""));
        assertThrows(IllegalArgumentException.class,
                () -> MacroKeys.of("X", MacroKey.string("a", "", ""), MacroKey.bool("a", false, "")));
        assertThrows(IllegalArgumentException.class, () -> MacroKey.choice("m", "x", "", "a", "b"));
    }

    @Test
    void dialogLabelGivesBackTheKeyUnderImageJsRecorderRule() {
        for (MacroKey k : KEYS.keys()) {
            assertEquals(k.name(), ij.Macro.trimKey(k.label()));
        }
    }
}
