package org.tumorj.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.tumorj.dicom.ColorVolume;
import org.tumorj.dicom.DicomException;
import org.tumorj.dicom.DicomReader;
import org.tumorj.dicom.DicomScan;
import org.tumorj.dicom.DicomSeries;
import org.tumorj.dicom.SeriesSummary;
import org.tumorj.dicom.VolumeStream;
import org.tumorj.export.SixteenBitCoding;
import org.tumorj.export.TiffStack;
import org.tumorj.nifti.NiftiImage;
import org.tumorj.nifti.NiftiVolumes;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./tumorj convert PATH OUT.tif [--series UID|N]}: one series (or a NIfTI image) as a TIFF stack of modality
 * values, slices in sorted order, written atomically: unsigned 16-bit with ImageJ's value
 * calibration when every value is an integer within a 16-bit span (CT in HU, most MR), 32-bit
 * float otherwise (non-integer rescale slopes, wider spans), RGB for colour.
 */
@Command(name = "convert", description = {"Write a series (or a .nii/.nii.gz image) as a 16-bit, float or RGB TIFF stack.",
    "Modality values (HU): 16-bit calibrated when they fit, else 32-bit float; written atomically."})
public final class ConvertCommand implements CliCommand {
    @Parameters(index = "0", paramLabel = "PATH", description = "A DICOM file or folder, or a .nii/.nii.gz image.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT.tif", description = "The TIFF stack to write.")
    Path out;

    @Option(names = "--series", paramLabel = "UID|N",
            description = "Which series when PATH holds several: its SeriesInstanceUID or its number in ./tumorj info.")
    String series;

    @Override
    public Integer call() throws CliException {
        if (Files.isRegularFile(in) && NiftiImage.isNiftiName(in)) {
            return convertNifti(in, out);
        }
        DicomScan scan = InfoCommand.scan(in);
        DicomSeries chosen = pick(scan, in, series);
        TiffStack stack;
        try {
            stack = write(DicomReader.standard(), chosen, out);
        } catch (DicomException e) {
            throw new CliException(e.getMessage(), e);
        } catch (IOException e) {
            throw CliException.forFile(out, "cannot write: " + e.getMessage());
        }
        System.out.printf("wrote %s (%d x %d x %d, %s)%n", out, stack.width(), stack.height(), stack.slices(),
                chosen.isColor() ? "RGB" : stack.coding() != null ? "16-bit, calibrated to modality values"
                        : "32-bit float modality values");
        return 0;
    }

    /**
     * Writes the series as Fiji should open it: calibrated in mm, each slice labelled with its
     * SOPInstanceUID, grey values shown through the series' window, stored in 16 bits where they
     * fit (as ImageJ stores a CT: half the bytes of float, the same values once calibrated). No
     * DICOM header goes in: it would carry the patient's name into a file that is easily passed on.
     *
     * @return the stack written (its slices may have been streamed: read its shape, not its pixels)
     */
    static TiffStack write(DicomReader reader, DicomSeries series, Path out) throws IOException {
        if (series.isColor()) {
            ColorVolume colour = reader.readColor(series, Progress.none());
            return write(labelled(TiffStack.ofRgb(colour.width(), colour.height(), colour.slices()), colour.info()), out);
        }
        String valueUnit = valueUnit(series.summary().modality());
        Optional<SixteenBitCoding> byHeader = series.integerValueRange()
                .flatMap(r -> SixteenBitCoding.forRange(r.min(), r.max(), valueUnit));
        Optional<VolumeStream> stream = byHeader.isPresent() ? reader.streamVolume(series, Progress.none()) : Optional.empty();
        if (stream.isPresent()) {
            // the header fixes both the window and the coding: each slice is written as it is decoded
            try (VolumeStream s = stream.get()) {
                return write(grey(s.info(), s.slices()).as16Bit(byHeader.get()), out);
            }
        }
        Volume v = reader.readVolume(series, Progress.none());
        TiffStack floats = grey(v.info(), v.slices());
        return write(SixteenBitCoding.fitting(v.slices(), valueUnit).map(floats::as16Bit).orElse(floats), out);
    }

    /**
     * A NIfTI image ({@code .nii}, {@code .nii.gz}) as the same TIFF: its first volume, slices
     * ascending along the normal, 16-bit where its (scaled) values fit, float otherwise.
     */
    private static int convertNifti(Path in, Path out) throws CliException {
        TiffStack stack;
        try {
            Volume v = NiftiVolumes.volume(NiftiImage.read(in), "");
            stack = write(SixteenBitCoding.fitting(v.slices(), valueUnit("")).map(grey(v.info(), v.slices())::as16Bit)
                    .orElse(grey(v.info(), v.slices())), out);
        } catch (IOException e) {
            throw new CliException(e.getMessage(), e);
        }
        System.out.printf("wrote %s (%d x %d x %d, %s)%n", out, stack.width(), stack.height(), stack.slices(),
                stack.coding() != null ? "16-bit, calibrated to the image's values" : "32-bit float values");
        return 0;
    }

    private static TiffStack write(TiffStack stack, Path out) throws IOException {
        stack.write(out);
        return stack;
    }

    private static TiffStack grey(VolumeInfo info, List<float[]> slices) {
        TiffStack stack = TiffStack.ofFloats(info.width(), info.height(), slices).withDisplayRange(
                info.windowCenter() - info.windowWidth() / 2, info.windowCenter() + info.windowWidth() / 2);
        return labelled(stack, info);
    }

    private static TiffStack labelled(TiffStack stack, VolumeInfo info) {
        return stack.calibrated(info.spacingX(), info.spacingY(), info.spacingZ(), "mm").withLabels(info.sopInstanceUids());
    }

    /** Hounsfield units for CT, as its rescale defines them; ImageJ's neutral name for the rest. */
    private static String valueUnit(String modality) {
        return modality.equals("CT") ? "HU" : "Gray Value";
    }

    /** {@code 1 = UID (CT, 512x512, 120 slices), 2 = ...} in info's order, the numbers --series takes. */
    private static String listing(DicomScan scan) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < scan.series().size(); i++) {
            SeriesSummary s = scan.series().get(i).summary();
            b.append(i == 0 ? "" : ", ").append(i + 1).append(" = ").append(s.seriesInstanceUID())
                    .append(" (").append(s.modality()).append(", ").append(s.columns()).append('x').append(s.rows())
                    .append(", ").append(s.slices()).append(s.slices() == 1 ? " slice)" : " slices)");
        }
        return b.toString();
    }

    private static DicomSeries pick(DicomScan scan, Path in, String wanted) throws CliException {
        if (wanted != null) {
            return scan.find(wanted).orElseThrow(() -> CliException.forFile(in, "no series '" + wanted
                    + "' (give a SeriesInstanceUID or a number 1.." + scan.series().size() + "; see ./tumorj info)"));
        }
        if (scan.series().size() > 1) {
            throw CliException.forFile(in, "holds " + scan.series().size() + " series: " + listing(scan)
                    + "; pick one with --series N or --series UID");
        }
        return scan.series().get(0);
    }
}
