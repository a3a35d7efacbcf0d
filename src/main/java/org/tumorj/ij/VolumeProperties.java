package org.tumorj.ij;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tumorj.volume.Shutter;
import org.tumorj.volume.VolumeInfo;

/**
 * The parts of a {@link VolumeInfo} that an ImageJ stack has no field for (modality, UIDs,
 * origin, direction cosines, window, a radiograph's shutters), as {@code key=value} lines stored in an image property.
 * Numbers are written with {@link Double#toString}, which reads back exactly, so a volume rebuilt
 * from the image gives the same patient coordinates as the files. The patient ID is not stored:
 * images get saved and shared, and detection does not need it.
 */
final class VolumeProperties {
    private VolumeProperties() {}

    static String format(VolumeInfo info) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("modality", info.modality());
        m.put("studyInstanceUid", info.studyInstanceUid());
        m.put("seriesDescription", info.seriesDescription().replace('\n', ' '));
        m.put("origin", numbers(info.origin()));
        m.put("rowDirection", numbers(info.rowDirection()));
        m.put("columnDirection", numbers(info.columnDirection()));
        m.put("windowCenter", Double.toString(info.windowCenter()));
        m.put("windowWidth", Double.toString(info.windowWidth()));
        m.put("invertedForDisplay", Boolean.toString(info.invertedForDisplay()));
        // a radiograph's shutters travel with the image: detection must not look behind them
        Shutter sh = info.shutter();
        putIfPresent(m, "shutterRectangle", sh.rectangle());
        putIfPresent(m, "shutterCircle", sh.circle());
        putIfPresent(m, "shutterPolygon", sh.polygon());
        return m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }

    /** @param spacing x, y, z in mm (the image's calibration) */
    static VolumeInfo parse(String text, String seriesUid, int width, int height, double[] spacing, List<String> uids) {
        Map<String, String> m = new LinkedHashMap<>();
        text.lines().filter(l -> l.contains("=")).forEach(l -> m.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return new VolumeInfo(get(m, "modality"), get(m, "studyInstanceUid"), seriesUid, get(m, "seriesDescription"), "",
                width, height, spacing[0], spacing[1], spacing[2], vector(m, "origin"), vector(m, "rowDirection"),
                vector(m, "columnDirection"), Double.parseDouble(get(m, "windowCenter")),
                Double.parseDouble(get(m, "windowWidth")), Boolean.parseBoolean(get(m, "invertedForDisplay")), uids, List.of(),
                null, new Shutter(optional(m, "shutterRectangle"), optional(m, "shutterCircle"), optional(m, "shutterPolygon")));
    }

    private static void putIfPresent(Map<String, String> m, String key, double[] values) {
        if (values != null) {
            m.put(key, numbers(values));
        }
    }

    private static double[] optional(Map<String, String> m, String key) {
        return m.containsKey(key) ? vector(m, key) : null;
    }

    private static String numbers(double[] v) {
        return Arrays.stream(v).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    private static double[] vector(Map<String, String> m, String key) {
        return Arrays.stream(get(m, key).split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static String get(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("the image's stored DICOM geometry lacks '" + key
                    + "'; open the series again with Open DICOM Series");
        }
        return v;
    }
}
