package org.tumorj.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of study folders: a training set. A subfolder is a study when it holds annotations
 * (one of {@link #ANNOTATION_FILES}); others (notes, outputs) are left alone.
 */
public final class StudySet {
    /** The annotation files of a study folder, in the order {@link AnnotationReader#standard} tries them. */
    public static final List<String> ANNOTATION_FILES = List.of("annotations.json", "RoiSet.zip",
            AnnotationReader.RTSTRUCT_FILE, AnnotationReader.SEG_FILE);
    private final Path root;
    private final List<Study> studies;

    private StudySet(Path root, List<Study> studies) {
        this.root = root;
        this.studies = List.copyOf(studies);
    }

    /**
     * @throws IOException naming the folder when it does not exist or holds no annotated study
     */
    public static StudySet open(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": not a folder of studies");
        }
        List<Study> studies;
        try (Stream<Path> children = Files.list(root)) {
            studies = children.filter(Files::isDirectory).filter(StudySet::annotated).sorted().map(Study::of).toList();
        }
        if (studies.isEmpty()) {
            throw new IOException(root + ": no study folders with annotations (" + String.join(", ", ANNOTATION_FILES)
                    + ") inside;"
                    + " put each study's DICOM files and annotations in its own folder");
        }
        return new StudySet(root, studies);
    }

    private static boolean annotated(Path dir) {
        return ANNOTATION_FILES.stream().anyMatch(f -> Files.isRegularFile(dir.resolve(f)));
    }

    public Path root() { return root; }
    public List<Study> studies() { return studies; }
}
