package org.tumorj.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tumorj.cli.CliCommand;
import org.tumorj.cli.CliException;
import org.tumorj.phantom.MrSeries;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.phantom.PhantomStudyWriter;
import org.tumorj.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./tumorj phantoms --out DIR --modality CT|MR|XR --studies N --seed S [--size 256] [--slices 32]}:
 * writes N synthetic studies (DICOM, annotations.json, RoiSet.zip, ground-truth.json), one
 * folder each. Study folders of the same name are replaced. {@code --count} is another name for
 * {@code --studies}. XR (also {@code dx}, {@code cr}) writes chest radiographs, 768 x 768 by
 * default, one image per study.
 */
@Command(name = "phantoms", description = {"Write synthetic CT/MR/chest X-ray studies with known lesions.",
    "One folder per study: DICOM, RoiSet.zip, annotations.json, ground-truth.json; folders of the same name are replaced."})
public final class PhantomsCommand implements CliCommand {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder the study folders go into.")
    Path out;

    @Option(names = "--modality", paramLabel = "CT|MR|XR", description = "CT, MR or XR (also DX, CR): chest radiographs (default: ${DEFAULT-VALUE}).")
    String modality = "CT";

    @Option(names = "--studies", paramLabel = "N", description = "How many studies, 1..9999 (default: 6; --count is another name).")
    Integer studies;

    @Option(names = "--count", paramLabel = "N", hidden = true, description = "Another name for --studies.")
    Integer count;

    @Option(names = "--seed", paramLabel = "S", description = "The same seed writes the same studies (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--size", paramLabel = "PX", description = "Image width and height (default: 256; radiographs 768).")
    Integer size;

    @Option(names = "--slices", paramLabel = "N", description = "Slices per series (default: 32; radiographs 1).")
    Integer slices;

    @Option(names = "--mr-series", paramLabel = "SERIES",
            description = "The MR series to write, of T2, T1, FLAIR, T1_POST; T2 is always written (default: ${DEFAULT-VALUE}).")
    String mrSeries = "T2,T1,FLAIR,T1_POST";

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw CliException.forFile(out, "exists and is not a folder; give --out a folder");
        }
        PhantomModality kind;
        try {
            kind = PhantomModality.parse(modality);
        } catch (IllegalArgumentException e) {
            throw new CliException("option --modality: " + e.getMessage());
        }
        int n = studyCount();
        PhantomConfig template;
        try {
            PhantomConfig defaults = PhantomConfig.of(kind, seed, 1);
            template = defaults.withSize(size != null ? size : defaults.size())
                    .withSlices(slices != null ? slices : defaults.slices());
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        PhantomStudyWriter.writeSet(out, template, n, mrSeries(), console());
        System.out.println("wrote " + n + " " + kind + " phantom studies to " + out);
        return 0;
    }

    private int studyCount() throws CliException {
        if (studies != null && count != null) {
            throw new CliException("give --studies or --count, not both (they are the same option)");
        }
        int n = studies != null ? studies : count != null ? count : 6;
        if (n < 1 || n > 9999) {
            throw new CliException("option --studies must be 1..9999, got " + n);
        }
        return n;
    }

    /** {@code --mr-series T2,T1,FLAIR,T1_POST} (the default: all four); T2 is always written. */
    private List<MrSeries> mrSeries() throws CliException {
        try {
            return MrSeries.parseList(mrSeries);
        } catch (IllegalArgumentException e) {
            throw new CliException("option --mr-series: " + e.getMessage());
        }
    }

    private static Progress console() {
        return new Progress() {
            @Override public void update(String step, long done, long total) { }
            @Override public void log(String message) { System.out.println(message); }
            @Override public boolean isCancelled() { return false; }
        };
    }
}
