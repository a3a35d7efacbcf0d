package org.tumorj.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.annotation.AnnotationClasses.Role;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * Draws labelled patches from annotated studies: centred inside positive regions (jittered
 * around the region's centre, never outside it), inside negative regions, and in unannotated
 * body tissue on the annotated slices, at least {@link SamplingConfig#minDistanceMm()} (in 3D)
 * from every positive region. Air outside the body is skipped. Each study's draws come from
 * its own generator seeded by (seed, study id): the same seed gives the same patches whatever
 * the order or number of the other studies.
 */
public final class PatchSampler {
    private static final int TRIES = 60;
    private final SamplingConfig config;
    private final AnnotationClasses classes;

    public PatchSampler(SamplingConfig config, AnnotationClasses classes) {
        this.config = config;
        this.classes = classes;
    }

    public List<Patch> sample(List<LoadedStudy> studies, boolean augment, Progress progress) {
        List<Patch> out = new ArrayList<>();
        for (int i = 0; i < studies.size(); i++) {
            progress.checkCancelled();
            out.addAll(sample(studies.get(i), augment));
            progress.update("patches", i + 1, studies.size());
        }
        return out;
    }

    /** Patches of one study; regions with labels neither positive nor negative are skipped. */
    public List<Patch> sample(LoadedStudy study, boolean augment) {
        StudyContext s = new StudyContext(study, new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L
                ^ study.id().hashCode()), augment);
        List<Patch> out = new ArrayList<>();
        for (Annotation a : study.annotations()) {
            Role role = classes.role(a);
            if (role == Role.POSITIVE) {
                s.fromRegion(a, 1, config.positivesPerRegion(), Patch.Source.POSITIVE_REGION, out);
            } else if (role == Role.NEGATIVE) {
                s.fromRegion(a, 0, config.negativesPerRegion(), Patch.Source.NEGATIVE_REGION, out);
            }
        }
        for (int slice : s.annotatedSlices()) {
            s.unannotated(slice, out);
        }
        return out;
    }

    /** Per-study state: region masks, positive pixel positions in mm, the body threshold. */
    private final class StudyContext {
        private final LoadedStudy study;
        private final Volume v;
        private final SplittableRandom r;
        private final boolean augment;
        private final PatchExtractor extractor;
        private final double bodyThreshold;
        private final double[] positiveMm; // x, y, z triples of positive pixels
        private final TreeSet<Integer> annotatedSlices = new TreeSet<>();
        private final boolean[][] anyRegion;

        StudyContext(LoadedStudy study, SplittableRandom r, boolean augment) {
            this.study = study;
            this.v = study.volume();
            this.r = r;
            this.augment = augment && !config.augmentation().isNone();
            this.bodyThreshold = bodyThreshold(v);
            this.extractor = new PatchExtractor(v, (float) minimum(v));
            this.anyRegion = new boolean[v.depth()][];
            List<Double> mm = new ArrayList<>();
            for (Annotation a : study.annotations()) {
                if (a.sliceIndex() < 0 || a.sliceIndex() >= v.depth()) {
                    continue; // attachment already reported these; nothing to sample
                }
                annotatedSlices.add(a.sliceIndex());
                boolean[] mask = anyRegion[a.sliceIndex()] == null
                        ? anyRegion[a.sliceIndex()] = new boolean[v.width() * v.height()] : anyRegion[a.sliceIndex()];
                boolean positive = classes.role(a) == Role.POSITIVE;
                for (int p : RegionPixels.of(a.xs(), a.ys(), v.width(), v.height())) {
                    mask[p] = true;
                    if (positive) {
                        mm.add((p % v.width()) * v.info().spacingX());
                        mm.add((p / v.width()) * v.info().spacingY());
                        mm.add(a.sliceIndex() * v.info().spacingZ());
                    }
                }
            }
            this.positiveMm = mm.stream().mapToDouble(Double::doubleValue).toArray();
        }

        TreeSet<Integer> annotatedSlices() {
            return annotatedSlices;
        }

        void fromRegion(Annotation a, int label, int count, Patch.Source source, List<Patch> out) {
            if (a.sliceIndex() < 0 || a.sliceIndex() >= v.depth()) {
                return;
            }
            int[] pixels = RegionPixels.of(a.xs(), a.ys(), v.width(), v.height());
            if (pixels.length == 0) {
                return; // a region smaller than one pixel centre holds no tissue to learn from
            }
            for (int i = 0; i < count; i++) {
                int p = label == 1 ? jitteredCentre(pixels) : pixels[r.nextInt(pixels.length)];
                out.add(patch(a.sliceIndex(), p % v.width(), p / v.width(), label, source));
            }
        }

        /** Near the region's centroid, moved by up to jitter x its radius, but always one of its pixels. */
        private int jitteredCentre(int[] pixels) {
            double cx = 0, cy = 0;
            for (int p : pixels) {
                cx += p % v.width();
                cy += p / v.width();
            }
            cx /= pixels.length;
            cy /= pixels.length;
            double reach = config.jitter() * Math.sqrt(pixels.length / Math.PI);
            int[] sorted = pixels.clone();
            Arrays.sort(sorted);
            for (int t = 0; t < TRIES; t++) {
                double angle = r.nextDouble(0, 2 * Math.PI), radius = reach * Math.sqrt(r.nextDouble());
                int col = (int) Math.round(cx + radius * Math.cos(angle));
                int row = (int) Math.round(cy + radius * Math.sin(angle));
                if (col >= 0 && row >= 0 && col < v.width() && Arrays.binarySearch(sorted, row * v.width() + col) >= 0) {
                    return row * v.width() + col;
                }
            }
            return pixels[r.nextInt(pixels.length)];
        }

        void unannotated(int slice, List<Patch> out) {
            float[] values = v.slice(slice);
            for (int i = 0; i < config.unannotatedPerSlice(); i++) {
                for (int t = 0; t < TRIES; t++) {
                    int col = r.nextInt(v.width()), row = r.nextInt(v.height());
                    int p = row * v.width() + col;
                    if (values[p] > bodyThreshold && !anyRegion[slice][p] && farFromPositives(col, row, slice)) {
                        out.add(patch(slice, col, row, 0, Patch.Source.UNANNOTATED));
                        break;
                    }
                }
            }
        }

        private boolean farFromPositives(int col, int row, int slice) {
            double x = col * v.info().spacingX(), y = row * v.info().spacingY(), z = slice * v.info().spacingZ();
            double min2 = config.minDistanceMm() * config.minDistanceMm();
            for (int i = 0; i < positiveMm.length; i += 3) {
                double dx = positiveMm[i] - x, dy = positiveMm[i + 1] - y, dz = positiveMm[i + 2] - z;
                if (dx * dx + dy * dy + dz * dz < min2) {
                    return false;
                }
            }
            return true;
        }

        private Patch patch(int slice, int col, int row, int label, Patch.Source source) {
            Augmentation.Draw d = augment ? config.augmentation().draw(r) : Augmentation.Draw.IDENTITY;
            float[][] planes = extractor.extract(slice, col, row, config.patchSize(), config.twoPointFiveD(), d);
            return new Patch(study.id(), slice, col, row, label, source, config.patchSize(), planes);
        }
    }

    /** Body tissue: above -500 HU for CT; for other modalities above 10 % of the 99th percentile. */
    static double bodyThreshold(Volume v) {
        if ("CT".equalsIgnoreCase(v.info().modality())) {
            return -500;
        }
        return 0.1 * percentile(v, 0.99);
    }

    private static double percentile(Volume v, double q) {
        int n = 0;
        float[] sample = new float[(v.width() * v.height() / 16 + 1) * v.depth()];
        for (float[] s : v.slices()) {
            for (int i = 0; i < s.length && n < sample.length; i += 16) {
                sample[n++] = s[i];
            }
        }
        Arrays.sort(sample, 0, n);
        return n == 0 ? 0 : sample[Math.min(n - 1, (int) (q * n))];
    }

    private static double minimum(Volume v) {
        double min = Double.POSITIVE_INFINITY;
        for (float[] s : v.slices()) {
            for (float f : s) {
                min = Math.min(min, f);
            }
        }
        return min;
    }
}
