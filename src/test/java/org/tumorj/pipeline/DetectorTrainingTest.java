package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.Backbones;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Study;
import org.tumorj.detect.Detections;
import org.tumorj.detect.DetectionsCsv;
import org.tumorj.model.ModelBundle;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomGenerator;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.phantom.PhantomStudy;
import org.tumorj.train.TrainingListener;
import org.tumorj.util.Progress;

/**
 * The whole path on small CT phantoms with the real backbone: train, save, load, detect. Checks
 * what a lab relies on: validation is on held-out studies, a bundle reloads to the same detector,
 * and detection is deterministic.
 */
class DetectorTrainingTest {
    private static Backbone backbone;
    private static List<LoadedStudy> studies;
    private static ModelBundle bundle;

    @BeforeAll
    static void train() throws Exception {
        backbone = Backbones.openDefault();
        studies = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            PhantomStudy p = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.CT, 7, i).withSize(128).withSlices(10));
            studies.add(new LoadedStudy(new Study(p.studyId(), Path.of(p.studyId()), p.patientId()), p.volume(), p.annotations()));
        }
        TrainSettings defaults = TrainSettings.defaults(7);
        TrainSettings settings = new TrainSettings(defaults.preprocessing(), true, defaults.sampling(),
                defaults.training().withEpochs(12, 4), defaults.classes(), 0.3, null, defaults.inputScale());
        bundle = new DetectorTraining(backbone, settings).train(studies, Progress.none(), TrainingListener.none());
    }

    @AfterAll
    static void close() {
        backbone.close();
    }

    /**
     * The bundle records what it was validated on: cells of held-out studies of both classes, so
     * the AUC means something. (How good it is on phantoms is measured by the demo and the
     * sample-efficiency benchmark, not asserted on four tiny studies, where it is noise.)
     */
    @Test
    void validatesOnHeldOutStudiesWithBothClasses() {
        var metrics = bundle.metrics();
        assertTrue(metrics.positives() > 0 && metrics.samples() > metrics.positives(), metrics.toString());
        assertEquals(1, metrics.groups(), "one of four studies held out (30 %), never a part of one");
    }

    @Test
    void aReloadedBundleDetectsExactlyTheSame(@TempDir Path dir) throws Exception {
        bundle.save(dir.resolve("model"));
        ModelBundle reloaded = ModelBundle.load(dir.resolve("model"), backbone.info());
        LoadedStudy study = studies.get(0);
        TrainedDetector a = new TrainedDetector(backbone, bundle);
        TrainedDetector b = new TrainedDetector(backbone, reloaded);
        assertEquals(3, a.members(), "CT trains an ensemble of three by default");
        assertEquals(3, b.members());
        Detections da = a.detect(study.volume(), study.id(), a.defaultParams(study.volume()), Progress.none());
        Detections db = b.detect(study.volume(), study.id(), b.defaultParams(study.volume()), Progress.none());
        assertEquals(DetectionsCsv.format(List.of(da), false), DetectionsCsv.format(List.of(db), false));
        assertArrayEquals(da.maps().slice(3), db.maps().slice(3));
    }

    /** The cell-level head's line: no interval from one held-out study, and no threshold besides the one the model keeps. */
    @Test
    void theCellLevelValidationLineHasNoIntervalFromOneStudyAndNoSecondThreshold() {
        double[] z = {-2, -1, 0.5, 1, 2, -0.5, 0.2, 1.5};
        boolean[] y = {false, false, true, true, true, false, false, true};
        String[] one = new String[z.length];
        java.util.Arrays.fill(one, "ct-0004");
        String line = DetectorTraining.validationLine(org.tumorj.metrics.ValidationReport.evaluate(z, y, one,
                org.tumorj.metrics.EvaluationOptions.defaults(1)));
        assertTrue(line.startsWith("validation cells: AUC "), line);
        assertTrue(!line.contains("[") && !line.contains("threshold"), line);
    }
}
