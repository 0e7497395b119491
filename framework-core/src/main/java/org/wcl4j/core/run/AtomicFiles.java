package org.wcl4j.core.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a reader sees the old content or the new, never half: the content goes to a
 * hidden temporary file beside the target, is forced to disk, and is renamed over the target.
 */
final class AtomicFiles {

    /** Writes a whole file at the given path. */
    @FunctionalInterface
    interface FileWriter {
        void write(Path file) throws IOException;
    }

    private AtomicFiles() {}

    /** Replaces {@code target} with what {@code writer} writes; on failure, leaves it as it was. */
    static void write(Path target, FileWriter writer) throws IOException {
        Path temporary = temporaryFor(target);
        try {
            Files.deleteIfExists(temporary);
            writer.write(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(
                    temporary,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Replaces {@code target} with {@code content}. */
    static void write(Path target, byte[] content) throws IOException {
        write(target, file -> Files.write(file, content));
    }

    /** The temporary file {@link #write} uses for {@code target}. */
    static Path temporaryFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".partial");
    }
}
