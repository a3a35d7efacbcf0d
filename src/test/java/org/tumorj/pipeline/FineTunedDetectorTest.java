package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.tumorj.backbone.FloatTensor;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.dataset.Study;
import org.tumorj.detect.Detections;
import org.tumorj.model.ModelBundle;
import org.tumorj.phantom.PhantomConfig;
import org.tumorj.phantom.PhantomGenerator;
import org.tumorj.phantom.PhantomModality;
import org.tumorj.phantom.PhantomStudy;
import org.tumorj.train.TrainingListener;
import org.tumorj.util.Progress;

/**
 * Top-block fine-tuning in the pixel detector ({@code --fine-tune N}): the bundle carries the
 * fine-tuned network, named as such, and a saved bundle detects with it after reloading (the
 * hypercolumn layers must be exported with it, or detection fails).
 */
class FineTunedDetectorTest {
    private static Backbone pretrained;
    private static List<LoadedStudy> studies;
    private static ModelBundle bundle;

    @BeforeAll
    static void train() throws Exception {
        pretrained = Backbones.openDefault();
        studies = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            PhantomStudy p = PhantomGenerator.generate(PhantomConfig.of(PhantomModality.CT, 11, i).withSize(128).withSlices(8));
            studies.add(new LoadedStudy(new Study(p.studyId(), Path.of(p.studyId()), p.patientId()), p.volume(), p.annotations()));
        }
        TrainSettings settings = settings(2).withFineTunedBlocks(1);
        bundle = new DetectorTraining(pretrained, settings).withFeatures(FeatureChoice.HYPERCOLUMNS)
                .train(studies, Progress.none(), TrainingListener.none());
    }

    private static TrainSettings settings(int epochs) {
        TrainSettings d = TrainSettings.defaults(5);
        return new TrainSettings(d.preprocessing(), true, d.sampling(), d.training().withEpochs(epochs, 1), d.classes(),
                0.3, null, d.inputScale());
    }

    @AfterAll
    static void close() {
        pretrained.close();
    }

    @Test
    void theBundleNamesAndCarriesTheFineTunedNetwork() {
        assertNotNull(bundle.bundledBackbone(), "a fine-tuned bundle must carry its network");
        assertEquals(pretrained.info().id() + "-finetuned", bundle.backbone().id());
        assertNotEquals(pretrained.info().sha256(), bundle.backbone().sha256(), "the trained block changed no weight");
        assertEquals("TOP_BLOCKS_UNFROZEN", bundle.training().get("mode").getAsString());
        assertEquals(1, bundle.training().get("unfrozenBlocks").getAsInt());
    }

    @Test
    void aSavedBundleDetectsWithItsOwnNetwork(@TempDir Path dir) throws Exception {
        bundle.save(dir.resolve("model"));
        try (Bundles.Opened opened = Bundles.open(dir.resolve("model"))) {
            assertEquals(bundle.backbone().sha256(), opened.backbone().info().sha256());
            TrainedDetector detector = opened.detector();
            LoadedStudy study = studies.get(0);
            Detections found = detector.detect(study.volume(), study.id(), detector.defaultParams(study.volume()),
                    Progress.none());
            assertEquals(study.volume().depth(), found.sliceScores().length);
            assertEquals(org.tumorj.backbone.MobileNetGraph.TAPS, opened.backbone().taps(),
                    "the bundled network must export the layers the hypercolumns read");
        }
    }

    @Test
    void fineTuningWithoutTheNetworksFeaturesIsRefusedWithTheFix() {
        var e = assertThrows(IllegalArgumentException.class, () -> new DetectorTraining(pretrained,
                settings(1).withFineTunedBlocks(1)).withFeatures(FeatureChoice.FILTERS)
                .train(studies, Progress.none(), TrainingListener.none()));
        assertTrue(e.getMessage().contains("--features both or hypercolumns"), e.getMessage());
    }

    @Test
    void aPatchIsCutAroundItsCentreEnlargedAndTurnedAboutIt() {
        FloatTensor encoded = FloatTensor.zeros(1, 64, 64, 3);
        encoded.set(0, 20, 30, 1, 1f); // one marked pixel, green
        int n = BackboneFineTuning.NETWORK_PATCH;
        for (int turn = 0; turn < 8; turn++) {
            float[] patch = BackboneFineTuning.crop(encoded, 64, 64, 30, 20, 2, turn);
            int marked = 0;
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    if (patch[(y * n + x) * 3 + 1] == 1f) {
                        marked++;
                        assertTrue(Math.abs(x - n / 2) <= 2 && Math.abs(y - n / 2) <= 2, "turn " + turn + ": at " + x + "," + y);
                    }
                }
            }
            assertEquals(4, marked, "turn " + turn + ": the pixel enlarged 2x2");
        }
    }
}
