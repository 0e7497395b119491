package org.wcl4j.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.core.testing.BlobsDatasetProvider;

class SplitFeaturesTest {

    @Test
    void chunksAreStitchedInSplitOrder() {
        BlobsDatasetProvider.Split split =
                (BlobsDatasetProvider.Split)
                        new BlobsDatasetProvider()
                                .create(new BlobsDatasetProvider.Blobs(7, 1, 4, 3))
                                .train();
        List<Long> chunkSizes = new ArrayList<>();
        // features: [sum of pixels, pixel (0,0)] per image
        SplitFeatures extractor =
                new SplitFeatures(
                        images -> {
                            chunkSizes.add(images.size(0));
                            INDArray flat = images.reshape(images.size(0), 16);
                            return Nd4j.hstack(
                                    flat.sum(1).reshape(images.size(0), 1),
                                    flat.getColumn(0).reshape(images.size(0), 1));
                        },
                        3);

        INDArray features = extractor.features(split);

        assertThat(chunkSizes).containsExactly(3L, 3L, 1L);
        assertThat(features.shape()).containsExactly(7, 2);
        for (int i = 0; i < 7; i++) {
            float[] pixels = split.pixels()[i];
            double sum = 0;
            for (float p : pixels) {
                sum += p;
            }
            assertThat(features.getDouble(i, 0))
                    .isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(features.getDouble(i, 1))
                    .isEqualTo(pixels[0], org.assertj.core.data.Offset.offset(1e-7));
        }
    }
}
