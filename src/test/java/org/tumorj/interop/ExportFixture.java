package org.tumorj.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tumorj.detect.DetectionParams;
import org.tumorj.detect.Detections;
import org.tumorj.detect.Finding;
import org.tumorj.detect.FindingExtractor;
import org.tumorj.detect.ProbabilityMap;
import org.tumorj.detect.ProbabilityMaps;
import org.tumorj.dicom.DicomReader;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomGenerator;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.phantom.PhantomStudy;
import org.tumorj.phantom.PhantomStudyWriter;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * A CT phantom study written as DICOM files and read back by TumorJ's reader (so the volume
 * carries its source header), and findings extracted from a probability map that is the phantom's
 * own lesion mask: each lesion a finding, each with its own score, no model needed.
 */
public record ExportFixture(PhantomStudy study, Path folder, Volume volume, Detections detections) {
    public static final Algorithm ALGORITHM = new Algorithm("1.0-test", "sha256:0123456789abcdef", "tumour");

    public static ExportFixture write(Path dir) throws IOException {
        PhantomStudy study = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.CT, 11, 2).withSize(96)
                .withSlices(10).withLesions(2, 3));
        Path folder = PhantomStudyWriter.write(study, dir.resolve("study"));
        DicomReader reader = DicomReader.standard();
        Volume volume = reader.readVolume(reader.scan(folder, Progress.none()).largest().orElseThrow(), Progress.none());
        return new ExportFixture(study, folder, volume, findings(study, volume));
    }

    /** The study's findings, one per lesion. */
    public List<Finding> findings() {
        return detections.findings();
    }

    /** The findings written as a DICOM Segmentation to {@code file}, which is returned. */
    public Path writeSeg(Path file) throws IOException {
        SegmentationObject.of(volume, findings(), "study", ALGORITHM).write(file);
        return file;
    }

    /** The findings written as an RT Structure Set to {@code file}, which is returned. */
    public Path writeRtStruct(Path file) throws IOException {
        RtStructureSetObject.of(volume, findings(), "study", ALGORITHM).write(file);
        return file;
    }

    /** Probability 0.55 + 0.1 x lesion number inside each lesion, 0 elsewhere. */
    private static Detections findings(PhantomStudy study, Volume volume) {
        List<ProbabilityMap> maps = new ArrayList<>();
        for (int z = 0; z < volume.depth(); z++) {
            float[] p = new float[volume.width() * volume.height()];
            for (int y = 0; y < volume.height(); y++) {
                for (int x = 0; x < volume.width(); x++) {
                    int lesion = study.lesionAt(x, y, z);
                    p[y * volume.width() + x] = lesion > 0 ? Math.min(0.95f, 0.55f + 0.1f * lesion) : 0;
                }
            }
            maps.add(new ProbabilityMap(p, volume.width(), volume.height(), 1, 0));
        }
        return new FindingExtractor(DetectionParams.of(0.5))
                .extract(volume, new ProbabilityMaps(maps, volume.width(), volume.height()), "study", Progress.none());
    }
}
