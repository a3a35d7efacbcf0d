package org.tumorj.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tumorj.annotation.AnnotationClasses.Role;

class AnnotationClassesTest {
    @Test
    void classIsGroupNameElseLeadingWordOfName() {
        assertEquals("tumor", AnnotationClasses.classOf(null, "tumor"));
        assertEquals("tumor", AnnotationClasses.classOf("", "tumor 2"));
        assertEquals("tumor", AnnotationClasses.classOf(null, "Tumor-3"));
        assertEquals("normal", AnnotationClasses.classOf(null, "normal-liver"));
        assertEquals("lesion", AnnotationClasses.classOf("lesion", "blob 7"));
        assertEquals("", AnnotationClasses.classOf(null, "0012-0045"), "ImageJ's default names have no class");
    }

    @Test
    void defaultRolesAndUnknownLabels() {
        AnnotationClasses c = AnnotationClasses.defaults();
        assertEquals(Role.POSITIVE, c.role("tumor 2"));
        assertEquals(Role.POSITIVE, c.role("lesion"));
        assertEquals(Role.NEGATIVE, c.role("normal-lung"));
        assertEquals(Role.NEGATIVE, c.role("Background 1"));
        assertEquals(Role.UNKNOWN, c.role("cyst"));
        List<Annotation> regions = List.of(region("tumor 1"), region("cyst 2"), region("0001-0002"), region("normal"));
        assertEquals(Set.of("cyst 2", "0001-0002"), c.unknownLabels(regions));
    }

    @Test
    void namesAreConfigurable() {
        AnnotationClasses c = AnnotationClasses.parse("metastasis, nodule", "healthy");
        assertEquals(Role.POSITIVE, c.role("nodule 3"));
        assertEquals(Role.NEGATIVE, c.role("healthy-liver"));
        assertEquals(Role.UNKNOWN, c.role("tumor"));
        assertThrows(IllegalArgumentException.class, () -> AnnotationClasses.parse("tumor", "tumor"));
        assertThrows(IllegalArgumentException.class, () -> AnnotationClasses.parse(" ", "normal"));
    }

    static Annotation region(String label) {
        return new Annotation(label, 0, "", new float[] {0, 4, 4}, new float[] {0, 0, 4});
    }
}
