package org.tumorj.ij;

import ij.VirtualStack;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import org.tumorj.detect.ProbabilityMaps;

/**
 * The probability maps as a 32-bit stack at slice resolution, computed slice by slice on demand,
 * so saving the heat map of a 1000-slice series never holds it all in memory.
 */
final class HeatMapStack extends VirtualStack {
    private final ProbabilityMaps maps;

    HeatMapStack(ProbabilityMaps maps) {
        super(maps.width(), maps.height(), maps.depth());
        this.maps = maps;
    }

    @Override
    public ImageProcessor getProcessor(int n) {
        FloatProcessor fp = new FloatProcessor(maps.width(), maps.height(), maps.slice(n - 1));
        fp.setMinAndMax(0, 1);
        return fp;
    }

    @Override public int getSize() { return maps.depth(); }
    @Override public int getBitDepth() { return 32; }
    @Override public String getSliceLabel(int n) { return "p(tumor) " + n; }
    @Override public boolean isVirtual() { return true; }
}
