package org.tumorj.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.dataset.LoadedStudy;
import org.tumorj.detect.Detections;
import org.tumorj.detect.FakeBackbone;
import org.tumorj.detect.Finding;
import org.tumorj.model.ModelBundle;
import org.tumorj.train.TrainingListener;
import org.tumorj.util.Progress;

/** An ensemble trained on folds of the synthetic disc studies, saved, loaded and run. */
class EnsembleTrainingTest {
    private static List<LoadedStudy> studies(int n) {
        List<LoadedStudy> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(DiscAlignmentTest.study("CT", i));
        }
        return out;
    }

    private static DetectorTraining training(TrainSettings settings) {
        return new DetectorTraining(new FakeBackbone(32, 8), settings).withFeatures(FeatureChoice.FILTERS);
    }

    @Test
    void aSavedEnsembleFindsWhatItFoundInMemoryOnTheLesion(@TempDir Path dir) throws IOException {
        TrainSettings settings = TrainSettings.of(1, 10, true, "modality", TrainSettings.DEFAULT_INPUT_SCALE, "", "",
                0.3, "");
        ModelBundle bundle = training(settings).withMembers(2).train(studies(4), Progress.none(), TrainingListener.none());
        bundle.save(dir);
        TrainedDetector inMemory = new TrainedDetector(new FakeBackbone(32, 8), bundle);
        TrainedDetector loaded = new TrainedDetector(new FakeBackbone(32, 8),
                ModelBundle.load(dir, new FakeBackbone(32, 8).info()));
        LoadedStudy unseen = DiscAlignmentTest.study("CT", 4);

        Detections a = inMemory.detect(unseen.volume(), unseen.id(), inMemory.defaultParams(unseen.volume()), Progress.none());
        Detections b = loaded.detect(unseen.volume(), unseen.id(), loaded.defaultParams(unseen.volume()), Progress.none());

        assertEquals(2, loaded.members());
        JsonArray members = bundle.training().getAsJsonObject(EnsembleMembers.KEY).getAsJsonArray("members");
        double meanThreshold = (members.get(0).getAsJsonObject().get("threshold").getAsDouble()
                + members.get(1).getAsJsonObject().get("threshold").getAsDouble()) / 2;
        assertEquals(meanThreshold, bundle.threshold(), 1e-12, "the bundle's threshold is the members' mean");
        assertFalse(a.findings().isEmpty(), "nothing found at " + bundle.threshold());
        assertEquals(a.findings().size(), b.findings().size());
        for (int i = 0; i < a.findings().size(); i++) {
            Finding x = a.findings().get(i), y = b.findings().get(i);
            assertEquals(x.score(), y.score(), "finding " + (i + 1));
            assertEquals(x.centroidPx(), y.centroidPx(), "finding " + (i + 1));
        }
        Finding best = a.findings().get(0);
        assertEquals(36.7, best.centroidPx().x(), 2.0, best.toString());
        assertEquals(27.4, best.centroidPx().y(), 2.0, best.toString());
    }

    @Test
    void threeMembersOnCtMrAndRadiographsUnlessAskedForOne() {
        assertEquals(3, ModalityDefaults.members(ModalityKind.CT));
        assertEquals(3, ModalityDefaults.members(ModalityKind.MR));
        assertEquals(3, ModalityDefaults.members(ModalityKind.RADIOGRAPH));
        assertEquals(1, ModalityDefaults.members(ModalityKind.OTHER), "unmeasured modalities train one");
        TrainedDetector single = DiscAlignmentTest.smallDetector(); // --members 1
        assertEquals(1, single.members());
        assertFalse(single.bundle().training().has(EnsembleMembers.KEY));
    }

    /**
     * A member without an entry the first member has (its finding scorer not fitted: too few
     * candidates) still lacks it once the bundle is saved and read back, and does not borrow the
     * first member's. (Written as a JSON null until 2026-12-08, the bundle file dropped it.)
     */
    @Test
    void aMemberLackingAnEntryStillLacksItReadBack(@TempDir Path dir) throws IOException {
        ModelBundle first = DiscAlignmentTest.smallDetector().bundle();
        String key = first.training().keySet().iterator().next();
        com.google.gson.JsonObject lacking = first.training().deepCopy();
        lacking.remove(key);
        lacking.addProperty("extra", 1);
        ModelBundle second = first.asMember(first.head(), lacking, 0.25);
        EnsembleMembers.combine(List.of(first, second)).save(dir);
        List<ModelBundle> read = EnsembleMembers.members(ModelBundle.load(dir, new FakeBackbone(32, 8).info()));
        assertTrue(read.get(0).training().has(key));
        assertFalse(read.get(1).training().has(key), "the second member has no '" + key + "'");
        assertEquals(1, read.get(1).training().get("extra").getAsInt());
        assertEquals(0.25, read.get(1).threshold(), 1e-12);
    }

    @Test
    void membersAreNotFineTuned() {
        TrainSettings tuned = TrainSettings.of(1, 10, true, "modality", TrainSettings.DEFAULT_INPUT_SCALE, "", "", 0.3, "")
                .withFineTunedBlocks(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> training(tuned)
                .withFeatures(FeatureChoice.BOTH).withMembers(3).train(studies(4), Progress.none(), TrainingListener.none()));
        assertTrue(e.getMessage().contains("--fine-tune"), e.getMessage());
    }
}
