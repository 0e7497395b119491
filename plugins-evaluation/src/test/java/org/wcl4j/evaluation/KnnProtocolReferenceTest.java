package org.wcl4j.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.evaluation.FakeData.LabelOnlySplit;

/**
 * Random seeded features checked against a slow reference written independently here with plain
 * loops in double precision: cosine similarity to every bank row, a full sort for the top k,
 * weighted votes, and a sorted class ranking.
 */
class KnnProtocolReferenceTest {

    private static final int DIM = 8;
    private static final int CLASSES = 6;

    @Test
    void matchesThePlainLoopReferenceOnRandomClusteredFeatures() {
        Random random = new Random(2018);
        double[][] centres = new double[CLASSES][DIM];
        for (double[] centre : centres) {
            for (int d = 0; d < DIM; d++) {
                centre[d] = random.nextGaussian();
            }
        }
        int[] bankLabels = randomLabels(random, 300);
        int[] queryLabels = randomLabels(random, 97);
        double[][] bank = features(random, centres, bankLabels);
        double[][] queries = features(random, centres, queryLabels);
        LabelOnlySplit train = new LabelOnlySplit(bankLabels, CLASSES);
        LabelOnlySplit test = new LabelOnlySplit(queryLabels, CLASSES);

        List<KnnSettings> cases =
                List.of(
                        new KnnSettings(200, 0.1, 256),
                        new KnnSettings(7, 0.5, 16),
                        new KnnSettings(1, 0.07, 1),
                        new KnnSettings(50, 2.0, 1000),
                        new KnnSettings(500, 0.1, 40));
        for (KnnSettings settings : cases) {
            Map<String, Double> metrics =
                    KnnProtocolTest.evaluate(
                                    settings, train, test, Nd4j.create(bank), Nd4j.create(queries))
                            .metrics();

            double[] expected = reference(bank, bankLabels, queries, queryLabels, settings);
            assertThat(metrics.get("top1")).as("%s", settings).isEqualTo(expected[0]);
            assertThat(metrics.get("top5")).as("%s", settings).isEqualTo(expected[1]);
        }
    }

    /** Noisy points around their class centre, each scaled by a random length. */
    private static double[][] features(Random random, double[][] centres, int[] labels) {
        double[][] rows = new double[labels.length][DIM];
        for (int i = 0; i < labels.length; i++) {
            double scale = 0.2 + 5 * random.nextDouble();
            for (int d = 0; d < DIM; d++) {
                rows[i][d] = scale * (centres[labels[i]][d] + 1.5 * random.nextGaussian());
            }
        }
        return rows;
    }

    private static int[] randomLabels(Random random, int count) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(CLASSES);
        }
        return labels;
    }

    /** {top-1, top-5} in percent. */
    private static double[] reference(
            double[][] bank,
            int[] bankLabels,
            double[][] queries,
            int[] queryLabels,
            KnnSettings settings) {
        int top1 = 0;
        int top5 = 0;
        for (int q = 0; q < queries.length; q++) {
            double[] similarity = new double[bank.length];
            List<Integer> order = new ArrayList<>();
            for (int j = 0; j < bank.length; j++) {
                similarity[j] = cosine(queries[q], bank[j]);
                order.add(j);
            }
            order.sort(
                    Comparator.<Integer>comparingDouble(j -> -similarity[j])
                            .thenComparingInt(j -> j));

            double[] weight = new double[CLASSES];
            boolean[] voted = new boolean[CLASSES];
            for (int n = 0; n < Math.min(settings.k(), bank.length); n++) {
                int j = order.get(n);
                weight[bankLabels[j]] += Math.exp(similarity[j] / settings.temperature());
                voted[bankLabels[j]] = true;
            }
            List<Integer> ranking = new ArrayList<>();
            for (int c = 0; c < CLASSES; c++) {
                if (voted[c]) {
                    ranking.add(c);
                }
            }
            ranking.sort(
                    Comparator.<Integer>comparingDouble(c -> -weight[c]).thenComparingInt(c -> c));

            int position = ranking.indexOf(queryLabels[q]);
            if (position == 0) {
                top1++;
            }
            if (position >= 0 && position < 5) {
                top5++;
            }
        }
        return new double[] {100.0 * top1 / queries.length, 100.0 * top5 / queries.length};
    }

    private static double cosine(double[] a, double[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int d = 0; d < a.length; d++) {
            dot += a[d] * b[d];
            normA += a[d] * a[d];
            normB += b[d] * b[d];
        }
        return dot / Math.sqrt(normA * normB);
    }
}
