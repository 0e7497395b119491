package org.wcl4j.core.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.augment.CropRequest;
import org.wcl4j.api.augment.ViewBatch;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.label.LabelContext;
import org.wcl4j.core.config.RunConfig;
import org.wcl4j.core.wiring.RunComponents;
import org.wcl4j.engine.LabellerBinding;

/**
 * Checks, before a run makes its directory, what only a batch of the run's own shape can show: that
 * the crop strategy can make views of a first batch, and that the labeller accepts a batch of that
 * size with the support views those crops make (a top-K larger than the batch, a support-set
 * labeller without support views). The labeller is given random embeddings, so only the shapes and
 * settings are checked, never the labels; it sees the context of the last epoch to be trained, so
 * that a labeller which starts late is checked as it will run.
 */
final class Preflight {

    /** Width of the random embeddings: any width exercises the shape checks. */
    private static final int DIM = 16;

    private Preflight() {}

    /**
     * @throws IllegalArgumentException naming the component and the problem, when the crops or the
     *     labeller reject the run's first batch
     */
    static void check(RunComponents parts) {
        RunConfig config = parts.config();
        DatasetSplit train = parts.dataset().train();
        int n = Math.min(config.training().batchSize(), train.size());
        int[] indices = new int[n];
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
            classes[i] = train.label(i);
        }

        // crops: the first batch's views, as the first step will ask for them
        ViewBatch views =
                parts.crops()
                        .views(
                                new CropRequest(
                                        train, indices, parts.augmentations(), config.seed(), 0));

        // label: random embeddings of the batch's size, with as many support views as were made
        Optional<LabellerBinding> labeller = parts.labeller();
        if (labeller.isEmpty()) {
            return;
        }
        List<INDArray> arrays = new ArrayList<>();
        try {
            INDArray embeddings = random(n, config.seed());
            arrays.add(embeddings);
            List<INDArray> support = new ArrayList<>();
            for (int s = 0; s < views.support().size(); s++) {
                INDArray view = random(n, config.seed() + 1 + s);
                arrays.add(view);
                support.add(view);
            }
            int lastEpoch = Math.max(0, config.training().epochs() - 1);
            LabelContext context = new LabelContext(indices, classes, lastEpoch, support);
            try {
                labeller.get().labeller().label(embeddings, context);
            } catch (IllegalArgumentException e) {
                String name = config.labeller().map(choice -> choice.name()).orElse("labeller");
                throw new IllegalArgumentException(
                        "labeller '"
                                + name
                                + "' cannot label a batch of this run ("
                                + n
                                + " images, crops '"
                                + config.crops().name()
                                + "' with "
                                + views.support().size()
                                + " support views): "
                                + e.getMessage(),
                        e);
            }
        } finally {
            arrays.forEach(INDArray::close);
        }
    }

    private static INDArray random(int n, long seed) {
        Random random = new Random(seed);
        float[][] rows = new float[n][DIM];
        for (float[] row : rows) {
            for (int k = 0; k < DIM; k++) {
                row[k] = (float) random.nextGaussian();
            }
        }
        return Nd4j.create(rows);
    }
}
