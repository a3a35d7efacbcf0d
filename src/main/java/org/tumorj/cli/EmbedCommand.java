package org.tumorj.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.Backbones;
import org.tumorj.backbone.FloatTensor;
import org.tumorj.backbone.RgbImages;

/**
 * {@code ./tumorj embed IMAGE}: the default backbone's 1280-float embedding of an RGB PNG or JPEG,
 * printed as a JSON array. Images of the backbone's input size (224 x 224) go in unresized; others
 * are resized bilinearly to it.
 */
public final class EmbedCommand implements CliCommand {

    @Override
    public String name() {
        return "embed";
    }

    @Override
    public String summary() {
        return "IMAGE: print the backbone embedding of a PNG/JPEG as a JSON array";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Options o = Options.parse(args, Set.of(), Set.of());
        if (o.positional().size() != 1) {
            throw new CliException("usage: ./tumorj embed IMAGE (a PNG or JPEG)");
        }
        Path file = Path.of(o.positional().get(0));
        FloatTensor image;
        try {
            image = RgbImages.read(file);
        } catch (IOException e) {
            throw new CliException(e.getMessage(), e);
        }
        try (Backbone backbone = Backbones.openDefault()) {
            int size = backbone.info().inputSize();
            float[] embedding = backbone.embed(RgbImages.resize(image, size, size))[0];
            System.out.println(toJson(embedding));
        }
        return 0;
    }

    static String toJson(float[] values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ",").append(values[i]);
        }
        return sb.append(']').toString();
    }
}
