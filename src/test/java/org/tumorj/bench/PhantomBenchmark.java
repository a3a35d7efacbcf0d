package org.tumorj.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Patch;
import org.tumorj.dataset.PatchSampler;
import org.tumorj.dataset.SamplingConfig;
import org.tumorj.dataset.Study;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomGenerator;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.phantom.PhantomStudy;

/**
 * {@code scripts/bench PhantomBenchmark [studies]}: time to generate default phantom studies
 * (256 x 256 x 32 CT) and to sample default training patches (224 px, augmented) from them.
 */
public final class PhantomBenchmark {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        PhantomGenerator.generate(PhantomConfig.of(PhantomModality.CT, 99, 1)); // warm-up
        List<LoadedStudy> studies = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 1; i <= n; i++) {
            PhantomStudy s = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.CT, 1, i));
            studies.add(new LoadedStudy(new Study(s.studyId(), Path.of(s.studyId()), s.patientId()), s.volume(), s.annotations()));
        }
        double genS = (System.nanoTime() - t0) / 1e9;
        for (boolean stacked : new boolean[] {false, true}) {
            SamplingConfig c = SamplingConfig.defaults(1).withTwoPointFiveD(stacked);
            PatchSampler sampler = new PatchSampler(c, AnnotationClasses.defaults());
            sampler.sample(studies.subList(0, 1), true, org.tumorj.util.Progress.none()); // warm-up
            long t1 = System.nanoTime();
            List<Patch> patches = sampler.sample(studies, true, org.tumorj.util.Progress.none());
            double sampleS = (System.nanoTime() - t1) / 1e9;
            Map<Patch.Source, Integer> bySource = new TreeMap<>();
            patches.forEach(p -> bySource.merge(p.source(), 1, Integer::sum));
            long bytes = patches.stream().mapToLong(p -> 4L * p.size() * p.size() * p.channels()).sum();
            System.out.printf(Locale.ROOT, "%s: %d patches %s from %d studies in %.2f s (%.1f ms/patch), %.0f MB%n",
                    stacked ? "2.5D" : "2D", patches.size(), bySource, n, sampleS, 1000 * sampleS / patches.size(), bytes / 1e6);
        }
        System.out.printf(Locale.ROOT, "generation: %d studies 256x256x32 in %.2f s (%.2f s/study), %d cores%n", n, genS,
                genS / n, Runtime.getRuntime().availableProcessors());
    }

    private PhantomBenchmark() {}
}
