package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.Menus;
import ij.WindowManager;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The menu command run headless the way a macro runs it. */
class OpenDicomSeriesTest {

    @Test
    void theDocumentedMacroLineOpensACalibratedHuStack() {
        register();
        Path ct = Path.of("test-images", "dicom", "pydicom", "CT2").toAbsolutePath();
        IJ.run("Open DICOM Series...", "path=[" + ct + "]");
        ImagePlus imp = WindowManager.getCurrentImage();
        assertNotNull(imp, "no image opened");
        assertEquals(4, imp.getStackSize());
        assertEquals(ImagePlus.GRAY32, imp.getType());
        assertEquals(0.488281, imp.getCalibration().pixelWidth, 1e-6);
        assertEquals(1.25, imp.getCalibration().pixelDepth, 1e-3);
        assertEquals("HU", imp.getCalibration().getValueUnit());
        assertEquals(30 - 50, imp.getDisplayRangeMin(), 1e-6);
        assertEquals(30 + 50, imp.getDisplayRangeMax(), 1e-6);
        String info = (String) imp.getProperty("Info");
        assertTrue(info.contains("(0008,0060) CS Modality: CT"), info);
        // what ImageJ shows above the slice: position and instance number, as a radiologist reads them
        String shown = imp.getStack().getShortSliceLabel(1);
        assertTrue(shown.matches("z = -?\\d+\\.\\d mm, #\\d+"), shown);
        // the UID stays with the slice, out of sight, and Detect Tumors reads it back from there
        String uid = org.tumorj.dicom.DicomReader.standard().scan(ct, org.tumorj.util.Progress.none()).largest()
                .orElseThrow().summary().seriesInstanceUID();
        assertEquals(uid, imp.getProp(VolumeImages.SERIES_UID_PROPERTY));
        org.tumorj.volume.Volume back = VolumeImages.toVolume(imp);
        for (int z = 1; z <= imp.getStackSize(); z++) {
            String label = imp.getStack().getSliceLabel(z);
            assertTrue(label.endsWith(back.info().sopInstanceUids().get(z - 1)), label);
            assertTrue(back.info().sopInstanceUids().get(z - 1).startsWith("1.3.6.1.4.1.5962"), label);
        }
        WindowManager.setTempCurrentImage(null);
    }

    @Test
    void monochrome1IsShownWithAnInvertedLut() {
        register();
        IJ.run("Open DICOM Series...", "path=[" + Path.of("test-images/dicom/pydicom/CR/6154").toAbsolutePath() + "] series=1");
        ImagePlus imp = WindowManager.getCurrentImage();
        assertNotNull(imp);
        assertTrue(imp.isInvertedLut());
        WindowManager.setTempCurrentImage(null);
    }

    /**
     * Headless, ImageJ builds its command table only when asked (IJ.init, package-private) and
     * reads plugins.config only from jars in its plugins folder; register the line it holds.
     */
    private static void register() {
        if (Menus.getCommands() == null) {
            try {
                java.lang.reflect.Method init = IJ.class.getDeclaredMethod("init");
                init.setAccessible(true);
                init.invoke(null);
            } catch (ReflectiveOperationException e) {
                // init() builds the command table, then fails on the menu bar it cannot make headless
                if (Menus.getCommands() == null) {
                    throw new IllegalStateException("cannot initialise headless ImageJ", e);
                }
            }
        }
        Menus.getCommands().put("Open DICOM Series...", "org.tumorj.ij.commands.OpenDicomSeries");
    }
}
