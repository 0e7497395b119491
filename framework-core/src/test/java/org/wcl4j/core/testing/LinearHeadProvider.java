package org.wcl4j.core.testing;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.nd4j.linalg.activations.Activation;
import org.wcl4j.api.model.Head;
import org.wcl4j.api.model.HeadProvider;
import org.wcl4j.api.plugin.Settings;

/** {@code linear}: one dense layer with identity activation. */
public final class LinearHeadProvider implements HeadProvider<LinearHeadProvider.Linear> {

    /**
     * @param output embedding length
     */
    public record Linear(int output) implements Settings {
        @Override
        public List<String> problems() {
            return output < 1
                    ? List.of("output: expected an integer >= 1, found " + output)
                    : List.of();
        }
    }

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public String description() {
        return "test double: one dense layer";
    }

    @Override
    public Linear defaults() {
        return new Linear(4);
    }

    @Override
    public Head create(Linear settings) {
        return new Head() {
            @Override
            public int outputSize() {
                return settings.output();
            }

            @Override
            public String build(
                    org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder graph,
                    String prefix,
                    String input,
                    int inputSize) {
                graph.addLayer(
                        prefix + "dense",
                        new DenseLayer.Builder()
                                .nIn(inputSize)
                                .nOut(settings.output())
                                .activation(Activation.IDENTITY)
                                .build(),
                        input);
                return prefix + "dense";
            }
        };
    }
}
