package org.wcl4j.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.eval.FeatureExtractor;
import org.wcl4j.core.testing.BlobsDatasetProvider;

class FeatureCacheTest {

    @TempDir Path directory;

    private final List<String> events = new ArrayList<>();
    private int delegateCalls;

    /** Features [i, label] per image; counts calls, so a cache hit is visible. */
    private final FeatureExtractor counting =
            split -> {
                delegateCalls++;
                INDArray features = Nd4j.create(split.size(), 2);
                for (int i = 0; i < split.size(); i++) {
                    features.putScalar(i, 0, i);
                    features.putScalar(i, 1, split.label(i));
                }
                return features;
            };

    private final FeatureCache.Listener listener =
            new FeatureCache.Listener() {
                @Override
                public void computing(String name, int size) {
                    events.add("computing " + name + " " + size);
                }

                @Override
                public void cached(String name, int size) {
                    events.add("cached " + name + " " + size);
                }
            };

    private static DatasetSplit split(int size) {
        return new BlobsDatasetProvider()
                .create(new BlobsDatasetProvider.Blobs(size, 1, 4, 3))
                .train();
    }

    private FeatureCache cache(String key, DatasetSplit train) {
        return new FeatureCache(directory, key, Map.of("train", train), counting, listener);
    }

    @Test
    void computesOncePerKeyAndReadsTheSameArrayBack() throws IOException {
        DatasetSplit train = split(9);

        INDArray first = cache("checkpoint-a", train).features(train);
        INDArray second = cache("checkpoint-a", train).features(train);

        assertThat(delegateCalls).isEqualTo(1);
        assertThat(second).isEqualTo(first);
        assertThat(second.getDouble(8, 0)).isEqualTo(8.0);
        assertThat(Files.isRegularFile(FeatureCache.file(directory, "train"))).isTrue();
        assertThat(events).containsExactly("computing train 9", "cached train 9");
    }

    @Test
    void anotherCheckpointOrSubsetMakesTheCacheStale() {
        DatasetSplit train = split(9);
        cache("checkpoint-a", train).features(train);

        cache("checkpoint-b", train).features(train);
        DatasetSplit smaller = split(5);
        INDArray fromSmaller = cache("checkpoint-b", smaller).features(smaller);

        assertThat(delegateCalls).isEqualTo(3);
        assertThat(fromSmaller.rows()).isEqualTo(5);
        assertThat(events)
                .containsExactly("computing train 9", "computing train 9", "computing train 5");
    }

    @Test
    void anUnnamedSplitIsNeverCached() {
        DatasetSplit train = split(9);
        DatasetSplit other = split(4);
        FeatureCache cache = cache("checkpoint-a", train);

        cache.features(other);
        cache.features(other);

        assertThat(delegateCalls).isEqualTo(2);
        assertThat(directory).isEmptyDirectory();
    }

    @Test
    void keepsTheFeaturesOfEachLayerInTheirOwnFile() {
        DatasetSplit train = split(6);
        // pooled features are [i]; those of the head vertex are [10 i]
        FeatureExtractor layered =
                new FeatureExtractor() {
                    @Override
                    public INDArray features(DatasetSplit split) {
                        return features(split, POOLED);
                    }

                    @Override
                    public INDArray features(DatasetSplit split, String layer) {
                        delegateCalls++;
                        double scale = layer.equals(POOLED) ? 1 : 10;
                        INDArray features = Nd4j.create(split.size(), 1);
                        for (int i = 0; i < split.size(); i++) {
                            features.putScalar(i, 0, scale * i);
                        }
                        return features;
                    }
                };
        FeatureCache cache =
                new FeatureCache(directory, "key", Map.of("train", train), layered, listener);

        INDArray pooled = cache.features(train);
        INDArray head = cache.features(train, "head-g/relu");
        INDArray headAgain = cache.features(train, "head-g/relu");

        assertThat(delegateCalls).isEqualTo(2);
        assertThat(pooled.getDouble(5, 0)).isEqualTo(5.0);
        assertThat(headAgain).isEqualTo(head);
        assertThat(headAgain.getDouble(5, 0)).isEqualTo(50.0);
        assertThat(FeatureCache.file(directory, "train-head-g-relu")).isNotEmptyFile();
        assertThat(events)
                .containsExactly(
                        "computing train 6",
                        "computing train-head-g-relu 6",
                        "cached train-head-g-relu 6");
    }
}
