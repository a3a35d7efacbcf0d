package org.tumorj.cli;

import com.google.gson.GsonBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tumorj.pipeline.DicomStudies;
import org.tumorj.dicom.DicomException;
import org.tumorj.dicom.DicomReader;
import org.tumorj.dicom.DicomScan;
import org.tumorj.dicom.DicomSeries;
import org.tumorj.dicom.SeriesSummary;
import org.tumorj.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./tumorj info PATH}: one JSON object per series found under PATH. */
@Command(name = "info", description = {"List the DICOM series in a file or folder as JSON.",
    "One object per series: UID, modality, description, transfer syntax, size, slices, spacing, warnings."})
public final class InfoCommand implements CliCommand {
    @Parameters(paramLabel = "PATH", description = "A DICOM file or a folder searched at any depth.")
    Path path;

    @Override
    public Integer call() throws CliException {
        DicomScan scan = scan(path);
        List<Map<String, Object>> out = new ArrayList<>();
        for (DicomSeries s : scan.series()) {
            out.add(json(s.summary()));
        }
        System.out.println(new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(out));
        return 0;
    }

    /** Scans PATH; unreadable files are warned about on stderr, and an error when nothing is left. */
    static DicomScan scan(Path path) throws CliException {
        DicomScan scan;
        try {
            scan = DicomReader.standard().scan(path, Progress.none());
        } catch (DicomException e) {
            throw new CliException(e.getMessage(), e);
        }
        if (scan.series().isEmpty()) {
            if (scan.problems().size() == 1) {
                throw new CliException(scan.problems().get(0).getMessage(), scan.problems().get(0));
            }
            if (scan.problems().isEmpty()) {
                throw CliException.forFile(path, "no files in this folder; give the folder that holds the DICOM files");
            }
            throw CliException.forFile(path, "no readable DICOM images (" + scan.problems().size() + " file(s) skipped"
                    + "; first: " + scan.problems().get(0).getMessage() + ")");
        }
        scan.problems().stream().filter(p -> !DicomStudies.isSidecar(p.file()))
                .forEach(p -> System.err.println("warning: skipped " + p.getMessage()));
        return scan;
    }

    private static Map<String, Object> json(SeriesSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seriesInstanceUID", s.seriesInstanceUID());
        m.put("modality", s.modality());
        m.put("seriesDescription", s.seriesDescription());
        m.put("transferSyntaxUID", s.transferSyntaxUID());
        m.put("rows", s.rows());
        m.put("columns", s.columns());
        m.put("slices", s.slices());
        m.put("files", s.files());
        m.put("bitsAllocated", s.bitsAllocated());
        m.put("bitsStored", s.bitsStored());
        m.put("pixelRepresentation", s.pixelRepresentation());
        m.put("photometricInterpretation", s.photometricInterpretation());
        m.put("rescaleSlope", s.rescaleSlope());
        m.put("rescaleIntercept", s.rescaleIntercept());
        m.put("windowCenter", s.windowCenter());
        m.put("windowWidth", s.windowWidth());
        m.put("pixelSpacing", s.pixelSpacing());
        m.put("sliceSpacing", s.sliceSpacing());
        m.put("warnings", s.warnings());
        return m;
    }
}
