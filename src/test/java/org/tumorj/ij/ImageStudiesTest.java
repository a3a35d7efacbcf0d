package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.AnnotationFileException;
import org.tumorj.annotation.RoiSetZip;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomGenerator;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.phantom.PhantomStudy;

/** Train Tumor Detector's current_image: the open series and its ROIs as the study its RoiSet.zip would give. */
class ImageStudiesTest {
    private static final PhantomStudy PHANTOM = PhantomGenerator.generate(
            PhantomConfig.of(PhantomModality.CT, 4, 2).withSize(64).withSlices(6));

    @Test
    void roisDrawnOnTheSeriesBecomeItsAnnotationsOnTheirSlices() throws Exception {
        ImagePlus imp = VolumeImages.toImagePlus(PHANTOM.volume(), null);
        imp.setProp(VolumeImages.STUDY_PROPERTY, "patient-07");
        List<Roi> rois = RoiSets.toRois(PHANTOM.annotations());
        rois.forEach(r -> r.setProperty(RoiSetZip.SOP_PROPERTY, null)); // as drawn in ImageJ: slice position only
        LoadedStudy study = ImageStudies.fromImage(imp, rois);
        assertEquals("patient-07", study.id());
        List<Annotation> expected = PHANTOM.annotations();
        assertEquals(expected.size(), study.annotations().size());
        for (int i = 0; i < expected.size(); i++) {
            Annotation a = expected.get(i), b = study.annotations().get(i);
            assertEquals(a.sliceIndex(), b.sliceIndex());
            assertEquals(PHANTOM.volume().info().sopInstanceUids().get(a.sliceIndex()), b.sopInstanceUid());
            assertTrue(b.label().startsWith(a.label()), b.label());
            assertArrayEquals(a.xs(), b.xs());
        }
        assertEquals(PHANTOM.volume().depth(), study.volume().depth());
    }

    @Test
    void aRoiNotTiedToASliceIsRefusedNamingIt() {
        ImagePlus imp = VolumeImages.toImagePlus(PHANTOM.volume(), null);
        Roi loose = new OvalRoi(5, 5, 10, 10);
        loose.setName("tumor 1");
        AnnotationFileException e = assertThrows(AnnotationFileException.class,
                () -> ImageStudies.fromImage(imp, List.of(loose)));
        assertTrue(e.getMessage().contains("'tumor 1' is not tied to a slice"), e.getMessage());
    }

    @Test
    void noRoisIsRefusedWithWhatToDo() {
        ImagePlus imp = VolumeImages.toImagePlus(PHANTOM.volume(), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageStudies.fromImage(imp, List.of()));
        assertTrue(e.getMessage().contains("Set ROI Class"), e.getMessage());
    }
}
