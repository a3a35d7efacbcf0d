package org.tumorj.dicom;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tumorj.volume.SourceHeader;

/** Reads a {@link SourceHeader} from a series' first image: what derived objects repeat of it. */
final class SourceHeaders {
    private static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    private static final int FRAME_OF_REFERENCE_UID = 0x00200052;

    private SourceHeaders() {}

    static SourceHeader of(DicomDataset dataset) {
        Map<Integer, String> copied = new LinkedHashMap<>();
        for (SourceHeader.Attribute a : SourceHeader.COPIED) {
            String value = dataset.string(a.tag());
            if (value != null) {
                copied.put(a.tag(), value);
            }
        }
        return new SourceHeader(dataset.string(Tags.SOP_CLASS_UID, ""), dataset.string(FRAME_OF_REFERENCE_UID, ""),
                dataset.string(SPECIFIC_CHARACTER_SET, ""), copied, false);
    }
}
