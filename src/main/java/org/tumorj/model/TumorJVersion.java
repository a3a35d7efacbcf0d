package org.tumorj.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The running TumorJ version, recorded in every bundle so a bundle can be traced to the code that made it. */
public final class TumorJVersion {
    private static final String POM_PROPERTIES = "/META-INF/maven/org.tumorj/TumorJ/pom.properties";

    private TumorJVersion() {}

    /** From the jar's Maven metadata; {@code "development"} when running from classes (tests, IDE). */
    public static String current() {
        try (InputStream in = TumorJVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "development");
            }
        } catch (IOException e) {
            return "development";
        }
        return "development";
    }
}
