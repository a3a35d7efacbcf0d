package org.tumorj.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.plugin.DICOM;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomGenerator;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.phantom.PhantomStudy;
import org.tumorj.phantom.PhantomStudyWriter;

/** ImageJ's own DICOM reader, an independent one, reads the phantom files to the same values. */
class PhantomDicomInImageJTest {
    @TempDir Path dir;

    @Test
    void imageJReadsHounsfieldUnitsSpacingAndPatientId() throws Exception {
        check(PhantomModality.CT);
        check(PhantomModality.MR);
    }

    private void check(PhantomModality modality) throws Exception {
        PhantomStudy s = PhantomGenerator.generate(PhantomConfig.of(modality, 4, 1).withSize(64).withSlices(5));
        Path study = PhantomStudyWriter.write(s, dir.resolve(s.studyId()));
        int k = 2;
        DICOM d = new DICOM();
        d.open(study.resolve(String.format("IM-%04d.dcm", k + 1)).toString());
        assertEquals(64, d.getWidth());
        assertEquals(s.volume().info().spacingX(), d.getCalibration().pixelWidth, 1e-6);
        assertEquals("PHANTOM-0001", d.getStringProperty("0010,0020").trim());
        float[] expected = s.volume().slice(k);
        for (int i = 0; i < expected.length; i += 7) {
            assertEquals(expected[i], d.getProcessor().getPixelValue(i % 64, i / 64), 1e-3, modality + " pixel " + i);
        }
    }
}
