package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.annotation.Annotation;
import org.tumorj.annotation.AnnotationFileException;
import org.tumorj.dataset.AnnotationReader;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Study;
import org.tumorj.phantom.AnswerKey;
import org.tumorj.phantom.LesionTruth;
import org.tumorj.phantom.MrSeries;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomGenerator;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.phantom.PhantomStudy;
import org.tumorj.phantom.PhantomStudyWriter;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;

/**
 * An MR phantom study with four series, written to DICOM and read back: each series is found by
 * its description, shares the geometry, has its own UIDs and contrast, and the annotations go
 * with the T2 series they were drawn on.
 */
class MrSeriesPhantomTest {
    @TempDir static Path dir;
    static PhantomStudy study;
    static Path folder;

    @BeforeAll
    static void write() throws IOException {
        study = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.MR, 11, 1).withSize(96).withSlices(10).withLesions(4, 5));
        folder = PhantomStudyWriter.write(study, dir.resolve(study.studyId()));
    }

    private static Volume load(String pattern) throws IOException {
        return new DicomStudies(org.tumorj.dicom.DicomReader.standard(), pattern, Progress.none()).load(folder);
    }

    @Test
    void everySeriesIsFoundByItsDescriptionWithTheSameGeometry() throws IOException {
        Volume t2 = load("^T2");
        for (MrSeries s : MrSeries.values()) {
            Volume v = load("^" + java.util.regex.Pattern.quote(s.label()));
            assertEquals(SeriesKind.valueOf(s.name()), SeriesKind.classify(v.info().seriesDescription()), s.name());
            assertEquals(t2.info().studyInstanceUid(), v.info().studyInstanceUid());
            assertArrayEquals(t2.info().origin(), v.info().origin(), 1e-6);
            assertEquals(t2.depth(), v.depth());
            if (s != MrSeries.T2) {
                assertNotEquals(t2.info().seriesInstanceUid(), v.info().seriesInstanceUid());
                assertTrue(java.util.Collections.disjoint(t2.info().sopInstanceUids(), v.info().sopInstanceUids()));
            }
        }
        assertArrayEquals(study.volume().slice(4), t2.slice(4), "T2 on disk is the annotated volume");
    }

    @Test
    void withoutAPatternTheStudyIsRefusedNamingItsSeries() {
        IOException e = assertThrows(IOException.class, () -> load(null));
        for (MrSeries s : MrSeries.values()) {
            assertTrue(e.getMessage().contains(s.label()), e.getMessage());
        }
    }

    @Test
    void annotationsGoWithTheT2SeriesAndAreRefusedOnAnother() throws IOException {
        Volume t2 = load("^T2");
        List<Annotation> found = AnnotationReader.sidecar().read(folder, t2);
        assertEquals(study.annotations().size(), found.size());
        assertEquals(study.annotations().get(0).sliceIndex(), found.get(0).sliceIndex());
        Volume t1 = load("^T1 axial");
        AnnotationFileException e = assertThrows(AnnotationFileException.class, () -> AnnotationReader.sidecar().read(folder, t1));
        assertTrue(e.getMessage().contains("--series"), e.getMessage());
    }

    @Test
    void lesionContrastDiffersBySeries() {
        AnswerKey truth = study.groundTruth();
        boolean anyDiffers = false;
        for (LesionTruth l : truth.lesions()) {
            int x = (int) Math.round(l.centrePixel()[0]), y = (int) Math.round(l.centrePixel()[1]), z = (int) Math.round(l.centrePixel()[2]);
            double t2 = ratio(study.mrSeries().get(MrSeries.T2), x, y, z);
            double post = ratio(study.mrSeries().get(MrSeries.T1_POST), x, y, z);
            anyDiffers |= Math.abs(t2 - post) > 0.2;
        }
        assertTrue(anyDiffers, "some lesion looks different on T2 and T1 post");
    }

    /** PlantedLesion centre over the mean of a ring 12 pixels away (its organ, roughly). */
    private static double ratio(Volume v, int x, int y, int z) {
        float[] s = v.slice(z);
        double ring = 0;
        int n = 0;
        for (int a = 0; a < 16; a++) {
            int rx = (int) Math.round(x + 12 * Math.cos(a * Math.PI / 8)), ry = (int) Math.round(y + 12 * Math.sin(a * Math.PI / 8));
            if (rx >= 0 && ry >= 0 && rx < v.width() && ry < v.height()) {
                ring += s[ry * v.width() + rx];
                n++;
            }
        }
        return s[y * v.width() + x] / Math.max(1, ring / Math.max(1, n));
    }

    @Test
    void trainingRefusesFoldersMixingCtAndMr() {
        PhantomStudy ct = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.CT, 11, 2).withSize(64).withSlices(4));
        List<LoadedStudy> mixed = List.of(loaded(study, study.volume()), loaded(ct, ct.volume()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModalityDefaults.commonKind(mixed));
        assertTrue(e.getMessage().contains("CT") && e.getMessage().contains("MR") && e.getMessage().contains("ct-0002"),
                e.getMessage());
    }

    @Test
    void theModalityWindowBecomesTheStudiesDefault() {
        TrainSettings asked = TrainSettings.of(1, 3, true, "modality", 2, "", "", 0.3, "T2");
        TrainSettings mr = ModalityDefaults.apply(asked, ModalityKind.MR);
        assertEquals(ModalityDefaults.MR_WINDOW, mr.preprocessing().windows().get(0));
        assertTrue(mr.adjacentSlices());
        TrainSettings xray = ModalityDefaults.apply(asked, ModalityKind.RADIOGRAPH);
        assertEquals(org.tumorj.backbone.InputWindow.PRESENTATION, xray.preprocessing().windows().get(0));
        assertTrue(!xray.adjacentSlices() && !xray.sampling().twoPointFiveD(), "a radiograph is one image: 2D");
        assertEquals(org.tumorj.backbone.InputWindow.SOFT_TISSUE, ModalityDefaults.apply(asked, ModalityKind.CT).preprocessing().windows().get(0));
        TrainSettings zscore = TrainSettings.of(1, 3, true, "zscore", 2, "", "", 0.3, "T2");
        assertEquals(zscore, ModalityDefaults.apply(zscore, ModalityKind.MR), "a window the user chose is kept");
    }

    private static LoadedStudy loaded(PhantomStudy s, Volume v) {
        return new LoadedStudy(new Study(s.studyId(), Path.of(s.studyId()), s.patientId()), v, s.annotations());
    }
}
