package org.tumorj.backbone;

/** What fills the part of a crop that lies outside the slice. */
public enum Padding {
    /** Black (0 after windowing): the network sees a border. */
    ZERO,
    /** The nearest slice pixel repeated: no artificial edge at the border. */
    EDGE
}
