package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.annotation.AnnotationMasks;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.AnnotationClasses;
import org.tumorj.annotation.AnnotationSidecar;
import org.tumorj.annotation.RoiSetZip;
import org.tumorj.dataset.AnnotationReader;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.NiftiStudies;
import org.tumorj.dataset.StudySet;
import org.tumorj.dataset.TrainingData;
import org.tumorj.detect.FakeBackbone;
import org.tumorj.detect.Finding;
import org.tumorj.detect.FindingSlice;
import org.tumorj.detect.Point3;
import org.tumorj.interop.Algorithm;
import org.tumorj.interop.RegionLabel;
import org.tumorj.interop.RtStructureSetObject;
import org.tumorj.interop.SegmentationObject;
import org.tumorj.model.ModelBundle;
import org.tumorj.nifti.NiftiTestFiles;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomGenerator;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.phantom.PhantomStudy;
import org.tumorj.phantom.PhantomStudyWriter;
import org.tumorj.train.TrainingListener;
import org.tumorj.util.Progress;
import org.tumorj.volume.LabelImage;
import org.tumorj.volume.SliceRegion;
import org.tumorj.volume.VolumeInfo;

/**
 * Train from any annotation format, get the same model: small CT phantom studies annotated by
 * RoiSet.zip (tumour and normal-tissue outlines), their annotations converted to an RT Structure Set
 * ({@code rtstruct.dcm}), to a DICOM Segmentation ({@code seg.dcm}), both written by TumorJ's
 * exporters with one ROI / segment per outline named by its class, and to NIfTI image + label map
 * pairs (Decathlon layout). Each folder trains a filter detector (a few epochs, a stand-in backbone:
 * the filter features do not use it): the same sample count, the same validation figures and
 * bit-identical head weights as from the RoiSet.zip folder. The converted SEG and RTSTRUCT pass
 * dciodvfy without an error.
 *
 * <p>A label map or SEG holds pixels, not polygons: the outlines of the RoiSet.zip folder are first
 * replaced by their pixel-edge outlines (the pixels whose centre they contain, traced as TumorJ
 * traces findings) so that every format carries exactly the same regions.
 */
class FormatTrainingTest {
    private static final Algorithm CONVERTER = new Algorithm("test", "annotations", "tumor");
    private static final AnnotationClasses CLASSES = TrainSettings.defaults(1).classes();

    @TempDir static Path dir;
    private static final Map<String, ModelBundle> models = new LinkedHashMap<>();
    private static final Map<String, List<LoadedStudy>> loaded = new LinkedHashMap<>();
    /** Per format, the training log's lines that count samples ("pixels: N training (P positive), ..."). */
    private static final Map<String, List<String>> sampleLines = new LinkedHashMap<>();
    private static final List<Path> dicomObjects = new ArrayList<>();

    @BeforeAll
    static void convertAndTrain() throws IOException {
        Path roiSets = dir.resolve("roiset");
        for (int i = 1, written = 0; written < 3; i++) {
            PhantomStudy p = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.CT, 21, i).withSize(96)
                    .withSlices(8).withLesions(2, 3));
            if (p.annotations().stream().allMatch(a -> components(a, p.volume().info()) == 1)) {
                Path study = PhantomStudyWriter.write(p, roiSets.resolve("ct" + i));
                Files.delete(study.resolve(AnnotationSidecar.FILE_NAME));
                Files.delete(study.resolve("RoiSet.zip"));
                RoiSetZip.write(study.resolve("RoiSet.zip"), pixelOutlines(p.annotations(), p.volume().info()));
                written++;
            }
        }
        List<LoadedStudy> studies = load(roiSets);
        models.put("RoiSet.zip", train("RoiSet.zip", studies));
        loaded.put("RoiSet.zip", studies);
        for (String format : List.of("rtstruct", "seg")) {
            Path root = dir.resolve(format);
            for (LoadedStudy s : studies) {
                Path folder = imagesOnly(roiSets.resolve(s.id()), root.resolve(s.id()));
                Path file = folder.resolve(format + ".dcm");
                List<Finding> regions = regions(s);
                List<RegionLabel> labels = s.annotations().stream().map(a -> new RegionLabel(a.label(),
                        CLASSES.role(a.label()) == AnnotationClasses.Role.POSITIVE)).toList();
                if (format.equals("seg")) {
                    SegmentationObject.of(s.volume(), regions, labels, s.id(), CONVERTER).write(file);
                } else {
                    RtStructureSetObject.of(s.volume(), regions, labels, s.id(), CONVERTER).write(file);
                }
                dicomObjects.add(file);
            }
            loaded.put(format, load(root));
            models.put(format, train(format, loaded.get(format)));
        }
        loaded.put("NIfTI", load(nifti(studies, dir.resolve("Task98_Formats"))));
        models.put("NIfTI", train("NIfTI", loaded.get("NIfTI")));
    }

    @Test
    void everyFormatTrainsTheSameModelAsRoiSetZip() {
        ModelBundle reference = models.get("RoiSet.zip");
        assertTrue(reference.metrics().samples() > 50 && reference.metrics().positives() > 5,
                "validation samples " + reference.metrics().samples() + ", positive " + reference.metrics().positives());
        // sampled, then with hard negatives, in each of CT's two stages
        assertEquals(4, sampleLines.get("RoiSet.zip").size(), String.join("\n", sampleLines.get("RoiSet.zip")));
        assertEquals(4, models.size());
        models.forEach((format, m) -> {
            assertEquals(sampleLines.get("RoiSet.zip"), sampleLines.get(format), format + ": sample counts");
            assertEquals(reference.metrics(), m.metrics(), format + ": validation figures");
            assertEquals(reference.trainingLogCsv(), m.trainingLogCsv(), format + ": loss per epoch");
            assertEquals(reference.training(), m.training(), format + ": training record");
            assertEquals(reference.threshold(), m.threshold(), format + ": threshold");
            assertArrayEquals(reference.head().kernel1(), m.head().kernel1(), format + ": head kernel 1");
            assertArrayEquals(reference.head().bias1(), m.head().bias1(), format + ": head bias 1");
            assertArrayEquals(reference.head().kernel2(), m.head().kernel2(), format + ": head kernel 2");
            assertEquals(Float.floatToIntBits(reference.head().bias2()), Float.floatToIntBits(m.head().bias2()),
                    format + ": head bias 2");
        });
    }

    @Test
    void everyFormatKeepsEveryRegionWithItsClassOnItsSlice() {
        List<LoadedStudy> reference = loaded.get("RoiSet.zip");
        assertTrue(reference.stream().allMatch(s -> s.annotations().stream().anyMatch(a -> role(a) == AnnotationClasses
                .Role.NEGATIVE) && s.annotations().stream().anyMatch(a -> role(a) == AnnotationClasses.Role.POSITIVE)),
                "the phantoms have tumour and normal outlines");
        loaded.forEach((format, studies) -> {
            assertEquals(reference.stream().map(LoadedStudy::id).toList(), studies.stream().map(LoadedStudy::id).toList());
            for (int k = 0; k < studies.size(); k++) {
                assertEquals(regionsBySlice(reference.get(k)), regionsBySlice(studies.get(k)),
                        format + " " + studies.get(k).id() + ": role@slice -> regions");
            }
        });
    }

    private static AnnotationClasses.Role role(Annotation a) {
        return CLASSES.role(a.label());
    }

    private static Map<String, Integer> regionsBySlice(LoadedStudy s) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        s.annotations().forEach(a -> out.merge(role(a) + "@" + a.sliceIndex(), 1, Integer::sum));
        return out;
    }

    @Test
    void theConvertedObjectsPassDciodvfy() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dciodvfy")), "dciodvfy is not installed: apt-get install"
                + " dicom3tools (or run scripts/install-test-tools); the check is skipped");
        for (Path file : dicomObjects) {
            Process p = new ProcessBuilder("/usr/bin/dciodvfy", file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(List.of(), out.lines().filter(l -> l.startsWith("Error")).toList(), file + ":\n" + out);
        }
    }

    private static ModelBundle train(String format, List<LoadedStudy> studies) {
        TrainSettings d = TrainSettings.defaults(1);
        TrainSettings settings = TrainSettings.of(1, 6, true, "modality", d.inputScale(), "", "", 0.3, "");
        List<String> lines = new ArrayList<>();
        Progress log = new Progress() {
            @Override public void update(String step, long done, long total) {}
            @Override public void log(String message) {
                if (message.startsWith("pixels:") || message.startsWith("with hard negatives:")) {
                    lines.add(message);
                }
            }
            @Override public boolean isCancelled() { return false; }
        };
        sampleLines.put(format, lines);
        // one detector: what is compared is how each format's outlines train, not the ensemble
        return new DetectorTraining(new FakeBackbone(32, 8), settings).withFeatures(FeatureChoice.FILTERS).withMembers(1)
                .train(studies, log, TrainingListener.none());
    }

    private static List<LoadedStudy> load(Path root) throws IOException {
        return TrainingData.load(StudySet.open(root), new NiftiStudies(null, DicomStudies.standard(Progress.none()),
                Progress.none()), AnnotationReader.standard(RoiSetZip.NO_GROUP_NAMES), Progress.none());
    }

    /** The study's DICOM images, without its annotations. */
    private static Path imagesOnly(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".dcm") && !name.equals("seg.dcm") && !name.equals("rtstruct.dcm")) {
                    Files.copy(f, to.resolve(name));
                }
            }
        }
        return to;
    }

    /** Each outline as a "finding" (one component on one slice) the exporters write as one ROI / segment. */
    private static List<Finding> regions(LoadedStudy s) {
        VolumeInfo info = s.volume().info();
        List<Finding> out = new ArrayList<>();
        for (Annotation a : s.annotations()) {
            LabelImage c = LabelImage.label8(AnnotationMasks.fill(a, info.width(), info.height()), info.width(), info.height());
            assertEquals(1, c.count(), "one component per outline");
            SliceRegion region = c.regions().get(0);
            FindingSlice slice = new FindingSlice(a.sliceIndex(), region, c.contour(1), region.pixelCount(), 1f);
            float score = CLASSES.role(a.label()) == AnnotationClasses.Role.POSITIVE ? 1f : 0f;
            out.add(new Finding(out.size() + 1, score, score, score, a.sliceIndex(), a.sliceIndex(), region.bounds(),
                    region.pixelCount(), region.pixelCount(), region.pixelCount(), new Point3(0, 0, a.sliceIndex()),
                    new Point3(0, 0, 0), List.of(slice)));
        }
        return out;
    }

    /** The outlines replaced by the pixel-edge outlines of the pixels they contain. */
    private static List<Annotation> pixelOutlines(List<Annotation> outlines, VolumeInfo info) {
        List<Annotation> out = new ArrayList<>();
        for (Annotation a : outlines) {
            LabelImage c = LabelImage.label8(AnnotationMasks.fill(a, info.width(), info.height()), info.width(), info.height());
            var contour = c.contour(1);
            float[] xs = new float[contour.size()], ys = new float[contour.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = contour.x(i);
                ys[i] = contour.y(i);
            }
            out.add(new Annotation(a.label(), a.sliceIndex(), a.sopInstanceUid(), xs, ys));
        }
        return out;
    }

    /** The Decathlon layout: imagesTr, labelsTr (one value per class) and dataset.json. */
    private static Path nifti(List<LoadedStudy> studies, Path root) throws IOException {
        Files.createDirectories(root.resolve("imagesTr"));
        Files.createDirectories(root.resolve("labelsTr"));
        Map<String, Integer> values = new LinkedHashMap<>();
        studies.forEach(s -> s.annotations().forEach(a -> values.putIfAbsent(a.label(), values.size() + 1)));
        StringBuilder labels = new StringBuilder("{\"0\": \"background\"");
        values.forEach((name, v) -> labels.append(", \"").append(v).append("\": \"").append(name).append('"'));
        Files.writeString(root.resolve("dataset.json"), "{\"name\": \"formats\", \"modality\": {\"0\": \"CT\"},"
                + " \"labels\": " + labels + "}}", StandardCharsets.UTF_8);
        for (LoadedStudy s : studies) {
            VolumeInfo info = s.volume().info();
            List<float[]> map = new ArrayList<>();
            for (int z = 0; z < s.volume().depth(); z++) {
                map.add(new float[info.width() * info.height()]);
            }
            for (Annotation a : s.annotations()) {
                boolean[] m = AnnotationMasks.fill(a, info.width(), info.height());
                for (int p = 0; p < m.length; p++) {
                    if (m[p]) {
                        map.get(a.sliceIndex())[p] = values.get(a.label());
                    }
                }
            }
            NiftiTestFiles.write(root.resolve("imagesTr/" + s.id() + ".nii.gz"), info, s.volume().slices());
            NiftiTestFiles.write(root.resolve("labelsTr/" + s.id() + ".nii.gz"), info, map);
        }
        return root;
    }

    private static int components(Annotation a, VolumeInfo info) {
        return LabelImage.label8(AnnotationMasks.fill(a, info.width(), info.height()), info.width(), info.height()).count();
    }
}
