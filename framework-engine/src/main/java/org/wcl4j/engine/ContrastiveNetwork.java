package org.wcl4j.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.api.model.Encoder;
import org.wcl4j.api.model.Head;

/** The encoder and every head in one Deeplearning4j computation graph. */
public final class ContrastiveNetwork {

    private ContrastiveNetwork() {}

    /**
     * Builds and initialises the graph.
     *
     * @param encoder the backbone
     * @param heads head name to head, in a stable order
     * @param shape image shape of the global views
     * @param optimizer optimiser settings
     * @param seed weight-initialisation seed
     */
    public static ContrastiveNetwork build(
            Encoder encoder,
            Map<String, Head> heads,
            ImageShape shape,
            OptimizerSettings optimizer,
            long seed) {
        throw new UnsupportedOperationException("engine under construction");
    }

    /** Pooled encoder features in inference mode: {@code [n, featureSize()]}. */
    public INDArray features(INDArray images) {
        throw new UnsupportedOperationException("engine under construction");
    }

    public int featureSize() {
        throw new UnsupportedOperationException("engine under construction");
    }

    public List<String> headNames() {
        throw new UnsupportedOperationException("engine under construction");
    }

    public long parameterCount() {
        throw new UnsupportedOperationException("engine under construction");
    }

    /** Writes parameters and updater state atomically (a temporary file, then a rename). */
    public void saveCheckpoint(Path file) throws IOException {
        throw new UnsupportedOperationException("engine under construction");
    }

    /** Restores what {@link #saveCheckpoint} wrote into this (identically built) network. */
    public void loadCheckpoint(Path file) throws IOException {
        throw new UnsupportedOperationException("engine under construction");
    }
}
