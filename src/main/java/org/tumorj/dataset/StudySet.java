package org.tumorj.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tumorj.nifti.NiftiImage;
import org.tumorj.nifti.NiftiStudy;
import java.util.stream.Stream;

/**
 * A folder of study folders: a training set. A subfolder is a study when it holds annotations
 * (one of {@link #ANNOTATION_FILES}, or a NIfTI label map beside its image); others (notes,
 * outputs) are left alone. NIfTI pairs in {@code imagesTr}/{@code labelsTr} (the Medical
 * Segmentation Decathlon and nnU-Net layout) are studies too, each located at its image file.
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
        List<Study> studies = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path dir : children.filter(Files::isDirectory).sorted().toList()) {
                if (annotationSource(dir) != null) {
                    studies.add(Study.of(dir));
                }
            }
        }
        for (Path image : NiftiStudy.msdImages(root)) {
            studies.add(new Study(id(image), image, ""));
        }
        if (studies.isEmpty()) {
            throw new IOException(root + ": no study folders with annotations (" + String.join(", ", ANNOTATION_FILES)
                    + ", or a NIfTI image with its *_seg label map) inside, and no imagesTr/labelsTr NIfTI pairs;"
                    + " put each study's DICOM files and annotations in its own folder");
        }
        return new StudySet(root, studies);
    }

    /**
     * The file a study's annotations come from: the first of {@link #ANNOTATION_FILES} in its
     * folder, else its NIfTI label map; null when it has none (not a training study).
     */
    public static Path annotationSource(Path location) throws IOException {
        if (Files.isDirectory(location)) {
            for (String f : ANNOTATION_FILES) {
                if (Files.isRegularFile(location.resolve(f))) {
                    return location.resolve(f);
                }
            }
        }
        if (!NiftiStudy.isNiftiStudy(location)) {
            return null;
        }
        if (Files.isRegularFile(location)) {
            return NiftiStudy.find(location, null).labels();
        }
        try (Stream<Path> files = Files.list(location)) {
            return files.filter(NiftiImage::isNiftiName).filter(NiftiStudy::isLabelName).sorted().findFirst().orElse(null);
        }
    }

    /** A study's id: its folder's name, or in the MSD layout its image's name without extension and channel suffix. */
    public static String id(Path location) {
        return Files.isRegularFile(location) && NiftiImage.isNiftiName(location) ? NiftiStudy.msdId(location)
                : location.getFileName().toString();
    }

    public Path root() { return root; }
    public List<Study> studies() { return studies; }
}
