package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.annotation.AnnotationMasks;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.AnnotationSidecar;
import org.tumorj.annotation.RoiSetZip;
import org.tumorj.dataset.AnnotationReader;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.NiftiStudies;
import org.tumorj.dataset.StudySet;
import org.tumorj.dataset.TrainingData;
import org.tumorj.nifti.NiftiTestFiles;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomGenerator;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.phantom.PhantomStudy;
import org.tumorj.phantom.PhantomStudyWriter;
import org.tumorj.train.FeatureSet;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * CT phantom studies annotated by RoiSet.zip, converted to NIfTI image + label map pairs (the
 * Decathlon layout, and the side-by-side layout), load to the same volumes and the same region
 * masks, and training samples exactly the same pixels from them; a folder may mix formats, and
 * each study's files are logged.
 */
class NiftiTrainingTest {
    @TempDir static Path dir;
    private static Path dicomRoot;
    private static Path msdRoot;
    private static List<LoadedStudy> fromRoiSets;
    private static List<LoadedStudy> fromNifti;
    private static final List<String> log = new ArrayList<>();

    @BeforeAll
    static void convert() throws IOException {
        dicomRoot = dir.resolve("dicom");
        for (int i = 1, written = 0; written < 3; i++) {
            PhantomStudy p = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.CT, 21, i).withSize(96)
                    .withSlices(8).withLesions(2, 3));
            // A label map holds pixels: an outline covering no pixel centre (a lesion's sub-pixel tip) has no
            // counterpart in it, yet training samples a ring around it. Such studies cannot convert exactly.
            if (p.annotations().stream().allMatch(a -> pixels(a, p.volume().width(), p.volume().height()) > 0)) {
                Path study = PhantomStudyWriter.write(p, dicomRoot.resolve("ct" + i));
                Files.delete(study.resolve(AnnotationSidecar.FILE_NAME)); // RoiSet.zip is the annotation read
                written++;
            }
        }
        fromRoiSets = load(dicomRoot, Progress.none());
        msdRoot = dir.resolve("Task99_Phantom");
        Files.createDirectories(msdRoot.resolve("imagesTr"));
        Files.createDirectories(msdRoot.resolve("labelsTr"));
        Map<String, Integer> values = labelValues(fromRoiSets);
        StringBuilder labels = new StringBuilder("{\"0\": \"background\"");
        values.forEach((name, v) -> labels.append(", \"").append(v).append("\": \"").append(name).append('"'));
        Files.writeString(msdRoot.resolve("dataset.json"), "{\"name\": \"phantom\", \"modality\": {\"0\": \"CT\"},"
                + " \"labels\": " + labels + "}}", StandardCharsets.UTF_8);
        for (LoadedStudy s : fromRoiSets) {
            NiftiTestFiles.write(msdRoot.resolve("imagesTr/" + s.id() + ".nii.gz"), s.volume().info(), s.volume().slices());
            NiftiTestFiles.write(msdRoot.resolve("labelsTr/" + s.id() + ".nii.gz"), s.volume().info(), labelMap(s, values));
        }
        fromNifti = load(msdRoot, logTo(log));
    }

    @Test
    void theDecathlonLayoutGivesTheSameStudiesVolumesAndRegionMasks() {
        assertEquals(ids(fromRoiSets), ids(fromNifti));
        for (int k = 0; k < fromRoiSets.size(); k++) {
            Volume a = fromRoiSets.get(k).volume(), b = fromNifti.get(k).volume();
            assertEquals("CT", b.info().modality(), "dataset.json says CT");
            assertEquals(a.depth(), b.depth());
            for (int z = 0; z < a.depth(); z++) {
                assertArrayEquals(a.slice(z), b.slice(z), "slice " + z);
                assertArrayEquals(a.info().toPatient(3, 5, z), b.info().toPatient(3, 5, z), 1e-6, "position on slice " + z);
            }
            assertSameMasks(masks(fromRoiSets.get(k)), masks(fromNifti.get(k)), fromRoiSets.get(k).id());
            assertEquals(fromRoiSets.get(k).annotations().size(), fromNifti.get(k).annotations().size(),
                    "one region per outline");
        }
    }

    @Test
    void trainingSamplesTheSamePixelsFromEither() {
        TrainSettings settings = ModalityDefaults.apply(TrainSettings.defaults(7), ModalityKind.CT);
        ModelInput input = new ModelInput(settings.preprocessing(), settings.adjacentSlices());
        VolumeFeatures features = new VolumeFeatures(FeatureChoice.DEFAULT.spec(ModalityKind.CT).firstStage(), input,
                null, null);
        FeatureSet a = new PixelSampler(features, settings.classes(), 7).sample(fromRoiSets, Progress.none());
        FeatureSet b = new PixelSampler(features, settings.classes(), 7).sample(fromNifti, Progress.none());
        assertTrue(a.size() > 100 && a.positives() > 10, a.size() + " samples, " + a.positives() + " positive");
        assertEquals(a.size(), b.size(), "sample count");
        assertEquals(a.positives(), b.positives(), "positive samples");
        assertArrayEquals(a.labels(), b.labels());
        assertArrayEquals(a.groupIds(), b.groupIds());
    }

    @Test
    void eachStudyLogsItsFilesWithoutPatientAttributes() {
        for (LoadedStudy s : fromNifti) {
            assertTrue(log.contains("study " + s.id() + ": NIfTI image " + s.id() + ".nii.gz, CT (dataset.json says CT),"
                    + " orientation from the sform; label names from dataset.json"), String.join("\n", log));
            assertTrue(log.contains("study " + s.id() + ": " + s.annotations().size() + " regions from " + s.id()
                    + ".nii.gz"), String.join("\n", log));
        }
    }

    @Test
    void aFolderMayMixDicomAndSideBySideNiftiStudies() throws IOException {
        Path mixed = dir.resolve("mixed");
        LoadedStudy dicom = fromRoiSets.get(0), nifti = fromRoiSets.get(1);
        copyTree(dicomRoot.resolve(dicom.id()), mixed.resolve(dicom.id()));
        Path side = Files.createDirectories(mixed.resolve(nifti.id()));
        NiftiTestFiles.write(side.resolve("ct.nii"), nifti.volume().info(), nifti.volume().slices());
        Map<String, Integer> values = labelValues(fromRoiSets);
        NiftiTestFiles.write(side.resolve("ct_seg.nii.gz"), nifti.volume().info(), labelMap(nifti, values));
        StringBuilder names = new StringBuilder("{");
        values.forEach((name, v) -> names.append(names.length() > 1 ? ", " : "").append('"').append(v).append("\": \"")
                .append(name).append('"'));
        Files.writeString(side.resolve("labels.json"), names + "}");
        List<LoadedStudy> both = load(mixed, Progress.none());
        assertEquals(List.of(dicom.id(), nifti.id()), ids(both));
        assertSameMasks(masks(dicom), masks(both.get(0)), dicom.id());
        assertSameMasks(masks(nifti), masks(both.get(1)), nifti.id());
    }

    @Test
    void aLabelMapOffItsImagesGridIsRefusedNamingBothFiles() throws IOException {
        Path root = dir.resolve("mismatch");
        Path side = Files.createDirectories(root.resolve("study"));
        LoadedStudy s = fromRoiSets.get(0);
        VolumeInfo i = s.volume().info();
        VolumeInfo moved = new VolumeInfo(i.modality(), "", "", "", "", i.width(), i.height(), i.spacingX(), i.spacingY(),
                i.spacingZ(), new double[] {i.origin()[0] + 2 * i.spacingX(), i.origin()[1], i.origin()[2]},
                i.rowDirection(), i.columnDirection(), 40, 400, false, i.sopInstanceUids(), List.of());
        NiftiTestFiles.write(side.resolve("image.nii.gz"), i, s.volume().slices());
        NiftiTestFiles.write(side.resolve("image_seg.nii.gz"), moved, labelMap(s, labelValues(fromRoiSets)));
        IOException e = assertThrows(IOException.class, () -> load(root, Progress.none()));
        assertTrue(e.getMessage().startsWith(side.resolve("image_seg.nii.gz").toString())
                && e.getMessage().contains("does not match its image " + side.resolve("image.nii.gz")), e.getMessage());
    }

    private static List<LoadedStudy> load(Path root, Progress progress) throws IOException {
        return TrainingData.load(StudySet.open(root), new NiftiStudies(null, DicomStudies.standard(progress), progress),
                AnnotationReader.standard(RoiSetZip.NO_GROUP_NAMES), progress);
    }

    /** Label value per distinct region label, in order of first appearance. */
    private static Map<String, Integer> labelValues(List<LoadedStudy> studies) {
        Map<String, Integer> values = new LinkedHashMap<>();
        studies.forEach(s -> s.annotations().forEach(a -> values.putIfAbsent(a.label(), values.size() + 1)));
        return values;
    }

    private static List<float[]> labelMap(LoadedStudy s, Map<String, Integer> values) {
        VolumeInfo info = s.volume().info();
        List<float[]> slices = new ArrayList<>();
        for (int z = 0; z < info.sopInstanceUids().size(); z++) {
            slices.add(new float[info.width() * info.height()]);
        }
        for (Annotation a : s.annotations()) {
            boolean[] m = AnnotationMasks.fill(a, info.width(), info.height());
            float[] slice = slices.get(a.sliceIndex());
            for (int p = 0; p < m.length; p++) {
                if (m[p]) {
                    assertEquals(0f, slice[p], "regions overlap: a label map could not hold them");
                    slice[p] = values.get(a.label());
                }
            }
        }
        return slices;
    }

    /** Equal masks; on a difference, says where (label, slice, pixel counts) instead of printing every pixel. */
    private static void assertSameMasks(Map<String, String> expected, Map<String, String> actual, String study) {
        assertEquals(expected.keySet(), actual.keySet(), study + ": labels and slices");
        expected.forEach((key, m) -> assertTrue(m.equals(actual.get(key)), study + " " + key + ": "
                + m.chars().filter(c -> c == '1').count() + " pixels expected, " + actual.get(key).chars()
                .filter(c -> c == '1').count() + " read"));
    }

    /** Per label and slice, the pixels of its regions as a string of 0/1 (comparable with equals). */
    private static Map<String, String> masks(LoadedStudy s) {
        VolumeInfo info = s.volume().info();
        Map<String, boolean[]> union = new TreeMap<>();
        for (Annotation a : s.annotations()) {
            boolean[] m = union.computeIfAbsent(a.label() + "@" + a.sliceIndex(), k -> new boolean[info.width() * info.height()]);
            boolean[] f = AnnotationMasks.fill(a, info.width(), info.height());
            for (int p = 0; p < m.length; p++) {
                m[p] |= f[p];
            }
        }
        Map<String, String> out = new TreeMap<>();
        union.forEach((k, m) -> {
            StringBuilder b = new StringBuilder();
            for (boolean v : m) {
                b.append(v ? '1' : '0');
            }
            out.put(k, b.toString());
        });
        return out;
    }

    private static long pixels(Annotation a, int width, int height) {
        boolean[] m = AnnotationMasks.fill(a, width, height);
        return java.util.stream.IntStream.range(0, m.length).filter(p -> m[p]).count();
    }

    private static List<String> ids(List<LoadedStudy> studies) {
        return studies.stream().map(LoadedStudy::id).toList();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private static Progress logTo(List<String> lines) {
        return new Progress() {
            @Override public void update(String step, long done, long total) {}
            @Override public void log(String message) { lines.add(message); }
            @Override public boolean isCancelled() { return false; }
        };
    }
}
