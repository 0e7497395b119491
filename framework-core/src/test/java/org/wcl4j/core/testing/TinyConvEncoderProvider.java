package org.wcl4j.core.testing;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.nd4j.linalg.activations.Activation;
import org.wcl4j.api.model.Encoder;
import org.wcl4j.api.model.EncoderOutput;
import org.wcl4j.api.model.EncoderProvider;
import org.wcl4j.api.plugin.Settings;

/** {@code tiny-conv}: 3×3 convolutions with ReLU, one per width, then global average pooling. */
public final class TinyConvEncoderProvider
        implements EncoderProvider<TinyConvEncoderProvider.TinyConv> {

    /**
     * @param widths output channels of each convolution
     */
    public record TinyConv(List<Integer> widths) implements Settings {
        @Override
        public List<String> problems() {
            return widths.isEmpty() || widths.stream().anyMatch(w -> w < 1)
                    ? List.of("widths: expected positive integers, found " + widths)
                    : List.of();
        }
    }

    @Override
    public String name() {
        return "tiny-conv";
    }

    @Override
    public String description() {
        return "test double: a few 3x3 convolutions and global pooling";
    }

    @Override
    public TinyConv defaults() {
        return new TinyConv(List.of(4));
    }

    @Override
    public Encoder create(TinyConv settings) {
        return (graph, prefix, input, shape) -> {
            String previous = input;
            int channels = shape.channels();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < settings.widths().size(); i++) {
                String name = prefix + "conv" + i;
                graph.addLayer(
                        name,
                        new ConvolutionLayer.Builder(3, 3)
                                .nIn(channels)
                                .nOut(settings.widths().get(i))
                                .convolutionMode(ConvolutionMode.Same)
                                .activation(Activation.RELU)
                                .build(),
                        previous);
                channels = settings.widths().get(i);
                previous = name;
                names.add(name);
            }
            graph.addLayer(
                    prefix + "pool",
                    new GlobalPoolingLayer.Builder(PoolingType.AVG).build(),
                    previous);
            return new EncoderOutput(prefix + "pool", channels);
        };
    }
}
