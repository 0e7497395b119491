package org.wcl4j.augment;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One feature row per dataset image, overwritten whenever the image is seen again, and the K
 * nearest images of every image by cosine similarity of those rows. Holds {@code N x F} floats and
 * never the history of a row. Thread-safe (every method synchronises on the bank).
 */
final class FeatureBank {

    /** Rows compared at once when searching neighbours. */
    static final int CHUNK = 256;

    private final int size;
    private float[] rows = new float[0];
    private int featureSize;
    private final boolean[] written;

    /**
     * @param size number of dataset images {@code N}, {@code >= 1}
     */
    FeatureBank(int size) {
        this.size = size;
        this.written = new boolean[size];
    }

    /** Number of rows {@code N}. */
    int size() {
        return size;
    }

    /**
     * Overwrites the rows of {@code indices} with {@code features}.
     *
     * @param indices dataset indices in {@code [0, N)}
     * @param features {@code [indices.length, F]}, copied; {@code F} fixed by the first call
     */
    synchronized void write(int[] indices, INDArray features) {
        if (features.rank() != 2 || features.size(0) != indices.length) {
            throw new IllegalArgumentException(
                    "feature bank: expected features ["
                            + indices.length
                            + ", featureSize], found "
                            + Arrays.toString(features.shape()));
        }
        int f = Math.toIntExact(features.size(1));
        if (featureSize == 0) {
            featureSize = f;
            rows = new float[Math.multiplyExact(size, f)];
        } else if (f != featureSize) {
            throw new IllegalArgumentException(
                    "feature bank: expected " + featureSize + " features per image, found " + f);
        }
        float[] values = features.castTo(DataType.FLOAT).dup('c').data().asFloat();
        for (int i = 0; i < indices.length; i++) {
            int index = indices[i];
            if (index < 0 || index >= size) {
                throw new IllegalArgumentException(
                        "feature bank: expected indices in [0, " + size + "), found " + index);
            }
            System.arraycopy(values, i * f, rows, index * f, f);
            written[index] = true;
        }
    }

    /** Writes every row and which rows were written, for {@link #read}. */
    synchronized void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(size);
        out.writeInt(featureSize);
        for (float value : rows) {
            out.writeFloat(value);
        }
        for (boolean seen : written) {
            out.writeBoolean(seen);
        }
    }

    /**
     * A bank as {@link #writeTo} left it.
     *
     * @throws IOException when the stream ends early
     * @throws IllegalArgumentException when the sizes it holds are negative
     */
    static FeatureBank read(DataInputStream in) throws IOException {
        int size = in.readInt();
        int featureSize = in.readInt();
        if (size < 1 || featureSize < 0) {
            throw new IllegalArgumentException(
                    "feature bank: expected a positive size and a feature size >= 0, found "
                            + size
                            + " and "
                            + featureSize);
        }
        FeatureBank bank = new FeatureBank(size);
        bank.featureSize = featureSize;
        bank.rows = new float[Math.multiplyExact(size, featureSize)];
        for (int i = 0; i < bank.rows.length; i++) {
            bank.rows[i] = in.readFloat();
        }
        for (int i = 0; i < size; i++) {
            bank.written[i] = in.readBoolean();
        }
        return bank;
    }

    /** A copy of row {@code index}; zeros when it was never written. */
    synchronized float[] row(int index) {
        if (featureSize == 0) {
            return new float[0];
        }
        return Arrays.copyOfRange(rows, index * featureSize, (index + 1) * featureSize);
    }

    /**
     * The {@code k} nearest images of every image by cosine similarity, most similar first, ties to
     * the lower index. An image is never its own neighbour. Only rows written at least once count,
     * as anchors and as neighbours: a row never written gets an empty list, and an image gets fewer
     * than {@code k} when fewer other rows were written. A zero row has similarity 0 to every row.
     *
     * @return {@code [N][]} dataset indices
     */
    synchronized int[][] nearest(int k) {
        int[][] result = new int[size][];
        int[] known = new int[size];
        int count = 0;
        for (int i = 0; i < size; i++) {
            result[i] = new int[0];
            if (written[i]) {
                known[count++] = i;
            }
        }
        if (count < 2) {
            return result;
        }

        // Unit rows of every written image, then chunks of similarities against all of them.
        float[] unit = new float[count * featureSize];
        for (int r = 0; r < count; r++) {
            int from = known[r] * featureSize;
            double norm = 0;
            for (int j = 0; j < featureSize; j++) {
                norm += (double) rows[from + j] * rows[from + j];
            }
            double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            for (int j = 0; j < featureSize; j++) {
                unit[r * featureSize + j] = (float) (rows[from + j] * scale);
            }
        }
        INDArray all = Nd4j.create(unit, new long[] {count, featureSize}, 'c');
        INDArray transposed = all.transpose().dup('c');
        int keep = Math.min(k, count - 1);
        for (int start = 0; start < count; start += CHUNK) {
            int end = Math.min(count, start + CHUNK);
            INDArray block = all.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            INDArray similarities = block.mmul(transposed);
            float[] values = similarities.dup('c').data().asFloat();
            similarities.close();
            for (int r = start; r < end; r++) {
                result[known[r]] = topK(values, (r - start) * count, count, r, keep, known);
            }
        }
        all.close();
        transposed.close();
        return result;
    }

    /** The {@code keep} largest of {@code values[offset .. offset + count)} except {@code self}. */
    private static int[] topK(
            float[] values, int offset, int count, int self, int keep, int[] known) {
        int[] best = new int[keep];
        float[] bestValues = new float[keep];
        int filled = 0;
        for (int c = 0; c < count; c++) {
            if (c == self) {
                continue;
            }
            float value = values[offset + c];
            if (filled == keep && value <= bestValues[keep - 1]) {
                continue;
            }
            int position = filled < keep ? filled++ : keep - 1;
            while (position > 0 && bestValues[position - 1] < value) {
                best[position] = best[position - 1];
                bestValues[position] = bestValues[position - 1];
                position--;
            }
            best[position] = c;
            bestValues[position] = value;
        }
        int[] indices = new int[keep];
        for (int i = 0; i < keep; i++) {
            indices[i] = known[best[i]];
        }
        return indices;
    }
}
