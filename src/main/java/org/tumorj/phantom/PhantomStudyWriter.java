package org.tumorj.phantom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tumorj.annotation.AnnotationSidecar;
import org.tumorj.annotation.RoiSetZip;
import org.tumorj.dicom.DicomWriter;
import org.tumorj.util.AtomicFiles;
import org.tumorj.util.Progress;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * Writes phantom studies to disk, one folder per study: {@code IM-0001.dcm ...} (one DICOM file
 * per slice; for MR the T2 series, then {@code T1-0001.dcm}, {@code FLAIR-...}, {@code T1POST-...}
 * for the other series made), the outlines twice, as {@code annotations.json} and as the ROI
 * Manager's {@code RoiSet.zip} (drawn on the T2 series for MR), and {@code ground-truth.json}.
 * Each folder is written atomically: an interrupted run leaves no half study.
 */
public final class PhantomStudyWriter {
    private PhantomStudyWriter() {}

    /** Generates and writes {@code count} studies numbered 1..count into {@code outDir}/{@code <studyId>}. */
    public static List<Path> writeSet(Path outDir, PhantomConfig template, int count, Progress progress)
            throws IOException {
        return writeSet(outDir, template, count, List.of(MrSeries.values()), progress);
    }

    /** As the other {@code writeSet}, MR studies with these series (T2 always). */
    public static List<Path> writeSet(Path outDir, PhantomConfig template, int count, List<MrSeries> mrSeries,
            Progress progress) throws IOException {
        List<Path> written = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            progress.checkCancelled();
            PhantomConfig c = new PhantomConfig(template.modality(), template.size(), template.slices(),
                    template.sliceSpacingMm(), template.seed(), i, template.minLesions(), template.maxLesions(),
                    template.vessels());
            PhantomStudy study = PhantomGenerator.generate(c, mrSeries);
            written.add(write(study, outDir.resolve(study.studyId())));
            progress.update("phantoms", i, count);
            progress.log(String.format(Locale.ROOT, "%s: %d slices, %d lesions, %d vessels, %d regions",
                    study.studyId(), study.volume().depth(), study.groundTruth().lesions().size(),
                    study.groundTruth().vessels().size(), study.annotations().size()));
        }
        return written;
    }

    /** Writes one study folder (replacing it if it exists) and returns it. */
    public static Path write(PhantomStudy study, Path dir) throws IOException {
        AtomicFiles.writeDirectory(dir, tmp -> {
            Volume v = study.volume();
            for (int k = 0; k < v.depth(); k++) {
                sliceFile(study, k).write(tmp.resolve(String.format("IM-%04d.dcm", k + 1)));
            }
            for (var s : study.mrSeries().entrySet()) {
                if (s.getKey() != MrSeries.T2) {
                    for (int k = 0; k < s.getValue().depth(); k++) {
                        sliceFile(study, s.getValue(), s.getKey().seriesNumber(), k)
                                .write(tmp.resolve(String.format("%s-%04d.dcm", s.getKey().filePrefix(), k + 1)));
                    }
                }
            }
            AnnotationSidecar.write(tmp.resolve(AnnotationSidecar.FILE_NAME), study.annotations());
            RoiSetZip.write(tmp.resolve(RoiSetZip.FILE_NAME), study.annotations());
            study.groundTruth().write(tmp.resolve(AnswerKey.FILE_NAME));
        });
        return dir;
    }

    /** The DICOM file of slice k: stored values are the volume's, shifted for CT's rescale; XR: the one DX/CR image. */
    public static DicomWriter sliceFile(PhantomStudy study, int k) {
        if (study.config().modality() == PhantomModality.XR) {
            return RadiographFile.of(study);
        }
        return sliceFile(study, study.volume(), 1, k);
    }

    /**
     * What every phantom file carries whatever its modality: SOP identity, the fake patient and
     * study, equipment and series description. The writer orders elements by tag when it writes.
     */
    static DicomWriter studyHeader(PhantomStudy study, VolumeInfo info, String sopClassUid, String sopInstanceUid) {
        int number = study.config().studyNumber();
        return new DicomWriter().implementationVersionName("TUMORJ_PHANTOM")
                .string(0x00080005, "CS", "ISO_IR 100")
                .string(0x00080016, "UI", sopClassUid)
                .string(0x00080018, "UI", sopInstanceUid)
                .string(0x00080020, "DA", "20200101")
                .string(0x00080030, "TM", "120000")
                .string(0x00080050, "SH", String.format(java.util.Locale.ROOT, "PHACC%04d", number))
                .string(0x00080060, "CS", info.modality())
                .string(0x00080070, "LO", "TumorJ Phantom")
                .string(0x00080080, "LO", "Phantom General Hospital")
                .string(0x00080090, "PN", "PHANTOM^REFERRER")
                .string(0x0008103E, "LO", info.seriesDescription())
                .string(0x00081090, "LO", study.scannerName())
                .string(0x00100010, "PN", "PHANTOM^" + study.patientId().substring(study.patientId().indexOf('-') + 1))
                .string(0x00100020, "LO", study.patientId())
                .string(0x00100030, "DA", "19700101")
                .string(0x00100040, "CS", "O")
                .string(0x0020000D, "UI", info.studyInstanceUid())
                .string(0x0020000E, "UI", info.seriesInstanceUid())
                .string(0x00200010, "SH", String.format(java.util.Locale.ROOT, "PH%04d", number));
    }

    /** The DICOM file of slice k of one of the study's series ({@code v}), numbered {@code seriesNumber}. */
    public static DicomWriter sliceFile(PhantomStudy study, Volume v, int seriesNumber, int k) {
        VolumeInfo info = v.info();
        boolean ct = study.config().modality() == PhantomModality.CT;
        double[] pos = info.toPatient(0, 0, k);
        DicomWriter d = studyHeader(study, info, ct ? DicomWriter.CT_IMAGE_STORAGE : DicomWriter.MR_IMAGE_STORAGE,
                info.sopInstanceUids().get(k))
                .string(0x00080008, "CS", "ORIGINAL\\PRIMARY\\AXIAL")
                .decimals(0x00180050, info.spacingZ())
                .decimals(0x00180088, info.spacingZ())
                .integer(0x00200011, seriesNumber)
                .integer(0x00200013, k + 1)
                .decimals(0x00200032, pos)
                .decimals(0x00200037, concat(info.rowDirection(), info.columnDirection()))
                .string(0x00200052, "UI", info.studyInstanceUid() + ".1")
                .decimals(0x00201041, pos[2])
                .unsignedShort(0x00280002, 1)
                .string(0x00280004, "CS", "MONOCHROME2")
                .unsignedShort(0x00280010, info.height())
                .unsignedShort(0x00280011, info.width())
                .decimals(0x00280030, info.spacingY(), info.spacingX())
                .unsignedShort(0x00280100, 16)
                .unsignedShort(0x00280101, 16)
                .unsignedShort(0x00280102, 15)
                .unsignedShort(0x00280103, ct ? 1 : 0)
                .decimals(0x00281050, info.windowCenter())
                .decimals(0x00281051, info.windowWidth());
        if (ct) {
            d.string(0x00180060, "DS", "120")
                    .decimals(0x00281052, -1024)
                    .decimals(0x00281053, 1)
                    .string(0x00281054, "LO", "HU");
        } else {
            d.decimals(0x00180080, 4000).decimals(0x00180081, 100).decimals(0x00180087, 1.5);
        }
        return d.pixels16(stored(v.slice(k), ct));
    }

    private static short[] stored(float[] values, boolean ct) {
        short[] out = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            // CT: stored = HU + 1024 (RescaleIntercept -1024); MR: unsigned, the value itself.
            out[i] = (short) Math.round(ct ? values[i] + 1024 : values[i]);
        }
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
