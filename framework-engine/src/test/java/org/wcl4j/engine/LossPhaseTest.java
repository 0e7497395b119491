package org.wcl4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossResult;

class LossPhaseTest {

    @Test
    void embeddingsWhoseRowNormsOverflowStopTheStepAsDivergedBeforeAnyLoss() {
        // two views of two rows; row 1 of view 0 holds 1e20 twice: finite entries whose squares
        // (1e40) and so whose norm overflow float32, whose largest value is about 3.4e38
        INDArray outputs =
                Nd4j.createFromArray(new float[][] {{1, 0}, {1e20f, 1e20f}, {0, 1}, {1, 1}});
        boolean[] called = {false};
        Loss recording =
                input -> {
                    called[0] = true;
                    return new LossResult(0, List.of(), List.of());
                };
        LossPhase phase =
                new LossPhase(
                        List.of("g"),
                        List.of(new LossTerm("recording", "g", 1.0, recording)),
                        Optional.empty(),
                        new LossPhase.Batch(2, 0, 0, 2, Fixtures.context(2), 41, 0.3),
                        new INDArray[0]);

        assertThatThrownBy(
                        () ->
                                phase.errors(
                                        new INDArray[] {outputs}, Nd4j.zeros(DataType.FLOAT, 2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("head 'g' embeddings have rows whose norm overflows FLOAT")
                .hasMessageContaining("at step 41 (learning rate 0.3)")
                .hasMessageContaining("lower the learning rate");
        assertThat(called[0]).as("the loss never saw the embeddings").isFalse();
        phase.release();
    }
}
