package org.tumorj.detect;

import java.util.ArrayList;
import java.util.List;
import org.tumorj.volume.Volume;
import org.tumorj.volume.VolumeInfo;

/** Synthetic volumes for detection tests: a background value plus bright discs. */
public final class TestVolumes {
    private TestVolumes() {}

    /** A disc to paint: centre (cx, cy) px, radius px, on slices first..last, with this value. */
    public record Disc(double cx, double cy, double r, int first, int last, float value) {
        public boolean covers(int x, int y, int z) {
            return z >= first && z <= last && (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
        }

        /** Pixels the disc covers on one of its slices. */
        public long pixelsPerSlice(int w, int h) {
            long n = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    n += covers(x, y, first) ? 1 : 0;
                }
            }
            return n;
        }
    }

    public static VolumeInfo info(String modality, int w, int h, int d, double sx, double sy, double sz, double[] origin) {
        List<String> uids = new ArrayList<>();
        for (int z = 0; z < d; z++) {
            uids.add("1.2.3.4." + (z + 1));
        }
        return new VolumeInfo(modality, "1.2.3", "1.2.3.9", "test", "PAT-SECRET-42", w, h, sx, sy, sz, origin,
                new double[] {1, 0, 0}, new double[] {0, 1, 0}, 0.5, 1, false, uids, List.of());
    }

    /** Values in [0, 1]: background {@code bg}, discs painted on top (later discs win). */
    public static Volume discs(VolumeInfo info, float bg, Disc... discs) {
        List<float[]> slices = new ArrayList<>();
        for (int z = 0; z < info.sopInstanceUids().size(); z++) {
            float[] s = new float[info.width() * info.height()];
            for (int y = 0; y < info.height(); y++) {
                for (int x = 0; x < info.width(); x++) {
                    float v = bg;
                    for (Disc disc : discs) {
                        if (disc.covers(x, y, z)) {
                            v = disc.value;
                        }
                    }
                    s[y * info.width() + x] = v;
                }
            }
            slices.add(s);
        }
        return new Volume(info, slices);
    }

    /** The identity window: values in [0, 1] pass unchanged. */
    public static SliceEncoder identity(int stride) {
        return new WindowedSliceEncoder(0.5, 1, stride);
    }
}
