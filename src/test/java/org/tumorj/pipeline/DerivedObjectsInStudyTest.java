package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.dicom.DicomReader;
import org.tumorj.interop.ExportFixture;
import org.tumorj.interop.RtStructureSetObject;
import org.tumorj.interop.SegmentationObject;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * A study folder as a PACS exports it, the images with a SEG and an RTSTRUCT beside them (TumorJ's
 * own, here): the study is read complete, on its images, never on the segmentation.
 */
class DerivedObjectsInStudyTest {
    @Test
    void segAndRtstructBesideTheImagesNeitherMakeTheStudyPartialNorBecomeItsSeries(@TempDir Path dir) throws Exception {
        ExportFixture f = ExportFixture.write(dir);
        // more frames than the series has slices would make the SEG the largest series
        List<org.tumorj.detect.Finding> many = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            many.addAll(f.detections().findings());
        }
        SegmentationObject.of(f.volume(), many, "s", ExportFixture.ALGORITHM).write(f.folder().resolve("seg.dcm"));
        RtStructureSetObject.of(f.volume(), many, "s", ExportFixture.ALGORITHM).write(f.folder().resolve("rtstruct.dcm"));
        Volume v = new DicomStudies(DicomReader.standard(), null, Progress.none()).load(f.folder());
        assertEquals("CT", v.info().modality());
        assertEquals(f.volume().info().sopInstanceUids(), v.info().sopInstanceUids());
        assertEquals(List.of(), DicomStudies.skippedFiles(v), "nothing unreadable: the study is complete");
    }
}
