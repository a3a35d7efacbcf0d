package org.tumorj.annotation;

import java.util.ArrayList;
import java.util.List;
import org.tumorj.volume.Contour;
import org.tumorj.volume.LabelImage;

/**
 * A binary mask on one slice as annotations: one region per 8-connected component, outlined along
 * pixel edges by the tracer that outlines findings ({@link LabelImage#contour}), so filling the
 * polygon by pixel centres gives back exactly the component's pixels. A hole inside a component is
 * filled, as in an ImageJ traced ROI (one outline per region is what an annotation holds).
 */
public final class MaskOutlines {
    private MaskOutlines() {}

    /**
     * @param mask row-major {@code width x height}
     * @return one annotation per component, in raster order of each component's first pixel
     */
    public static List<Annotation> of(String label, int slice, String sopInstanceUid, boolean[] mask, int width,
            int height) {
        LabelImage components = LabelImage.label8(mask, width, height);
        List<Annotation> out = new ArrayList<>(components.count());
        for (int c = 1; c <= components.count(); c++) {
            Contour outline = components.contour(c);
            float[] xs = new float[outline.size()], ys = new float[outline.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = outline.x(i);
                ys[i] = outline.y(i);
            }
            out.add(new Annotation(label, slice, sopInstanceUid, xs, ys));
        }
        return out;
    }
}
