package org.wcl4j.labellers;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.label.LabelContext;

/**
 * Prints the median time of {@link NearestNeighbourLabeller#label} on random {@code [n, 128]}
 * embeddings for {@code n} = 256 and 4096. Not a test: run it by hand, for example with {@code java
 * -cp <test classpath> org.wcl4j.labellers.NearestNeighbourLabellerBenchmark}.
 */
public final class NearestNeighbourLabellerBenchmark {

    private NearestNeighbourLabellerBenchmark() {}

    public static void main(String[] args) {
        NearestNeighbourLabeller labeller = new NearestNeighbourLabeller();
        int dim = 128;
        Nd4j.getRandom().setSeed(1);
        for (int n : new int[] {256, 4096}) {
            INDArray embeddings = Nd4j.randn(DataType.FLOAT, n, dim);
            LabelContext context = new LabelContext(new int[n], new int[n], 0);
            int repeats = n <= 256 ? 50 : 10;
            for (int i = 0; i < 3; i++) {
                labeller.label(embeddings, context);
            }
            double[] millis = new double[repeats];
            int components = 0;
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                components = labeller.label(embeddings, context).componentCount();
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            System.out.printf(
                    "n = %d, dim = %d: median %.2f ms, min %.2f ms over %d runs (%d components)%n",
                    n, dim, millis[repeats / 2], millis[0], repeats, components);
        }
    }
}
