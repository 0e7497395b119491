package org.wcl4j.engine;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossInput;
import org.wcl4j.api.loss.LossResult;

/**
 * A test loss with a known gradient: {@code sum_v ||z_v - t_v||^2 / (2 n)} over the global views,
 * gradient {@code (z_v - t_v) / n}. Targets are fixed per view.
 */
final class QuadraticLoss implements Loss {

    private final List<INDArray> targets;

    QuadraticLoss(List<INDArray> targets) {
        this.targets = List.copyOf(targets);
    }

    @Override
    public LossResult compute(LossInput input) {
        double n = input.batchSize();
        double value = 0;
        List<INDArray> gradients = new ArrayList<>();
        for (int v = 0; v < input.globalViews().size(); v++) {
            INDArray z = input.globalViews().get(v);
            INDArray difference = z.sub(targets.get(v).castTo(z.dataType()));
            double norm = difference.norm2Number().doubleValue();
            value += norm * norm / (2 * n);
            gradients.add(difference.divi(n));
        }
        return new LossResult(value, gradients, List.of());
    }
}
