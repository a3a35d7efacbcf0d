package org.tumorj.backbone;

/** How a grey slice becomes the three colour channels an ImageNet-lineage network expects. */
public enum ChannelMode {
    /** One window, its result copied to R, G and B. */
    REPLICATE(1),
    /** Three windows (e.g. soft tissue, lung, bone) as R, G and B: more of the HU range reaches the network. */
    THREE_WINDOWS(3);

    private final int windows;

    ChannelMode(int windows) {
        this.windows = windows;
    }

    /** How many windows this mode needs. */
    public int windowCount() {
        return windows;
    }
}
