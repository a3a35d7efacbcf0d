package org.tumorj.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tumorj.backbone.Backbone;
import org.tumorj.backbone.Backbones;
import org.tumorj.backbone.FloatTensor;
import org.tumorj.backbone.ChannelMode;
import org.tumorj.backbone.Padding;
import org.tumorj.backbone.Preprocessing;
import org.tumorj.backbone.RgbImages;
import org.tumorj.backbone.InputWindow;
import org.tumorj.dicom.DicomException;
import org.tumorj.dicom.DicomReader;
import org.tumorj.dicom.DicomScan;
import org.tumorj.dicom.DicomSeries;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./tumorj embed IMAGE}: the default backbone's 1280-float embedding of an RGB PNG or JPEG,
 * or of a DICOM slice ({@code .dcm}, first slice of the file's series, its default window,
 * replicated to RGB), printed as a JSON array. Images of the backbone's input size (224 x 224) go
 * in unresized; others are resized bilinearly to it.
 */
@Command(name = "embed", description = {"Print the backbone embedding of a PNG/JPEG or DICOM slice as a JSON array.",
    "1280 floats of MobileNetV2; images are resized to 224 x 224, a DICOM slice goes through its window."})
public final class EmbedCommand implements CliCommand {
    @Parameters(paramLabel = "IMAGE", description = "A PNG, JPEG or DICOM (.dcm) file.")
    Path file;

    @Override
    public Integer call() throws Exception {
        FloatTensor image;
        try {
            image = isDicom(file) ? dicomSlice(file) : RgbImages.read(file);
        } catch (IOException | DicomException e) {
            throw new CliException(e.getMessage(), e);
        }
        try (Backbone backbone = Backbones.openDefault()) {
            int size = backbone.info().inputSize();
            float[] embedding = backbone.embed(RgbImages.resize(image, size, size))[0];
            System.out.println(toJson(embedding));
        }
        return 0;
    }

    private static boolean isDicom(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".dcm") || name.endsWith(".dicom");
    }

    /**
     * The first slice of the file's series in modality units, through the file's default window
     * (the 1st-99th percentile window when it has none), grey replicated to RGB.
     */
    static FloatTensor dicomSlice(Path file) throws IOException {
        DicomReader reader = DicomReader.standard();
        DicomScan scan = reader.scan(file, Progress.none());
        DicomSeries series = scan.largest().orElse(null);
        if (series == null) {
            if (!scan.problems().isEmpty()) {
                throw scan.problems().get(0);
            }
            throw new IOException(file + ": no DICOM image in this file");
        }
        Volume volume = reader.readVolume(series, Progress.none());
        VolumeInfo info = volume.info();
        InputWindow window = info.windowWidth() > 0 && Double.isFinite(info.windowCenter())
                ? InputWindow.fixed("DICOM default", info.windowCenter(), info.windowWidth()) : InputWindow.AUTO;
        Preprocessing p = new Preprocessing(List.of(window), ChannelMode.REPLICATE, Preprocessing.STRIDE);
        FloatTensor rgb = p.toRgb(volume.slice(0), info.width(), info.height(), Padding.EDGE);
        // toRgb pads to a multiple of 32; crop back so that the resize sees only the slice.
        return cropTo(rgb, info.height(), info.width());
    }

    private static FloatTensor cropTo(FloatTensor t, int h, int w) {
        if (t.h() == h && t.w() == w) {
            return t;
        }
        FloatTensor out = FloatTensor.zeros(1, h, w, 3);
        for (int y = 0; y < h; y++) {
            System.arraycopy(t.data(), t.index(0, y, 0, 0), out.data(), out.index(0, y, 0, 0), w * 3);
        }
        return out;
    }

    static String toJson(float[] values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ",").append(values[i]);
        }
        return sb.append(']').toString();
    }
}
