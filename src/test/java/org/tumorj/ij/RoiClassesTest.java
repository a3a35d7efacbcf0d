package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ij.gui.Roi;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoiClassesTest {

    @BeforeEach
    @AfterEach
    void noGroupNames() {
        Roi.setGroupNames(null);
    }

    @Test
    void classIsTheLeadingWordOfTheNameWhenNoGroupNameIsSet() {
        assertEquals(Optional.of("tumor"), RoiClasses.leadingWord("tumor"));
        assertEquals(Optional.of("tumor"), RoiClasses.leadingWord("Tumor 2"));
        assertEquals(Optional.of("normal"), RoiClasses.leadingWord("normal-liver"));
        assertEquals(Optional.of("normal_liver"), RoiClasses.leadingWord("normal_liver 3"));
        assertEquals(Optional.empty(), RoiClasses.leadingWord("  "));
        assertEquals(Optional.empty(), RoiClasses.leadingWord(null));
    }

    @Test
    void groupNameWinsOverTheName() {
        Roi roi = new Roi(1, 2, 3, 4);
        roi.setName("tumor 1");
        int g = RoiClasses.groupFor("cyst");
        roi.setGroup(g);
        assertEquals(Optional.of("cyst"), RoiClasses.classOf(roi));
        roi.setGroup(0);
        assertEquals(Optional.of("tumor"), RoiClasses.classOf(roi));
    }

    @Test
    void assignSetsGroupAndNameSoBothConventionsAgree() {
        Roi roi = new Roi(1, 2, 3, 4);
        roi.setName("0001-0002");
        RoiClasses.assign(roi, "Tumor", 3);
        assertEquals("tumor 3", roi.getName());
        assertEquals("tumor", Roi.getGroupName(roi.getGroup()));
        assertEquals(Optional.of("tumor"), RoiClasses.classOf(roi));
        assertEquals(Optional.of("tumor"), RoiClasses.leadingWord(roi.getName()));
    }

    @Test
    void aClassKeepsItsGroupAndNewClassesTakeFreeGroups() {
        Roi.setGroupNames("bone,,liver");
        assertEquals(3, RoiClasses.groupFor("liver"));
        assertEquals(2, RoiClasses.groupFor("tumor"));
        assertEquals(2, RoiClasses.groupFor("TUMOR"));
        assertEquals(4, RoiClasses.groupFor("normal"));
        assertEquals("tumor", Roi.getGroupName(2));
    }

    @Test
    void classNamesAreOneWord() {
        String msg = assertThrows(IllegalArgumentException.class, () -> RoiClasses.checkClassName("normal liver"))
                .getMessage();
        assertEquals("class 'normal liver': use one word of letters, digits and underscores,"
                + " e.g. tumor or normal_liver", msg);
        assertThrows(IllegalArgumentException.class, () -> RoiClasses.checkClassName(""));
    }

    @Test
    void numbersContinueAfterTheHighestOfTheClass() {
        List<String> names = List.of("tumor 1", "tumor 4", "normal 7", "tumor-x", "0001-0002");
        assertEquals(5, RoiClasses.nextNumber(names, "tumor"));
        assertEquals(8, RoiClasses.nextNumber(names, "normal"));
        assertEquals(1, RoiClasses.nextNumber(names, "cyst"));
        assertEquals(4, RoiClasses.numberIn("Tumor 4", "tumor"));
        assertEquals(0, RoiClasses.numberIn("tumorous 4", "tumor"));
    }
}
