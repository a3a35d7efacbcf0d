package org.tumorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumorj.pipeline.StudyShard;

/**
 * {@code ./tumorj detect --shard K/N} (issue 17): N jobs of a scheduler's array, each given one
 * shard, together write exactly what one unsharded run writes, each study once, bit for bit; each
 * shard names itself in its summary line and keeps its own summary file; a bad K/N is refused
 * before the model loads.
 */
class ShardCommandTest {
    @TempDir static Path dir;
    static Path studies;
    static Path model;

    @BeforeAll
    static void phantomsAndAModel() {
        studies = dir.resolve("ct");
        model = dir.resolve("model");
        CliRun.phantomsAndAModel(studies, model, 5, 2);
    }

    @Test
    void theShardsTogetherWriteWhatTheWholeRunWrites() throws IOException {
        Path whole = dir.resolve("whole");
        CliRun all = detect(whole);
        assertEquals(0, all.status(), all.err() + all.out());
        Path sharded = dir.resolve("sharded");
        List<String> seen = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            CliRun part = detect(sharded, "--shard", k + "/3");
            assertEquals(0, part.status(), part.err() + part.out());
            assertTrue(part.out().contains("shard " + k + "/3: "), part.out());
            List<String> rows = Files.readAllLines(sharded.resolve(new StudyShard(k, 3).summaryFileName()));
            rows.subList(1, rows.size()).forEach(r -> seen.add(r.split(",")[0]));
        }
        assertEquals(5, seen.size(), "each study in exactly one shard: " + seen);
        assertEquals(5, seen.stream().distinct().count(), "each study in exactly one shard: " + seen);
        assertEquals(csvFiles(whole), csvFiles(sharded));
        assertFalse(Files.exists(sharded.resolve("batch-summary.csv")), "a shard does not write the whole batch's summary");
    }

    @Test
    void aBadShardIsRefusedBeforeTheModelLoads() {
        for (String bad : List.of("0/3", "4/3", "3", "a/b", "1/0")) {
            CliRun r = detect(dir.resolve("bad"), "--shard", bad);
            assertEquals(1, r.status(), bad);
            assertTrue(r.err().contains("shard") && r.err().contains("K/N"), bad + ": " + r.err());
        }
        assertFalse(Files.exists(dir.resolve("bad").resolve("batch-summary.csv")));
    }

    @Test
    void shardsSplitTheSortedListByIndex() {
        List<String> items = List.of("a", "b", "c", "d", "e", "f", "g");
        assertEquals(List.of("a", "d", "g"), new StudyShard(1, 3).select(items));
        assertEquals(List.of("b", "e"), new StudyShard(2, 3).select(items));
        assertEquals(List.of("c", "f"), new StudyShard(3, 3).select(items));
        assertEquals(items, StudyShard.parse(null).select(items));
        assertEquals(new StudyShard(2, 8), StudyShard.parse(" 2 / 8 "));
    }

    private static CliRun detect(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("detect", "--model", model.toString(), "--input", studies.toString(),
                "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Every study's detections.csv under a run's output folder, by study. */
    private static TreeMap<String, String> csvFiles(Path out) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(out)) {
            for (Path study : s.filter(Files::isDirectory).toList()) {
                files.put(study.getFileName().toString(), Files.readString(study.resolve("detections.csv")));
            }
        }
        assertEquals(5, files.size(), files.keySet().toString());
        return files;
    }
}
