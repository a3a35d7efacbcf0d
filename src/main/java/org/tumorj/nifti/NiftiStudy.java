package org.tumorj.nifti;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of one NIfTI study, in either layout labs use:
 * <ul>
 *   <li>Medical Segmentation Decathlon / nnU-Net: {@code ROOT/imagesTr/X.nii.gz} (nnU-Net:
 *       {@code X_0000.nii.gz}) with {@code ROOT/labelsTr/X.nii.gz}; the study is the image file,
 *       {@code ROOT/dataset.json} names the modality and the labels;</li>
 *   <li>a study folder holding the image and its label map side by side, the label map named
 *       {@code *_seg}, {@code *-seg} or {@code *label*} (BraTS: several images, one chosen by a
 *       file name pattern), with an optional {@value #LABEL_NAMES} such as {@code {"1": "tumor"}}.</li>
 * </ul>
 *
 * @param image the image file
 * @param labels the label map, or null when the study has none
 * @param datasetJson the MSD / nnU-Net {@code dataset.json} of the study, or null
 */
public record NiftiStudy(Path image, Path labels, Path datasetJson) {
    /** The label-name file beside a label map: {@code {"1": "tumor", "2": "normal"}}. */
    public static final String LABEL_NAMES = "labels.json";
    public static final String DATASET_JSON = "dataset.json";
    public static final String IMAGES = "imagesTr";
    public static final String LABELS = "labelsTr";

    /** True when {@code location} is a NIfTI study: a NIfTI file, or a folder with a NIfTI file in it. */
    public static boolean isNiftiStudy(Path location) throws IOException {
        return Files.isRegularFile(location) ? NiftiImage.isNiftiName(location) : !niftiFiles(location).isEmpty();
    }

    /** True for a label map's file name: {@code *_seg}, {@code *-seg} or containing {@code label}. */
    public static boolean isLabelName(Path file) {
        String b = NiftiImage.baseName(file).toLowerCase(Locale.ROOT);
        return b.endsWith("_seg") || b.endsWith("-seg") || b.contains("label");
    }

    /**
     * The study at {@code location} (an MSD image file or a study folder).
     *
     * @param imagePattern chooses among several images of a folder (by file name), or null
     * @throws IOException naming the folder when it has a label map but no image, several label
     *     maps, or several images and no pattern choosing one
     */
    public static NiftiStudy find(Path location, Pattern imagePattern) throws IOException {
        if (Files.isRegularFile(location)) {
            Path root = location.toAbsolutePath().getParent().getParent();
            return new NiftiStudy(location, msdLabels(location).orElse(null), existing(root.resolve(DATASET_JSON)));
        }
        List<Path> files = niftiFiles(location);
        List<Path> labels = files.stream().filter(NiftiStudy::isLabelName).toList();
        List<Path> images = files.stream().filter(f -> !isLabelName(f)).toList();
        if (labels.size() > 1) {
            throw new IOException(location + ": several label maps (" + names(labels) + "); keep one per study folder");
        }
        return new NiftiStudy(chooseImage(location, images, imagePattern), labels.isEmpty() ? null : labels.get(0),
                existing(location.resolve(DATASET_JSON)));
    }

    /** The MSD studies under {@code root}: each image of {@code imagesTr} with its label map in {@code labelsTr}. */
    public static List<Path> msdImages(Path root) throws IOException {
        Path images = root.resolve(IMAGES);
        if (!Files.isDirectory(images) || !Files.isDirectory(root.resolve(LABELS))) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        for (Path image : niftiFiles(images)) {
            if (msdLabels(image).isPresent()) {
                out.add(image);
            }
        }
        return out;
    }

    /** A study's id in the MSD layout: the image's name without {@code .nii.gz} and nnU-Net's channel suffix. */
    public static String msdId(Path image) {
        return NiftiImage.baseName(image).replaceFirst("_\\d{4}$", "");
    }

    /**
     * The DICOM modality of the image: from {@code dataset.json} ({@code modality} of MSD or
     * {@code channel_names} of nnU-Net, channel 0: {@code CT} is CT, anything else MR), else CT when
     * the image holds values of air in HU (-1000 .. -900), else MR. Returns the modality and why.
     */
    public String[] modality(NiftiImage image) throws IOException {
        if (datasetJson != null) {
            JsonObject d = json(datasetJson);
            for (String key : List.of("modality", "channel_names")) {
                if (d.has(key) && d.get(key).isJsonObject() && d.getAsJsonObject(key).has("0")) {
                    String m = d.getAsJsonObject(key).get("0").getAsString().strip();
                    return new String[] {m.equalsIgnoreCase("CT") ? "CT" : "MR", DATASET_JSON + " says " + m};
                }
            }
        }
        float min = Float.MAX_VALUE;
        for (float[] s : image.slices()) {
            for (float v : s) {
                min = Math.min(min, v);
            }
        }
        return min <= -900 && min >= -1100 ? new String[] {"CT", "values reach air in HU"}
                : new String[] {"MR", "no dataset.json and no values of air in HU"};
    }

    /**
     * Label value to name: {@value #LABEL_NAMES} beside the label map, else {@code dataset.json}'s
     * {@code labels} (MSD {@code {"0": "background", "1": "tumour"}} or nnU-Net
     * {@code {"background": 0, "tumor": 1}}); empty when neither, for the default rule.
     */
    public LabelNames labelNames() throws IOException {
        Path beside = labels == null ? null : existing(labels.toAbsolutePath().getParent().resolve(LABEL_NAMES));
        if (beside != null) {
            return LabelNames.parse(beside, json(beside));
        }
        if (datasetJson != null && json(datasetJson).has("labels") && json(datasetJson).get("labels").isJsonObject()) {
            return LabelNames.parse(datasetJson, json(datasetJson).getAsJsonObject("labels"));
        }
        return LabelNames.DEFAULT;
    }

    /**
     * The names of a label map's values when it comes alone (Fiji's Import Annotations): its
     * {@value #LABEL_NAMES}, else a {@value #DATASET_JSON} in its folder or the one above (MSD's
     * {@code labelsTr/..}), else none (every nonzero value is {@code tumor}).
     */
    public static LabelNames labelNamesOf(Path labelMap) throws IOException {
        Path folder = labelMap.toAbsolutePath().getParent();
        Path dataset = existing(folder.resolve(DATASET_JSON));
        if (dataset == null && folder.getParent() != null) {
            dataset = existing(folder.getParent().resolve(DATASET_JSON));
        }
        return new NiftiStudy(labelMap, labelMap, dataset).labelNames();
    }

    static JsonObject json(Path file) throws IOException {
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new IOException(file + ": not a JSON object");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IOException(file + ": not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    private static Optional<Path> msdLabels(Path image) {
        Path labels = image.toAbsolutePath().getParent().getParent().resolve(LABELS);
        String name = image.getFileName().toString();
        String ext = name.substring(NiftiImage.baseName(image).length());
        for (String e : List.of(ext, ".nii.gz", ".nii")) {
            Path candidate = labels.resolve(msdId(image) + e);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Path chooseImage(Path dir, List<Path> images, Pattern pattern) throws IOException {
        List<Path> chosen = pattern == null ? images
                : images.stream().filter(f -> pattern.matcher(f.getFileName().toString()).find()).toList();
        if (chosen.size() == 1) {
            return chosen.get(0);
        }
        if (images.isEmpty()) {
            throw new IOException(dir + ": a NIfTI label map but no image beside it; put the image (X.nii.gz) next to"
                    + " its label map (X_seg.nii.gz)");
        }
        throw new IOException(dir + ": " + (pattern == null ? "several" : chosen.size() + " matching") + " NIfTI images ("
                + names(pattern == null ? images : chosen.isEmpty() ? images : chosen) + "); choose one by file name with"
                + " --series REGEX (Fiji key series=REGEX), e.g. --series flair");
    }

    private static List<Path> niftiFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(NiftiImage::isNiftiName).sorted().toList();
        }
    }

    private static String names(List<Path> files) {
        return String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList());
    }

    private static Path existing(Path p) {
        return Files.isRegularFile(p) ? p : null;
    }
}
