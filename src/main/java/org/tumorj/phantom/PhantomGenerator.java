package org.tumorj.phantom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.tumorj.annotation.Annotation;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * Generates one phantom study from a {@link PhantomConfig}: anatomy, vessels, lesions, the
 * scanner's blur and noise, then the annotations and ground truth. Deterministic: the same
 * config gives the same voxels, outlines and UIDs. XR configs are handed to the radiograph
 * generator (a projection through a 3D chest, see {@code docs/xray-phantoms.md}).
 */
public final class PhantomGenerator {
    private PhantomGenerator() {}

    /** MR studies get all four series ({@link MrSeries}); CT one. */
    public static PhantomStudy generate(PhantomConfig c) {
        return generate(c, List.of(MrSeries.values()));
    }

    /**
     * As {@link #generate(PhantomConfig)}, an MR study with these series besides T2 (T2 is always
     * made: it is the series the annotations and ground truth refer to). Ignored for CT and XR.
     */
    public static PhantomStudy generate(PhantomConfig c, List<MrSeries> mrSeries) {
        if (c.modality() == PhantomModality.XR) {
            return RadiographGenerator.generate(c);
        }
        SplittableRandom r = new SplittableRandom(mix(c));
        // 0.7-0.9 mm at 256 pixels: a 180-230 mm field of view, kept at other sizes so that
        // anatomy and lesions keep their size in mm (smaller images get coarser pixels).
        double spacing = Math.round(r.nextDouble(0.7, 0.9) * 256.0 / c.size() * 1000) / 1000.0;
        Grid g = new Grid(c.size(), c.size(), c.slices(), spacing, c.sliceSpacingMm());
        Anatomy anatomy = new Anatomy(g, r);
        TissueValues tissues = TissueValues.of(c.modality(), r);
        Scanner scanner = Scanner.draw(c.modality(), r);
        Placement placement = new Placement(g, anatomy, tissues, c.modality(), r);
        List<PlantedLesion> lesions = placement.lesions(c.minLesions() + r.nextInt(c.maxLesions() - c.minLesions() + 1));
        List<Vessel> vessels = placement.vessels(c.vessels(), lesions);
        float[][] pixels = new Renderer(g, anatomy, tissues, scanner, c.modality()).render(vessels, lesions, r);

        List<String> sops = new ArrayList<>();
        for (int k = 0; k < g.depth; k++) {
            sops.add(Uids.derive(c.seed(), c.studyNumber(), "sop/" + k));
        }
        List<Annotation> annotations = new ArrayList<>();
        List<LesionTruth> lesionTruth = new ArrayList<>();
        double unitScale = c.modality() == PhantomModality.MR ? scanner.mrScale() : 1;
        for (PlantedLesion l : lesions) {
            lesionTruth.add(outline(g, l, sops, annotations, unitScale));
        }
        new NormalRegions(g, anatomy, lesions, r).add(sops, annotations);
        List<VesselTruth> vesselTruth = vessels.stream().map(v -> truth(g, anatomy, v, unitScale)).toList();
        AnswerKey truth = new AnswerKey(c.studyId(), c.modality().name(), spacing, g.dz, scanner.describe(),
                lesionTruth, vesselTruth);
        Volume volume = new Volume(info(c, g, sops, pixels, scanner), Arrays.asList(pixels));
        PhantomStudy study = new PhantomStudy(c, volume, annotations, truth, g, anatomy, lesions, vessels, scanner.name());
        if (c.modality() != PhantomModality.MR) {
            return study;
        }
        java.util.Map<MrSeries, Volume> series = new java.util.EnumMap<>(MrSeries.class);
        series.put(MrSeries.T2, volume);
        MrSeriesRenderer other = new MrSeriesRenderer(g, anatomy, tissues, scanner, mix(c));
        for (MrSeries s : mrSeries) {
            if (s != MrSeries.T2) {
                series.put(s, otherSeries(c, g, scanner, s, other.render(s, vessels, lesions)));
            }
        }
        return study.withMrSeries(series);
    }

    /** Another MR series of the study: its own SeriesInstanceUID, SOPInstanceUIDs and SeriesDescription. */
    private static Volume otherSeries(PhantomConfig c, Grid g, Scanner scanner, MrSeries s, float[][] pixels) {
        List<String> sops = new ArrayList<>();
        for (int k = 0; k < g.depth; k++) {
            sops.add(Uids.derive(c.seed(), c.studyNumber(), "sop/" + s.name() + "/" + k));
        }
        VolumeInfo t2 = info(c, g, sops, pixels, scanner);
        double[] window = mrWindow(pixels);
        VolumeInfo info = new VolumeInfo(t2.modality(), t2.studyInstanceUid(),
                Uids.derive(c.seed(), c.studyNumber(), "series/" + s.name()), description(c, scanner, s), c.patientId(),
                g.width, g.height, g.spacing, g.spacing, g.dz, t2.origin(), t2.rowDirection(), t2.columnDirection(),
                window[0], window[1], false, sops, List.of());
        return new Volume(info, Arrays.asList(pixels));
    }

    private static String description(PhantomConfig c, Scanner scanner, MrSeries s) {
        return String.format(Locale.ROOT, "%s, TumorJ phantom chest-abdomen (%s)", s.label(), scanner.name());
    }

    private static long mix(PhantomConfig c) {
        long h = c.seed() * 0x9E3779B97F4A7C15L + c.studyNumber();
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + c.modality().ordinal();
        return h ^ (h >>> 29);
    }

    private static LesionTruth outline(Grid g, PlantedLesion l, List<String> sops, List<Annotation> out, double unitScale) {
        List<Integer> slices = new ArrayList<>();
        for (int k = 0; k < g.depth; k++) {
            float[][] poly = Outlines.lesion(g, l, k);
            if (poly != null) {
                slices.add(k);
                out.add(new Annotation("tumor", k, sops.get(k), poly[0], poly[1]));
            }
        }
        return new LesionTruth(l.id, l.organ.label(), new double[] {l.cx, l.cy, l.cz},
                new double[] {l.rx, l.ry, l.rz}, l.equivalentDiameter(), (l.value - l.organValue) * unitScale,
                l.conspicuity, l.lobulated(), new double[] {g.column(l.cx), g.row(l.cy), g.slice(l.cz)}, slices);
    }

    private static VesselTruth truth(Grid g, Anatomy anatomy, Vessel v, double unitScale) {
        List<Integer> slices = new ArrayList<>();
        List<double[]> centres = new ArrayList<>();
        for (int k = 0; k < g.depth; k++) {
            double z = g.z(k);
            if (v.runsAt(z) && coversPixel(g, anatomy, v, z)) {
                slices.add(k);
                centres.add(new double[] {g.column(v.centreX(z)), g.row(v.centreY(z)), k});
            }
        }
        return new VesselTruth(v.id, v.organ.label(), v.radius, (v.value - v.organValue) * unitScale, slices, centres);
    }

    private static boolean coversPixel(Grid g, Anatomy anatomy, Vessel v, double z) {
        double cx = v.centreX(z), cy = v.centreY(z);
        int c0 = (int) Math.floor(g.column(cx - v.radius)), c1 = (int) Math.ceil(g.column(cx + v.radius));
        int r0 = (int) Math.floor(g.row(cy - v.radius)), r1 = (int) Math.ceil(g.row(cy + v.radius));
        for (int row = Math.max(0, r0); row <= Math.min(g.height - 1, r1); row++) {
            for (int col = Math.max(0, c0); col <= Math.min(g.width - 1, c1); col++) {
                double x = g.x(col), y = g.y(row);
                if (Geom.len(x - cx, y - cy) <= v.radius && anatomy.inOrgan(v.organ, x, y, z)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static VolumeInfo info(PhantomConfig c, Grid g, List<String> sops, float[][] pixels, Scanner scanner) {
        double[] window = c.modality() == PhantomModality.CT ? new double[] {40, 400} : mrWindow(pixels);
        String description = c.modality() == PhantomModality.MR ? description(c, scanner, MrSeries.T2)
                : String.format(Locale.ROOT, "TumorJ phantom %s chest-abdomen (%s)", c.modality(), scanner.name());
        return new VolumeInfo(c.modality().name(), Uids.derive(c.seed(), c.studyNumber(), "study"),
                Uids.derive(c.seed(), c.studyNumber(), "series"), description, c.patientId(), g.width, g.height,
                g.spacing, g.spacing, g.dz, new double[] {g.x0, g.y0, g.z0}, new double[] {1, 0, 0},
                new double[] {0, 1, 0}, window[0], window[1], false, sops, List.of());
    }

    /** MR has no fixed scale: window 0 to the 99.5th percentile of the study. */
    private static double[] mrWindow(float[][] pixels) {
        int stride = 7;
        List<Float> sample = new ArrayList<>();
        for (float[] s : pixels) {
            for (int i = 0; i < s.length; i += stride) {
                sample.add(s[i]);
            }
        }
        sample.sort(null);
        double top = Math.max(1, sample.get((int) (sample.size() * 0.995)));
        return new double[] {Math.round(top / 2), Math.round(top)};
    }
}
