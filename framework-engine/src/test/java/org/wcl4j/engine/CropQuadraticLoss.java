package org.wcl4j.engine;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossInput;
import org.wcl4j.api.loss.LossResult;

/**
 * A test loss with a known gradient over global views and local crops: {@code sum ||z - t||^2 / (2
 * n)} over the views it reads (global views with {@code globalWeight}, local crops with {@code
 * localWeight}), gradient {@code weight (z - t) / n}. Targets are fixed per view.
 */
final class CropQuadraticLoss implements Loss {

    private final List<INDArray> targets;
    private final double globalWeight;
    private final double localWeight;

    /**
     * @param targets one per global view, then one per local crop
     */
    CropQuadraticLoss(List<INDArray> targets, double globalWeight, double localWeight) {
        this.targets = List.copyOf(targets);
        this.globalWeight = globalWeight;
        this.localWeight = localWeight;
    }

    @Override
    public LossResult compute(LossInput input) {
        double n = input.batchSize();
        List<INDArray> views = new ArrayList<>(input.globalViews());
        views.addAll(input.localViews());
        double value = 0;
        List<INDArray> global = new ArrayList<>();
        List<INDArray> local = new ArrayList<>();
        for (int v = 0; v < views.size(); v++) {
            boolean isGlobal = v < input.globalViews().size();
            double weight = isGlobal ? globalWeight : localWeight;
            INDArray z = views.get(v);
            INDArray difference = z.sub(targets.get(v).castTo(z.dataType()));
            double norm = difference.norm2Number().doubleValue();
            value += weight * norm * norm / (2 * n);
            INDArray gradient = weight == 0 ? Nd4j.zerosLike(z) : difference.muli(weight / n);
            (isGlobal ? global : local).add(gradient);
        }
        return new LossResult(value, global, local);
    }
}
