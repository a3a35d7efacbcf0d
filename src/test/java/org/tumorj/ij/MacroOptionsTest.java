package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MacroOptionsTest {

    @Test
    void readsImageJOptionSyntax() {
        Map<String, String> o = MacroOptions.parse(
                "model=[/data/my models/liver v2] threshold=0.35 overlay CLASS=Tumor note='a b' ");
        assertEquals("/data/my models/liver v2", o.get("model"));
        assertEquals("0.35", o.get("threshold"));
        assertEquals("true", o.get("overlay"));
        assertEquals("Tumor", o.get("class"), "keys are lower-cased as ImageJ does");
        assertEquals("a b", o.get("note"));
        assertEquals(5, o.size());
    }

    @Test
    void bracketsMayNestAndValuesMayBeEmpty() {
        Map<String, String> o = MacroOptions.parse("a=[x [y] z] b=[] c=");
        assertEquals("x [y] z", o.get("a"));
        assertEquals("", o.get("b"));
        assertEquals("", o.get("c"));
    }

    @Test
    void nullOrBlankOptionsHaveNoKeys() {
        assertEquals(Map.of(), MacroOptions.parse(null));
        assertEquals(Map.of(), MacroOptions.parse("   "));
    }

    @Test
    void formatsAsTheRecorderDoesAndReadsItBack() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("input", "/my data/study 1");
        values.put("threshold", "0.5");
        values.put("overlay", "true");
        values.put("save_csv", "false");
        Map<String, MacroKey.Type> types = Map.of("input", MacroKey.Type.FOLDER, "threshold", MacroKey.Type.NUMBER,
                "overlay", MacroKey.Type.BOOLEAN, "save_csv", MacroKey.Type.BOOLEAN);
        String options = MacroOptions.format(values, types);
        assertEquals("input=[/my data/study 1] threshold=0.5 overlay", options);
        Map<String, String> back = MacroOptions.parse(options);
        assertEquals("/my data/study 1", back.get("input"));
        assertEquals("true", back.get("overlay"));
    }
}
