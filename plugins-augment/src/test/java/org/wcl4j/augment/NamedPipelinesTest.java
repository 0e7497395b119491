package org.wcl4j.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.augment.AugmentationPipeline;
import org.wcl4j.api.augment.CropRequest;
import org.wcl4j.api.augment.Seeds;
import org.wcl4j.api.augment.ViewBatch;
import org.wcl4j.api.data.Image;

class NamedPipelinesTest {

    @Test
    void simclrIsTheFiveStepsOfThePaperWithBlurOffForSmallImages() {
        AugmentationPipeline simclr =
                (AugmentationPipeline)
                        new SimclrPipelineProvider().create(PipelineSettings.simclr());

        List<Augmentation> steps = simclr.steps();
        assertThat(steps).hasSize(5);
        assertThat(((RandomResizedCropAugmentation) steps.get(0)).settings())
                .isEqualTo(new RandomResizedCropSettings(0.08, 1.0, 0.75, 4.0 / 3.0, 0));
        assertThat(((HorizontalFlipAugmentation) steps.get(1)).settings().probability())
                .isEqualTo(0.5);
        assertThat(((ColourJitterAugmentation) steps.get(2)).settings())
                .isEqualTo(new ColourJitterSettings(1.0, 0.8));
        assertThat(((RandomGreyscaleAugmentation) steps.get(3)).settings().probability())
                .isEqualTo(0.2);
        assertThat(((GaussianBlurAugmentation) steps.get(4)).settings())
                .isEqualTo(new GaussianBlurSettings(0.1, 2.0, 0.0, 0.1));
    }

    @Test
    void mocoV2CropsLessAndJittersHalfAsStrongly() {
        AugmentationPipeline moco =
                (AugmentationPipeline)
                        new MocoV2PipelineProvider().create(PipelineSettings.mocoV2());

        assertThat(((RandomResizedCropAugmentation) moco.steps().get(0)).settings().minScale())
                .isEqualTo(0.2);
        ColourJitterSettings jitter = ((ColourJitterAugmentation) moco.steps().get(2)).settings();
        // MoCo v2's ColorJitter(0.4, 0.4, 0.4, 0.1).
        assertThat(jitter.brightness()).isEqualTo(0.4);
        assertThat(jitter.hue()).isEqualTo(0.1);
    }

    @Test
    void scheduleUsesTheWeakPipelineBeforeTheSwitchEpochAndTheStrongOneFromIt() {
        Augmentation schedule =
                new AugmentationScheduleProvider()
                        .create(new AugmentationScheduleSettings(3, 0.0, 0));
        Augmentation weak = NamedPipelines.of(PipelineSettings.mocoV2());
        Augmentation strong = NamedPipelines.of(PipelineSettings.simclr());
        Image image = TestImages.random(3, 16, 16, 1);

        for (int epoch = 0; epoch < 6; epoch++) {
            Augmentation expected = epoch < 3 ? weak : strong;
            Augmentation other = epoch < 3 ? strong : weak;
            long seed = Seeds.mix(epoch);
            Image view = schedule.forEpoch(epoch).apply(image, new Random(seed));
            assertThat(view.pixels())
                    .as("epoch %d", epoch)
                    .containsExactly(expected.apply(image, new Random(seed)).pixels());
            assertThat(view.pixels()).isNotEqualTo(other.apply(image, new Random(seed)).pixels());
        }
    }

    @Test
    void cropStrategiesAskThePipelineOfTheRequestsEpoch() {
        Augmentation schedule =
                new AugmentationScheduleProvider()
                        .create(new AugmentationScheduleSettings(1, 0.0, 0));
        ArraySplit split = new ArraySplit(4, 3, 12, 12);
        AugmentationPipeline pipeline = new AugmentationPipeline(List.of(schedule));
        Augmentation strong = NamedPipelines.of(PipelineSettings.simclr());

        ViewBatch views =
                new TwoViewsCropStrategy()
                        .views(new CropRequest(split, new int[] {2}, pipeline, 9, 1));

        Image expected = strong.apply(split.image(2), Seeds.forView(9, 1, 2, 0));
        assertThat(views.global().get(0).images().get(0).pixels())
                .containsExactly(expected.pixels());
    }

    @Test
    void reportsInvalidPipelineSettingsByName() {
        assertThat(new PipelineSettings(0, 3, 2, -1).problems())
                .containsExactly(
                        "minScale: expected a value in (0, 1], found 0.0",
                        "size: expected a value >= 0 (0 keeps the input's size), found -1",
                        "strength: expected a value in [0, 2.5] (0 turns it off), found 3.0",
                        "blurProbability: expected a probability in [0, 1], found 2.0");
        assertThat(new AugmentationScheduleSettings(-1, 0, 0).problems())
                .containsExactly("weakEpochs: expected a value >= 0, found -1");
    }
}
