package org.wcl4j.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NeighbourHeapTest {

    @Test
    void keepsTheMostSimilarAndTheLowerIndexAmongTies() {
        NeighbourHeap heap = new NeighbourHeap(3);
        float[] similarities = {0.5f, 0.5f, 0.9f, 0.5f, 0.1f, 0.9f};
        for (int j = 0; j < similarities.length; j++) {
            heap.offer(similarities[j], j);
        }

        assertThat(kept(heap)).containsExactly(0, 2, 5);
    }

    @Test
    void matchesAFullSortOnRandomTiedValues() {
        // Similarities from a handful of values, so ties are everywhere; the reference sorts all
        // candidates by (similarity descending, index ascending) and takes the first k.
        Random random = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(40);
            int k = 1 + random.nextInt(n + 3);
            float[] similarities = new float[n];
            for (int j = 0; j < n; j++) {
                similarities[j] = random.nextInt(5) / 4f;
            }
            NeighbourHeap heap = new NeighbourHeap(Math.min(k, n));
            for (int j = 0; j < n; j++) {
                heap.offer(similarities[j], j);
            }

            int[] expected =
                    IntStream.range(0, n)
                            .boxed()
                            .sorted(
                                    Comparator.<Integer>comparingDouble(j -> -similarities[j])
                                            .thenComparingInt(j -> j))
                            .limit(k)
                            .mapToInt(Integer::intValue)
                            .sorted()
                            .toArray();
            assertThat(kept(heap)).as("trial %d", trial).containsExactly(expected);
        }
    }

    @Test
    void startsAfreshAfterClear() {
        NeighbourHeap heap = new NeighbourHeap(2);
        heap.offer(0.9f, 0);
        heap.offer(0.8f, 1);
        heap.clear();
        heap.offer(0.1f, 0);

        assertThat(kept(heap)).containsExactly(0);
        assertThat(heap.similarity(0)).isEqualTo(0.1f);
    }

    private static int[] kept(NeighbourHeap heap) {
        int[] indices = new int[heap.size()];
        for (int slot = 0; slot < indices.length; slot++) {
            indices[slot] = heap.index(slot);
        }
        Arrays.sort(indices);
        return indices;
    }
}
