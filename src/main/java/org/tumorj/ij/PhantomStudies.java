package org.tumorj.ij;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomGenerator;
import org.tumorj.phantom.PhantomStudy;
import org.tumorj.phantom.PhantomStudyWriter;
import org.tumorj.util.Progress;

/**
 * Writes phantom studies complete with their {@code RoiSet.zip}: the core writer produces the
 * DICOM files, {@code annotations.json} and {@code ground-truth.json}; this glue adds the ROI
 * Manager zip, which needs ImageJ.
 */
public final class PhantomStudies {
    private PhantomStudies() {}

    /** The hook that adds {@code RoiSet.zip} to a study folder. */
    public static PhantomStudyWriter.ExtraFiles roiSet() {
        return (study, dir) -> RoiSets.write(dir.resolve(RoiSets.FILE_NAME), study.annotations());
    }

    public static Path write(PhantomStudy study, Path dir) throws IOException {
        return PhantomStudyWriter.write(study, dir, roiSet());
    }

    public static Path generateAndWrite(PhantomConfig config, Path dir) throws IOException {
        return write(PhantomGenerator.generate(config), dir);
    }

    /** Studies 1..count of the template's modality, seed and size, one folder each under outDir. */
    public static List<Path> writeSet(Path outDir, PhantomConfig template, int count, Progress progress) throws IOException {
        return PhantomStudyWriter.writeSet(outDir, template, count, roiSet(), progress);
    }

    /** As the other {@code writeSet}, MR studies with these series (T2, the annotated one, always). */
    public static List<Path> writeSet(Path outDir, PhantomConfig template, int count,
            List<org.tumorj.phantom.MrSeries> mrSeries, Progress progress) throws IOException {
        return PhantomStudyWriter.writeSet(outDir, template, count, mrSeries, roiSet(), progress);
    }
}
