package org.wcl4j.core.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The layout of a run directory, {@code <runs>/<name>-<yyyyMMdd-HHmmss>/}, and its creation. Two
 * runs of one name started in the same second get {@code -2}, {@code -3} appended: the directory is
 * claimed with an atomic create, so this holds across processes too.
 */
final class RunDirectory {

    static final String CONFIG = "config.yaml";
    static final String PROVENANCE = "provenance.json";
    static final String METRICS = "metrics.csv";
    static final String SUMMARY = "summary.json";
    static final String CHECKPOINTS = "checkpoints";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunDirectory() {}

    /** Creates a new, empty run directory under {@code root} (created too if need be). */
    static Path create(Path root, String name, Clock clock) throws IOException {
        Files.createDirectories(root);
        String base = safe(name) + "-" + STAMP.format(LocalDateTime.now(clock));
        for (int attempt = 1; ; attempt++) {
            Path directory = root.resolve(attempt == 1 ? base : base + "-" + attempt);
            try {
                return Files.createDirectory(directory);
            } catch (FileAlreadyExistsException e) {
                // taken by a run started in the same second; try the next suffix
            }
        }
    }

    /** A run name made safe for a directory name: anything unusual becomes '-'. */
    static String safe(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "-");
        return safe.isEmpty() || safe.startsWith(".") ? "run" + safe : safe;
    }
}
