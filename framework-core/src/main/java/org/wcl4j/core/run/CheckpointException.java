package org.wcl4j.core.run;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A run's latest checkpoint cannot be used: one of its files is cut, garbled or missing, or it
 * holds another network than the run's config builds. A checkpoint is written atomically and counts
 * only once whole, so this means its files were changed from outside the run. The message names the
 * file and says how to go on; it is a problem with the user's data, not a bug, hence an {@link
 * IllegalArgumentException}.
 */
public final class CheckpointException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param problem what is wrong, naming the file: "checkpoint F is damaged: expected ..., found
     *     ..."
     * @param file one file of the checkpoint, {@code <run>/checkpoints/checkpoint-000N.*}
     */
    CheckpointException(String problem, Path file, @Nullable Throwable cause) {
        super(problem + "; " + advice(file), cause);
    }

    private static String advice(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        Path folder = parent(file);
        return "a checkpoint is written whole, so its files were changed outside the run."
                + " Delete "
                + folder.resolve(base + ".*")
                + " to train the run again from step 0 with `wcl4j train --resume "
                + parent(folder)
                + "`, or start a new run";
    }

    private static Path parent(Path path) {
        Path parent = path.getParent();
        return parent != null ? parent : path.toAbsolutePath().getParent();
    }
}
