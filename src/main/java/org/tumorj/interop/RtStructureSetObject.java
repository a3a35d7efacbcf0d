package org.tumorj.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.tumorj.volume.Contour;
import org.tumorj.detect.Finding;
import org.tumorj.detect.FindingSlice;
import org.tumorj.dicom.DicomWriter;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/**
 * A study's findings as an RT Structure Set (PS3.3 A.19): one ROI per finding, its outline on each
 * slice it spans as a CLOSED_PLANAR contour in patient coordinates (mm), each contour naming the
 * source image it lies on, the ROI coloured by score.
 *
 * <p>The outline is the finding's own pixel-edge boundary ({@link Contour}): a viewer that fills
 * the polygon by pixel centres gets back exactly the finding's pixels on that slice. Vertices
 * along a straight edge are dropped; the polygon is the same.
 *
 * <p>RT ROI Interpreted Type is left empty (Type 2, "not stated") on purpose: the defined terms
 * name clinical or planning roles (GTV, CTV, PTV, ORGAN, AVOIDANCE, ...). A GTV is a clinician's
 * delineation of known tumour; an unreviewed computer-aided finding is a candidate, and a planning
 * system must not take it for a target. What it is goes in the ROI Observation Label and the ROI
 * name instead.
 */
public final class RtStructureSetObject {
    /** Series Number of TumorJ's structure sets, after its segmentations. */
    static final int SERIES_NUMBER = 902;
    /** The SOP Class RT objects name a study by (Detached Study Management, as RT Referenced Study Sequence requires). */
    private static final String STUDY_COMPONENT_CLASS = "1.2.840.10008.3.1.2.3.1";
    /** DS values are at most 16 characters; 3 decimals (micrometres) keep them well inside that. */
    private static final String MM = "%.3f";

    private RtStructureSetObject() {}

    /** The structure set of {@code findings}, each ROI named {@link RegionLabel#ofFinding}. */
    public static DicomWriter of(Volume volume, List<Finding> findings, String study, Algorithm algorithm) {
        return of(volume, findings, findings.stream().map(RegionLabel::ofFinding).toList(), study, algorithm);
    }

    /**
     * The structure set of {@code findings} (at least one) on {@code volume}.
     *
     * @param labels one per finding: ROI n's name; the observation label is the model's positive class
     *     for a lesion, the name itself for other tissue
     * @throws IllegalArgumentException when there is no finding (a structure set needs one ROI), the
     *     volume cannot be referenced ({@link SourceImages#of}), a contour is too long for DICOM, or
     *     the labels are not one per finding
     */
    public static DicomWriter of(Volume volume, List<Finding> findings, List<RegionLabel> labels, String study,
            Algorithm algorithm) {
        DerivedObject.requireRegions(findings, labels, study, "an RT Structure Set needs at least one ROI");
        SourceImages sources = SourceImages.of(volume, study);
        String frameOfReference = volume.source().frameOfReferenceUid();
        List<DicomWriter> rois = new ArrayList<>();
        List<DicomWriter> contours = new ArrayList<>();
        List<DicomWriter> observations = new ArrayList<>();
        for (int n = 0; n < findings.size(); n++) {
            Finding f = findings.get(n);
            rois.add(new DicomWriter()
                    .integer(0x30060022, n + 1)
                    .string(0x30060024, "UI", frameOfReference)
                    .string(0x30060026, "LO", DerivedObject.lo(labels.get(n).name()))
                    .string(0x30060036, "CS", "AUTOMATIC")
                    .string(0x30060038, "LO", DerivedObject.lo(Algorithm.NAME + " " + algorithm.version() + " "
                            + algorithm.modelId())));
            contours.add(new DicomWriter()
                    .integer(0x3006002A, ScoreColor.rgb(f.score()))
                    .sequence(0x30060040, false, contours(f, volume.info(), sources, study))
                    .integer(0x30060084, n + 1));
            observations.add(new DicomWriter()
                    .integer(0x30060082, n + 1)
                    .integer(0x30060084, n + 1)
                    .string(0x30060085, "SH", shortLabel(labels.get(n).lesion() ? algorithm.findingClass()
                            : labels.get(n).name()))
                    .string(0x300600A4, "CS", "")
                    .string(0x300600A6, "PN", ""));
        }
        return DerivedObject.header(volume, DicomWriter.RT_STRUCTURE_SET_STORAGE, "RTSTRUCT", SERIES_NUMBER,
                        "TumorJ findings (" + algorithm.modelId() + ")", algorithm)
                .string(0x00081070, "PN", "")
                .string(0x30060002, "SH", "TumorJ")
                .string(0x30060004, "LO", "TumorJ findings")
                .string(0x30060008, "DA", DerivedObject.today())
                .string(0x30060009, "TM", DerivedObject.timeNow())
                .sequence(0x30060010, false, referencedFrameOfReference(volume, sources))
                .sequence(0x30060020, false, rois)
                .sequence(0x30060039, false, contours)
                .sequence(0x30060080, false, observations);
    }

    /** Frame of Reference, then study, series and every source image (Contour Image Sequence). */
    private static DicomWriter referencedFrameOfReference(Volume volume, SourceImages sources) {
        VolumeInfo info = volume.info();
        List<DicomWriter> images = sources.instanceUids().stream().map(sources::reference).toList();
        DicomWriter series = new DicomWriter().string(0x0020000E, "UI", info.seriesInstanceUid())
                .sequence(0x30060016, false, images);
        DicomWriter studyItem = new DicomWriter()
                .string(0x00081150, "UI", STUDY_COMPONENT_CLASS)
                .string(0x00081155, "UI", info.studyInstanceUid())
                .sequence(0x30060014, false, series);
        return new DicomWriter().string(0x00200052, "UI", volume.source().frameOfReferenceUid())
                .sequence(0x30060012, false, studyItem);
    }

    /** One contour per component per slice, in slice order. */
    private static List<DicomWriter> contours(Finding f, VolumeInfo info, SourceImages sources, String study) {
        List<DicomWriter> items = new ArrayList<>();
        TreeSet<Integer> zs = new TreeSet<>();
        f.slices().forEach(s -> zs.add(s.z()));
        for (int z : zs) {
            for (FindingSlice s : f.slices()) {
                if (s.z() == z) {
                    double[] points = patientPoints(s.contour(), z, info);
                    items.add(new DicomWriter()
                            .sequence(0x30060016, false, sources.reference(z))
                            .string(0x30060042, "CS", "CLOSED_PLANAR")
                            .integer(0x30060046, points.length / 3)
                            .integer(0x30060048, items.size() + 1)
                            .string(0x30060050, "DS", contourData(points, f, z, study)));
                }
            }
        }
        return items;
    }

    /**
     * The contour's corners in patient mm. A corner {@code (cx, cy)} in ROI coordinates lies half a
     * pixel before pixel centre {@code (cx, cy)}, i.e. at pixel index {@code (cx - 0.5, cy - 0.5)}.
     */
    static double[] patientPoints(Contour c, int z, VolumeInfo info) {
        List<double[]> kept = new ArrayList<>();
        int n = c.size();
        for (int i = 0; i < n; i++) {
            int px = c.x((i + n - 1) % n), py = c.y((i + n - 1) % n);
            int nx = c.x((i + 1) % n), ny = c.y((i + 1) % n);
            boolean collinear = (c.x(i) - px) * (ny - c.y(i)) == (c.y(i) - py) * (nx - c.x(i));
            if (!collinear) {
                kept.add(info.toPatient(c.x(i) - 0.5, c.y(i) - 0.5, z));
            }
        }
        double[] out = new double[kept.size() * 3];
        for (int i = 0; i < kept.size(); i++) {
            System.arraycopy(kept.get(i), 0, out, 3 * i, 3);
        }
        return out;
    }

    private static String contourData(double[] points, Finding f, int z, String study) {
        StringBuilder s = new StringBuilder();
        for (double v : points) {
            s.append(s.length() == 0 ? "" : "\\").append(String.format(Locale.ROOT, MM, v == 0 ? 0.0 : v));
        }
        if (s.length() > 0xFFFE) {
            throw new IllegalArgumentException(study + ": finding " + f.id() + " on slice " + (z + 1) + " has an outline"
                    + " of " + points.length / 3 + " points, more than one DICOM contour (64 KiB of text) holds");
        }
        return s.toString();
    }

    /** ROI Observation Label is SH: 16 characters. */
    private static String shortLabel(String findingClass) {
        String a = DerivedObject.ascii(findingClass);
        return a.length() <= 16 ? a : a.substring(0, 16);
    }
}
