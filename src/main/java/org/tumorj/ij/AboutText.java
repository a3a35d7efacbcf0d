package org.tumorj.ij;

import ij.IJ;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What About TumorJ says: the version, where the docs are, and the licences of what ships with TumorJ. */
public final class AboutText {
    private static final String POM_PROPERTIES = "/META-INF/maven/org.tumorj/TumorJ/pom.properties";

    private AboutText() {}

    /**
     * Shows the text in a message window; where nobody would close one (a macro, no ImageJ
     * window), writes it to the Log instead.
     */
    public static void show(String title) {
        if (IJ.getInstance() == null || IJ.isMacro()) {
            IJ.log(text());
        } else {
            IJ.showMessage(title, text());
        }
    }

    /** The About text: version, docs, licences. */
    public static String text() {
        return String.join("\n",
                "TumorJ " + version() + " (ImageJ " + IJ.getVersion() + ", Java " + Runtime.version() + ")",
                "Transfer-learning tumour detection on DICOM studies.",
                "Docs: README.md and docs/commands.md in the TumorJ source; macros: macros/README.md.",
                "Research software: not a medical device; not for diagnosis.",
                "Ships with (licence): ImageJ 1 (public domain), SciJava Common (BSD-2-Clause),",
                "  Deep Java Library and its TensorFlow engine (Apache-2.0), TensorFlow (Apache-2.0),",
                "  JavaCPP (Apache-2.0), JNA (Apache-2.0), Gson (Apache-2.0), Protocol Buffers (BSD-3-Clause),",
                "  Apache Commons (Apache-2.0), SLF4J API (MIT), TwelveMonkeys ImageIO (BSD-3-Clause),",
                "  jai-imageio core and JPEG 2000 (BSD-3-Clause, JJ2000 licence),",
                "  MobileNetV2 ImageNet weights from Keras Applications (Apache-2.0).");
    }

    /** The version from the jar's Maven metadata; a development build when run from classes. */
    public static String version() {
        try (InputStream in = AboutText.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "(development build)";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "(unknown version)");
        } catch (IOException e) {
            throw new UncheckedIOException("TumorJ_.jar: cannot read " + POM_PROPERTIES, e);
        }
    }
}
