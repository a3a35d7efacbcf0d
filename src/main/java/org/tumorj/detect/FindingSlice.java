package org.tumorj.detect;

import org.tumorj.volume.Contour;
import org.tumorj.volume.SliceRegion;

/**
 * The part of a {@link Finding} on one slice: one 8-connected component. A finding can have two
 * components on the same slice when they join on a neighbouring slice (a U shape).
 *
 * @param z 0-based slice index
 * @param region the component's pixels
 * @param contour its outer boundary along pixel edges
 * @param areaMm2 pixel count times the pixel area
 * @param probabilityMax highest probability in the component
 */
public record FindingSlice(int z, SliceRegion region, Contour contour, double areaMm2, float probabilityMax) {}
