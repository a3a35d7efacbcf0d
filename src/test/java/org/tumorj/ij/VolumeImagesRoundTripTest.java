package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import org.junit.jupiter.api.Test;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomGenerator;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/** Detect Tumors rebuilds the volume from the open image: it must be the volume the files give. */
class VolumeImagesRoundTripTest {
    private static final Volume VOLUME = PhantomGenerator.generate(
            PhantomConfig.of(PhantomModality.CT, 3, 1).withSize(64).withSlices(5)).volume();

    @Test
    void theVolumeBackFromTheImageHasTheSameGeometryUidsAndVoxels() {
        Volume back = VolumeImages.toVolume(VolumeImages.toImagePlus(VOLUME, "header"));
        VolumeInfo a = VOLUME.info(), b = back.info();
        assertEquals(a.modality(), b.modality());
        assertEquals(a.studyInstanceUid(), b.studyInstanceUid());
        assertEquals(a.seriesInstanceUid(), b.seriesInstanceUid());
        assertEquals(a.seriesDescription(), b.seriesDescription());
        assertEquals(a.sopInstanceUids(), b.sopInstanceUids());
        assertArrayEquals(new double[] {a.spacingX(), a.spacingY(), a.spacingZ()},
                new double[] {b.spacingX(), b.spacingY(), b.spacingZ()}, 0.0);
        assertArrayEquals(a.origin(), b.origin(), 0.0);
        assertArrayEquals(a.rowDirection(), b.rowDirection(), 0.0);
        assertArrayEquals(a.columnDirection(), b.columnDirection(), 0.0);
        assertEquals(a.windowCenter(), b.windowCenter(), 0.0);
        assertEquals(a.windowWidth(), b.windowWidth(), 0.0);
        for (int z = 0; z < VOLUME.depth(); z++) {
            assertSame(VOLUME.slice(z), back.slice(z), "the stack shares the volume's voxels");
        }
        assertArrayEquals(a.toPatient(10, 20, 3), b.toPatient(10, 20, 3), 0.0);
    }

    @Test
    void slicesShowPositionAndInstanceNumberAndKeepTheirUidOutOfSight() {
        String uid = VOLUME.info().sopInstanceUids().get(2);
        ImagePlus imp = VolumeImages.toImagePlus(VOLUME, null, java.util.Map.of(uid, 12));
        String shown = imp.getStack().getShortSliceLabel(3);
        assertEquals(String.format(java.util.Locale.ROOT, "z = %.1f mm, #12", VOLUME.info().toPatient(0, 0, 2)[2]), shown);
        assertTrue(!shown.contains(uid), shown);
        assertTrue(imp.getStack().getShortSliceLabel(1).matches("z = -?\\d+\\.\\d mm"), "no number known: position alone");
        assertEquals(VOLUME.info().sopInstanceUids(), VolumeImages.toVolume(imp).info().sopInstanceUids());
    }

    @Test
    void labelsOfStacksOpenedByEarlierVersionsStillGiveTheirUids() {
        assertEquals("1.2.3.4", VolumeImages.sopInstanceUid("z = -12.5 mm, 1.2.3.4"));
        assertEquals("1.2.3.4", VolumeImages.sopInstanceUid("1.2.3.4"));
        assertEquals("1.2.3.4", VolumeImages.sopInstanceUid("z = -12.5 mm, #7\n" + VolumeImages.UID_LINE + "1.2.3.4"));
    }

    @Test
    void thePatientIdIsNotStoredWithTheImage() {
        ImagePlus imp = VolumeImages.toImagePlus(VOLUME, null);
        assertTrue(!VOLUME.info().patientId().isBlank(), "the phantom has a patient ID to leave out");
        assertTrue(!imp.getProp(VolumeImages.VOLUME_PROPERTY).contains(VOLUME.info().patientId()));
        assertEquals("", VolumeImages.toVolume(imp).info().patientId());
    }

    @Test
    void anImageNotOpenedByTumorJOrConvertedIsRefusedWithWhatToDo() {
        IllegalArgumentException plain = assertThrows(IllegalArgumentException.class,
                () -> VolumeImages.toVolume(new ImagePlus("blank", new ij.process.FloatProcessor(8, 8))));
        assertTrue(plain.getMessage().contains("Open DICOM Series"), plain.getMessage());
        ImagePlus converted = VolumeImages.toImagePlus(VOLUME, null);
        new ij.process.StackConverter(converted).convertToGray16();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VolumeImages.toVolume(converted));
        assertTrue(e.getMessage().contains("open the series again"), e.getMessage());
    }
}
