package org.wcl4j.core.testing;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossInput;
import org.wcl4j.api.loss.LossProvider;
import org.wcl4j.api.loss.LossResult;
import org.wcl4j.api.plugin.Settings;

/**
 * {@code align}: {@code scale / (2n) * sum_i ||z1_i - z2_i||^2}, pulling the two views of each
 * image together; gradient {@code scale / n * (z1 - z2)} for view 1 and its negative for view 2.
 */
public final class AlignLossProvider implements LossProvider<AlignLossProvider.Align> {

    /**
     * @param scale multiplier, in (0, 10]
     */
    public record Align(double scale) implements Settings {
        @Override
        public List<String> problems() {
            return scale > 0 && scale <= 10
                    ? List.of()
                    : List.of("scale: expected a value in (0, 10], found " + scale);
        }
    }

    @Override
    public String name() {
        return "align";
    }

    @Override
    public String description() {
        return "test double: squared distance between the two views";
    }

    @Override
    public Align defaults() {
        return new Align(1.0);
    }

    @Override
    public Loss create(Align settings) {
        return input -> align(input, settings.scale());
    }

    static LossResult align(LossInput input, double scale) {
        INDArray z1 = input.globalViews().get(0);
        INDArray z2 = input.globalViews().get(1);
        long n = z1.size(0);
        INDArray difference = z1.sub(z2);
        double value = scale * difference.mul(difference).sumNumber().doubleValue() / (2.0 * n);
        INDArray gradient = difference.mul(scale / n);
        List<INDArray> local =
                input.localViews().stream().map(view -> Nd4j.zerosLike(view)).toList();
        return new LossResult(value, List.of(gradient, gradient.neg()), local);
    }
}
