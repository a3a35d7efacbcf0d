package org.tumorj.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.tumorj.phantom.MrSeries;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.phantom.PhantomStudyWriter;
import org.tumorj.util.Progress;

/**
 * {@code ./tumorj phantoms --out DIR --modality CT|MR|XR --studies N --seed S [--size 256] [--slices 32]}:
 * writes N synthetic studies (DICOM, annotations.json, RoiSet.zip, ground-truth.json), one
 * folder each. Study folders of the same name are replaced. {@code --count} is another name for
 * {@code --studies}. XR (also {@code dx}, {@code cr}) writes chest radiographs, 768 x 768 by
 * default, one image per study.
 */
public final class PhantomsCommand implements CliCommand {
    @Override public String name() { return "phantoms"; }

    @Override public String summary() {
        return "write synthetic CT/MR/chest X-ray studies with known lesions (DICOM + RoiSet.zip + annotations.json)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Options o = Options.parse(args, Set.of("out", "modality", "studies", "count", "seed", "size", "slices", "mr-series"),
                Set.of());
        Path out = o.requirePath("out");
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw CliException.forFile(out, "exists and is not a folder; give --out a folder");
        }
        PhantomModality modality;
        try {
            modality = PhantomModality.parse(o.get("modality", "CT"));
        } catch (IllegalArgumentException e) {
            throw new CliException("option --modality: " + e.getMessage());
        }
        if (o.has("studies") && o.has("count")) {
            throw new CliException("give --studies or --count, not both (they are the same option)");
        }
        int studies = o.getInt(o.has("count") ? "count" : "studies", 6);
        if (studies < 1 || studies > 9999) {
            throw new CliException("option --studies must be 1..9999, got " + studies);
        }
        PhantomConfig template;
        try {
            PhantomConfig defaults = PhantomConfig.of(modality, seed(o), 1);
            template = defaults.withSize(o.getInt("size", defaults.size())).withSlices(o.getInt("slices", defaults.slices()));
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        PhantomStudyWriter.writeSet(out, template, studies, mrSeries(o), console());
        System.out.println("wrote " + studies + " " + modality + " phantom studies to " + out);
        return 0;
    }

    /** {@code --mr-series T2,T1,FLAIR,T1_POST} (the default: all four); T2 is always written. */
    private static List<MrSeries> mrSeries(Options o) throws CliException {
        try {
            return MrSeries.parseList(o.get("mr-series", "T2,T1,FLAIR,T1_POST"));
        } catch (IllegalArgumentException e) {
            throw new CliException("option --mr-series: " + e.getMessage());
        }
    }

    private static long seed(Options o) throws CliException {
        String text = o.get("seed", "1");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new CliException("option --seed expects a whole number, got '" + text + "'");
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
