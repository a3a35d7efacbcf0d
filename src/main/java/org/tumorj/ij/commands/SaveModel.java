package org.tumorj.ij.commands;

import java.io.IOException;
import org.tumorj.ij.ImageTrainingLoop;
import org.tumorj.ij.MacroKey;
import org.tumorj.ij.MacroKeys;
import org.tumorj.ij.MacroValues;
import org.tumorj.ij.TumorJCommand;

/**
 * Plugins > TumorJ > Save Model...: writes the model that Train on This Image trained last in
 * this Fiji session as the usual model bundle, which Detect Tumors, Batch Detect Folder and
 * {@code ./tumorj detect} read.
 */
public final class SaveModel extends TumorJCommand {
    public static final String COMMAND = "Save Model...";
    private static final MacroKeys KEYS = MacroKeys.of(COMMAND,
            MacroKey.folder("model", "", "Output folder of the model bundle (created; an existing bundle there is"
                    + " replaced, whole or not at all)"));

    public SaveModel() {
        super(KEYS, "model=/data/models/liver-v1");
    }

    @Override
    protected void execute(MacroValues v) throws IOException {
        ImageTrainingLoop.save(COMMAND, v.requiredPath("model", "no model folder given; write model=/folder/for/the/bundle"));
    }
}
