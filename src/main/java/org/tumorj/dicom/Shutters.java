package org.tumorj.dicom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tumorj.volume.Shutter;

/**
 * Collimator shutters of a radiograph as a {@link Shutter} in 0-based pixel coordinates. The
 * Display Shutter module (PS3.3 C.7.6.11) is read; when the image has none, the X-Ray Collimator
 * module (C.8.7.3), whose attributes have the same layout 0x100 higher, stands in. DICOM counts
 * rows and columns from 1 and writes points as row\column; Shutter wants x, y from 0.
 */
final class Shutters {
    private Shutters() {}

    record Outcome(Shutter shutter, List<String> warnings) {}

    static Outcome read(DicomDataset ds) {
        if (ds.string(Tags.SHUTTER_SHAPE) != null) {
            return read(ds, 0, "ShutterShape (0018,1600)");
        }
        if (ds.string(Tags.SHUTTER_SHAPE + Tags.COLLIMATOR_OFFSET) != null) {
            return read(ds, Tags.COLLIMATOR_OFFSET, "CollimatorShape (0018,1700)");
        }
        return new Outcome(Shutter.NONE, List.of());
    }

    private static Outcome read(DicomDataset ds, int offset, String name) {
        List<String> warnings = new ArrayList<>();
        double[] rectangle = null, circle = null, polygon = null;
        for (String shape : ds.strings(Tags.SHUTTER_SHAPE + offset)) {
            switch (shape.toUpperCase(Locale.ROOT)) {
                case "RECTANGULAR" -> rectangle = rectangle(ds, offset);
                case "CIRCULAR" -> circle = circle(ds, offset);
                case "POLYGONAL" -> polygon = polygon(ds, offset);
                default -> warnings.add(name + " '" + shape + "' is not RECTANGULAR, CIRCULAR or POLYGONAL; ignored");
            }
            boolean missing = shape.equalsIgnoreCase("RECTANGULAR") && rectangle == null
                    || shape.equalsIgnoreCase("CIRCULAR") && circle == null
                    || shape.equalsIgnoreCase("POLYGONAL") && polygon == null;
            if (missing) {
                warnings.add(name + " names a " + shape + " shutter whose edges, centre/radius or vertices are"
                        + " missing or invalid; that shutter is ignored (the whole field counts as exposed there)");
            }
        }
        return new Outcome(new Shutter(rectangle, circle, polygon), List.copyOf(warnings));
    }

    /** Left, right, upper, lower edges are 1-based columns/rows, inclusive. */
    private static double[] rectangle(DicomDataset ds, int offset) {
        double left = ds.decimal(Tags.SHUTTER_LEFT_VERTICAL_EDGE + offset, Double.NaN);
        double right = ds.decimal(Tags.SHUTTER_RIGHT_VERTICAL_EDGE + offset, Double.NaN);
        double upper = ds.decimal(Tags.SHUTTER_UPPER_HORIZONTAL_EDGE + offset, Double.NaN);
        double lower = ds.decimal(Tags.SHUTTER_LOWER_HORIZONTAL_EDGE + offset, Double.NaN);
        if (!(right >= left && lower >= upper)) { // also false when one is NaN
            return null;
        }
        return new double[] {left - 1, right - 1, upper - 1, lower - 1};
    }

    /** Centre is row\column (1-based); the radius is in pixels. */
    private static double[] circle(DicomDataset ds, int offset) {
        double[] centre = ds.doubles(Tags.CENTER_OF_CIRCULAR_SHUTTER + offset);
        double radius = ds.decimal(Tags.RADIUS_OF_CIRCULAR_SHUTTER + offset, Double.NaN);
        if (centre == null || centre.length < 2 || !(radius > 0)) {
            return null;
        }
        return new double[] {centre[1] - 1, centre[0] - 1, radius};
    }

    /** Vertices are row\column pairs (1-based); at least three. */
    private static double[] polygon(DicomDataset ds, int offset) {
        double[] v = ds.doubles(Tags.VERTICES_OF_THE_POLYGONAL_SHUTTER + offset);
        if (v == null || v.length < 6 || v.length % 2 != 0) {
            return null;
        }
        double[] xy = new double[v.length];
        for (int i = 0; i < v.length; i += 2) {
            xy[i] = v[i + 1] - 1;
            xy[i + 1] = v[i] - 1;
        }
        return xy;
    }
}
