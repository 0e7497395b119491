package org.wcl4j.engine;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.FwdPassType;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A computation graph that backpropagates errors computed outside it, with Deeplearning4j's
 * workspaces kept open from the forward to the backward pass.
 *
 * <p>Deeplearning4j 1.0.0-M2.1 keeps training activations in a workspace that its public methods
 * close after the forward pass, so a public forward followed by a public backward fails in
 * BatchNorm's backward pass, and switching workspaces off leaks native memory. This class opens the
 * activations workspace itself, runs the workspace-aware forward pass over every vertex, copies the
 * outputs out, lets the caller compute errors outside every workspace, and runs the backward pass
 * inside the same scope. The gradient ends in {@link #getGradientsViewArray()}; no parameter
 * changes here.
 */
final class ExternalErrorGraph extends ComputationGraph {

    /** Computes the errors of the graph outputs from detached copies of the outputs. */
    interface ErrorSource {

        /**
         * @param outputs one detached copy per graph output, in output order, {@code [batch, dim]}
         * @param features detached copy of the first rows of the feature vertex
         * @return one error array per output, shaped as that output
         */
        INDArray[] errors(INDArray[] outputs, INDArray features);
    }

    /** Wall-clock split of one {@link #forwardBackward} call, in nanoseconds. */
    record Timings(long forward, long errors, long backward) {}

    ExternalErrorGraph(ComputationGraphConfiguration configuration) {
        super(configuration);
    }

    /**
     * One forward pass in training mode, the caller's errors, one backward pass.
     *
     * @param input {@code [batch, channels, height, width]}, not in a workspace
     * @param featureVertex vertex whose first {@code featureRows} rows are handed to the source
     * @param featureRows rows of the feature vertex to copy out
     * @param source computes the output errors; called outside every workspace
     */
    synchronized Timings forwardBackward(
            INDArray input, String featureVertex, long featureRows, ErrorSource source) {
        long start = System.nanoTime();
        List<INDArray> scratch = List.of();
        try (MemoryWorkspace activations =
                Nd4j.getWorkspaceManager()
                        .getAndActivateWorkspace(WS_ALL_LAYERS_ACT_CONFIG, WS_ALL_LAYERS_ACT)) {
            // forward, every vertex, activations kept in the workspace for the backward pass
            Map<String, INDArray> values = trainingActivations(input);
            scratch = BatchNormBuffers.collect(getLayers());
            INDArray[] outputs = detachedOutputs(values);
            INDArray features;
            try (MemoryWorkspace outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                features =
                        values.get(featureVertex)
                                .get(NDArrayIndex.interval(0, featureRows), NDArrayIndex.all())
                                .dup();
            }
            long forwardEnd = System.nanoTime();

            // errors, computed outside every workspace
            INDArray[] errors;
            try (MemoryWorkspace outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                errors = source.errors(outputs, features);
            }
            long errorsEnd = System.nanoTime();

            // backward
            calcBackpropGradients(true, false, errors);
            long backwardEnd = System.nanoTime();
            return new Timings(forwardEnd - start, errorsEnd - forwardEnd, backwardEnd - errorsEnd);
        } finally {
            BatchNormBuffers.release(getLayers(), scratch);
            clearLayersStates();
            clear();
        }
    }

    /**
     * One forward pass in training mode (BatchNorm normalises with the statistics of this input),
     * without a backward pass; nothing in the graph changes.
     *
     * @param input {@code [batch, channels, height, width]}, not in a workspace
     * @return one detached copy per graph output, in output order, {@code [batch, dim]}
     */
    synchronized INDArray[] trainingOutputs(INDArray input) {
        List<INDArray> scratch = List.of();
        try (MemoryWorkspace activations =
                Nd4j.getWorkspaceManager()
                        .getAndActivateWorkspace(WS_ALL_LAYERS_ACT_CONFIG, WS_ALL_LAYERS_ACT)) {
            Map<String, INDArray> values = trainingActivations(input);
            scratch = BatchNormBuffers.collect(getLayers());
            return detachedOutputs(values);
        } finally {
            BatchNormBuffers.release(getLayers(), scratch);
            clearLayersStates();
            clear();
        }
    }

    /**
     * The forward pass in training mode over every vertex, its activations left in the open
     * activations workspace for a backward pass.
     */
    private Map<String, INDArray> trainingActivations(INDArray input) {
        return ffToLayerActivationsInWS(
                true,
                -1,
                null,
                FwdPassType.STANDARD,
                false,
                new INDArray[] {input},
                null,
                null,
                false);
    }

    /** One copy per graph output, in output order, made outside every workspace. */
    private INDArray[] detachedOutputs(Map<String, INDArray> values) {
        List<String> outputNames = getConfiguration().getNetworkOutputs();
        INDArray[] outputs = new INDArray[outputNames.size()];
        try (MemoryWorkspace outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            for (int i = 0; i < outputs.length; i++) {
                outputs[i] = values.get(outputNames.get(i)).dup();
            }
        }
        return outputs;
    }

    /**
     * Activations of one vertex in inference mode (BatchNorm running statistics), detached.
     *
     * @param input {@code [batch, channels, height, width]}
     * @param vertex the vertex to stop at
     */
    synchronized INDArray inference(INDArray input, String vertex) {
        try {
            int index = getVertex(vertex).getVertexIndex();
            return outputOfLayersDetached(
                    false,
                    FwdPassType.STANDARD,
                    new int[] {index},
                    new INDArray[] {input},
                    null,
                    null,
                    true,
                    false,
                    null)[0];
        } finally {
            BatchNormBuffers.release(getLayers(), BatchNormBuffers.collect(getLayers()));
            clearLayersStates();
            clear();
        }
    }
}
