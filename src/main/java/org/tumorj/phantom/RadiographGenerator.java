package org.tumorj.phantom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;
import org.tumorj.annotation.Annotation;
import org.tumorj.volume.Shutter;
import org.tumorj.volume.VoiLut;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * Generates one chest radiograph study (PA view): a 3D chest ({@link ChestAnatomy}), pulmonary
 * vessel trees and nodules, projected along the antero-posterior axis ({@link ChestProjection},
 * {@link RadiographLineIntegrals}), exposed on a simulated detector ({@link RadiographDetector}),
 * shuttered and given a display curve ({@link RadiographDisplay}); then the nodule outlines
 * ({@code tumor}), a few {@code normal-lung} regions and the ground truth. Deterministic by
 * (seed, study number, size).
 */
final class RadiographGenerator {
    /** End-on vessels at least this thick are reported in the ground truth as look-alikes. */
    private static final double LOOK_ALIKE_MIN_RADIUS = 1.0;
    private static final double LOOK_ALIKE_MIN_END_ON = 0.8;

    private RadiographGenerator() {}

    static PhantomStudy generate(PhantomConfig c) {
        RadiographProtocol protocol = RadiographProtocol.draw(c);
        SplittableRandom r = random(c);
        Grid g = grid(c, protocol);
        Shutter shutter = RadiographDisplay.drawShutter(protocol, g.width, g.height, r);
        Scene scene = Scene.draw(c, g, shutter, r);
        RadiographDetector detector = new RadiographDetector(protocol, g, scene.projection());
        float[] pixels = detector.expose(
                RadiographLineIntegrals.of(g, scene.projection(), scene.vesselDeltaMu(), scene.vessels(), scene.nodules()), r);
        RadiographDisplay.applyShutter(pixels, g.width, g.height, shutter, protocol);

        String sop = Uids.derive(c.seed(), c.studyNumber(), "sop/0");
        List<Annotation> annotations = new ArrayList<>();
        List<LesionTruth> lesionTruth = new ArrayList<>();
        List<PlantedLesion> lesions = new ArrayList<>();
        for (Nodule n : scene.nodules()) {
            PlantedLesion l = n.asImageLesion();
            float[][] poly = Outlines.lesion(g, l, 0);
            if (poly != null) {
                annotations.add(new Annotation("tumor", 0, sop, poly[0], poly[1]));
            }
            lesions.add(l);
            lesionTruth.add(truth(g, n, detector, poly != null));
        }
        List<VesselTruth> vesselTruth = lookAlikes(g, scene.vessels(), scene.vesselDeltaMu(), detector);
        double[] lookAlike = vesselTruth.isEmpty() ? null : pixelToPlane(g, vesselTruth.get(0).centrePixels().get(0));
        new LungFieldRegions(g, scene.projection(), shutter, scene.nodules(), r).add(3, lookAlike, sop, annotations);

        VolumeInfo info = info(c, protocol, g, sop, pixels, shutter);
        AnswerKey truth = new AnswerKey(c.studyId(), protocol.dicomModality(), g.spacing, 1, protocol.describe(),
                lesionTruth, vesselTruth);
        return new PhantomStudy(c, new Volume(info, List.of(pixels)), annotations, truth, g, null, lesions, List.of(),
                protocol.name());
    }

    private static SplittableRandom random(PhantomConfig c) {
        return new SplittableRandom(c.seed() * 0xBF58476D1CE4E5B9L + c.studyNumber() * 0x94D049BB133111EBL + 0x58);
    }

    private static Grid grid(PhantomConfig c, RadiographProtocol protocol) {
        return new Grid(c.size(), c.size(), 1, protocol.pixelSpacing(), 1);
    }

    /**
     * The pixels of the study's lung fields (rays crossing at least {@code minLungMm} of lung),
     * drawn from the same random stream as {@link #generate}: the truth a lung-field mask is
     * measured against.
     */
    static boolean[] lungField(PhantomConfig c, double minLungMm) {
        RadiographProtocol protocol = RadiographProtocol.draw(c);
        SplittableRandom r = random(c);
        Grid g = grid(c, protocol);
        RadiographDisplay.drawShutter(protocol, g.width, g.height, r);
        ChestAnatomy anatomy = new ChestAnatomy(r);
        boolean[] out = new boolean[g.width * g.height];
        for (int row = 0; row < g.height; row++) {
            for (int col = 0; col < g.width; col++) {
                out[row * g.width + col] = anatomy.lungChord(g.x(col), -g.y(row)) >= minLungMm;
            }
        }
        return out;
    }

    /** The 3D chest of one study and its projection: anatomy, vessel trees, nodules. */
    private record Scene(ChestProjection projection, double vesselDeltaMu, List<VesselSegment> vessels, List<Nodule> nodules) {
        static Scene draw(PhantomConfig c, Grid g, Shutter shutter, SplittableRandom r) {
            ChestAnatomy anatomy = new ChestAnatomy(r);
            ChestProjection projection = new ChestProjection(anatomy, g.fovX(), g.fovY(), g.spacing);
            List<VesselSegment> vessels = PulmonaryVessels.grow(anatomy, c.vessels(), r);
            int count = c.minLesions() + r.nextInt(c.maxLesions() - c.minLesions() + 1);
            List<Nodule> nodules = new NodulePlacement(anatomy, vessels, exposed(g, shutter), r).place(count);
            // Blood is a little denser than soft tissue; a vessel adds this over the lung it displaces.
            return new Scene(projection, anatomy.muSoft() * 1.05 - anatomy.muLung(), vessels, nodules);
        }
    }

    /** Image-plane points (u, v mm) inside the image and the shutter, 3 pixels clear of their edges. */
    private static BiPredicate<Double, Double> exposed(Grid g, Shutter shutter) {
        return (u, v) -> {
            double col = g.column(u), row = g.row(v);
            return col >= 3 && row >= 3 && col <= g.width - 4 && row <= g.height - 4
                    && shutter.exposes(col - 3, row - 3) && shutter.exposes(col + 3, row + 3);
        };
    }

    private static LesionTruth truth(Grid g, Nodule n, RadiographDetector detector, boolean outlined) {
        double contrast = detector.contrast(n.x, -n.z, n.deltaMu * 2 * n.depth);
        return new LesionTruth(n.id, Organ.LUNG.label(), new double[] {n.x, n.y, n.z},
                new double[] {n.major, n.minor, n.depth}, n.equivalentDiameter(), contrast, n.conspicuity, false,
                new double[] {g.column(n.x), g.row(-n.z), 0}, outlined ? List.of(0) : List.of());
    }

    /** End-on vessel segments, thickest first: on the image each is a small dense disc. */
    private static List<VesselTruth> lookAlikes(Grid g, List<VesselSegment> vessels, double deltaMu, RadiographDetector detector) {
        List<VesselSegment> endOn = vessels.stream()
                .filter(v -> v.radius >= LOOK_ALIKE_MIN_RADIUS && v.endOn() >= LOOK_ALIKE_MIN_END_ON)
                .sorted(Comparator.comparingDouble((VesselSegment v) -> -v.radius * v.length() * v.endOn()))
                .toList();
        List<VesselTruth> out = new ArrayList<>();
        for (VesselSegment v : endOn) {
            double u = (v.x0 + v.x1) / 2, z = (v.z0 + v.z1) / 2;
            double col = g.column(u), row = g.row(-z);
            if (col < 0 || row < 0 || col > g.width - 1 || row > g.height - 1) {
                continue;
            }
            double contrast = detector.contrast(u, -z, deltaMu * v.chord(u, z));
            out.add(new VesselTruth(out.size() + 1, Organ.LUNG.label(), v.radius, contrast, List.of(0),
                    List.of(new double[] {col, row, 0})));
        }
        return out;
    }

    private static double[] pixelToPlane(Grid g, double[] pixel) {
        return new double[] {g.x(pixel[0]), g.y(pixel[1])};
    }

    /** The image's geometry and display: window over the exposed pixels, the sigmoid VOI LUT in LUT studies, the shutter. */
    private static VolumeInfo info(PhantomConfig c, RadiographProtocol p, Grid g, String sop, float[] pixels, Shutter shutter) {
        double[] window = RadiographDisplay.window(pixels, g.width, g.height, shutter);
        VoiLut lut = p.voiLut() ? RadiographDisplay.sigmoid(window[0], window[1], p.maxStored()) : null;
        String description = String.format(Locale.ROOT, "TumorJ phantom %s chest PA (%s)", p.dicomModality(), p.name());
        // Coronal image plane: rows run to the patient's left, columns down to the feet (PatientOrientation L\F).
        double[] origin = {g.x(0), 0, -g.y(0)};
        return new VolumeInfo(p.dicomModality(), Uids.derive(c.seed(), c.studyNumber(), "study"),
                Uids.derive(c.seed(), c.studyNumber(), "series"), description, c.patientId(), g.width, g.height,
                g.spacing, g.spacing, 1, origin, new double[] {1, 0, 0}, new double[] {0, 0, -1}, window[0], window[1],
                p.monochrome1(), List.of(sop), List.of(), lut, shutter);
    }
}
