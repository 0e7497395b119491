package org.wcl4j.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The checkpoint file: a magic string, a format version, the parameter layout (names and shapes),
 * the parameter count, then the flat parameters and the momentum buffer in ND4J's binary format.
 */
final class Checkpoints {

    private static final String MAGIC = "wcl4j-checkpoint";
    private static final int VERSION = 1;

    private Checkpoints() {}

    /** Writes to a temporary file beside {@code file}, then renames it atomically. */
    static void write(Path file, String layout, INDArray params, INDArray velocity)
            throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        try {
            try (DataOutputStream out =
                    new DataOutputStream(
                            new BufferedOutputStream(Files.newOutputStream(temporary)))) {
                out.writeUTF(MAGIC);
                out.writeInt(VERSION);
                byte[] layoutBytes = layout.getBytes(StandardCharsets.UTF_8);
                out.writeInt(layoutBytes.length);
                out.write(layoutBytes);
                out.writeLong(params.length());
                Nd4j.write(params, out);
                Nd4j.write(velocity, out);
            }
            Files.move(
                    temporary,
                    file,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Reads into {@code params} and {@code velocity} after checking the layout.
     *
     * @throws IllegalArgumentException when the file is not a whole checkpoint of this format
     *     (truncated or overwritten, say) or holds another network
     * @throws IOException when the file cannot be opened
     */
    static void read(Path file, String layout, INDArray params, INDArray velocity)
            throws IOException {
        INDArray savedParams;
        INDArray savedVelocity;
        try (DataInputStream in =
                new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String magic;
            int version;
            try {
                magic = in.readUTF();
                version = in.readInt();
            } catch (IOException e) {
                throw damaged(file, e);
            }
            if (!MAGIC.equals(magic) || version != VERSION) {
                throw new IllegalArgumentException(
                        "checkpoint "
                                + file
                                + ": expected a wcl4j checkpoint of version "
                                + VERSION
                                + ", found '"
                                + magic
                                + "' version "
                                + version);
            }
            byte[] layoutBytes;
            long count;
            try {
                int length = in.readInt();
                if (length < 0) {
                    throw new IOException("a layout of " + length + " bytes");
                }
                if (length > Files.size(file)) {
                    throw new EOFException();
                }
                layoutBytes = new byte[length];
                in.readFully(layoutBytes);
                count = in.readLong();
            } catch (IOException e) {
                throw damaged(file, e);
            }
            if (count != params.length()) {
                throw new IllegalArgumentException(
                        "checkpoint "
                                + file
                                + ": holds "
                                + count
                                + " parameters but this network has "
                                + params.length()
                                + "; build the network with the encoder, heads and image shape of"
                                + " the run that wrote the checkpoint");
            }
            String savedLayout = new String(layoutBytes, StandardCharsets.UTF_8);
            if (!savedLayout.equals(layout)) {
                throw new IllegalArgumentException(
                        "checkpoint "
                                + file
                                + ": parameter layout differs from this network's although the"
                                + " count matches; build the network with the encoder and heads"
                                + " of the run that wrote the checkpoint");
            }
            try {
                savedParams = Nd4j.read(in);
                savedVelocity = Nd4j.read(in);
            } catch (RuntimeException e) {
                // ND4J wraps the EOFException of a cut array, or fails on a garbled one
                throw damaged(file, e.getCause() instanceof EOFException eof ? eof : e);
            }
            if (savedParams.length() != params.length()
                    || savedVelocity.length() != velocity.length()) {
                throw damaged(
                        file,
                        new IOException(
                                "arrays of "
                                        + savedParams.length()
                                        + " and "
                                        + savedVelocity.length()
                                        + " values for a network of "
                                        + count
                                        + " parameters"));
            }
        }
        params.assign(savedParams.reshape(params.shape()).castTo(params.dataType()));
        velocity.assign(savedVelocity.reshape(velocity.shape()).castTo(velocity.dataType()));
    }

    private static IllegalArgumentException damaged(Path file, Exception cause) {
        String found =
                cause instanceof EOFException
                        ? "the file ends early"
                        : cause.getMessage() != null
                                ? cause.getMessage()
                                : cause.getClass().getSimpleName();
        return new IllegalArgumentException(
                "checkpoint "
                        + file
                        + " is damaged: expected a whole wcl4j checkpoint, found "
                        + found,
                cause);
    }
}
