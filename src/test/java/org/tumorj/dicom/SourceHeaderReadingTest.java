package org.tumorj.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomGenerator;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.phantom.PhantomStudy;
import org.tumorj.phantom.PhantomStudyWriter;
import org.tumorj.util.Progress;
import org.tumorj.volume.SourceHeader;
import org.tumorj.volume.Volume;

/** The reader keeps what derived objects (SEG, RTSTRUCT) must repeat of the source files. */
class SourceHeaderReadingTest {
    @Test
    void patientStudyAndFrameOfReferenceComeFromTheFirstImage(@TempDir Path dir) throws Exception {
        PhantomStudy study = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.CT, 5, 2).withSize(64).withSlices(4));
        Path folder = PhantomStudyWriter.write(study, dir.resolve("s"));
        DicomReader reader = DicomReader.standard();
        Volume v = reader.readVolume(reader.scan(folder, Progress.none()).largest().orElseThrow(), Progress.none());
        SourceHeader h = v.source();
        assertEquals(DicomWriter.CT_IMAGE_STORAGE, h.sopClassUid());
        assertEquals(study.volume().info().studyInstanceUid() + ".1", h.frameOfReferenceUid());
        assertEquals("ISO_IR 100", h.characterSet());
        assertEquals("PHANTOM^0002", h.value(0x00100010));
        assertEquals(study.patientId(), h.value(0x00100020));
        assertEquals("20200101", h.value(0x00080020));
        assertEquals("PH0002", h.value(0x00200010));
        assertFalse(h.identityRemoved());
    }
}
