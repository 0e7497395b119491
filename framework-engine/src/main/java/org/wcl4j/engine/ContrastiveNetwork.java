package org.wcl4j.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.api.model.Encoder;
import org.wcl4j.api.model.EncoderOutput;
import org.wcl4j.api.model.Head;

/**
 * The encoder and every head in one Deeplearning4j computation graph, with the optimiser's state.
 *
 * <p>The graph has one input, {@code "images"}: {@code [batch, channels, height, width]} (NCHW,
 * float32). The encoder's vertices are named {@code encoder/...}; head {@code h} reads the pooled
 * features and its vertices are named {@code head-h/...}; the graph's outputs are the heads' last
 * vertices, in the order of the map given to {@link #build}. Initial weights depend only on the
 * seed; layers that set no initialisation or activation of their own get He-normal weights and
 * identity activation. Training and inference use Deeplearning4j's workspaces. The network also
 * keeps the momentum buffer of {@link TrainingStep}'s optimiser (SGD or LARS), so that a checkpoint
 * restores both.
 *
 * <p>Not thread-safe for concurrent training; {@link #features} may be called between steps.
 */
public final class ContrastiveNetwork {

    /** Name of the graph input. */
    public static final String INPUT = "images";

    /** Prefix of every encoder vertex. */
    public static final String ENCODER_PREFIX = "encoder/";

    /** Rows per forward pass of {@link #features}, to bound memory on large inputs. */
    static final int FEATURE_CHUNK = 256;

    private static final Pattern HEAD_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private final ExternalErrorGraph graph;
    private final ImageShape shape;
    private final String featureVertex;
    private final int featureSize;
    private final List<String> headNames;
    private final Map<String, Integer> headOutputSizes;
    private final MomentumSgd optimiser;
    private final Encoder encoder;
    private final Map<String, Head> heads;
    private Lars lars;

    private ContrastiveNetwork(
            ExternalErrorGraph graph,
            ImageShape shape,
            EncoderOutput features,
            Map<String, Integer> headOutputSizes,
            Encoder encoder,
            Map<String, Head> heads) {
        this.graph = graph;
        this.encoder = encoder;
        this.heads = Collections.unmodifiableMap(new LinkedHashMap<>(heads));
        this.shape = shape;
        this.featureVertex = features.vertex();
        this.featureSize = features.featureSize();
        this.headNames = List.copyOf(headOutputSizes.keySet());
        this.headOutputSizes = Map.copyOf(headOutputSizes);
        this.optimiser = new MomentumSgd(graph);
    }

    /**
     * Builds and initialises the graph in float32.
     *
     * @param encoder the backbone
     * @param heads head name to head, in a stable order; names of letters, digits, {@code -} and
     *     {@code _}
     * @param shape image shape of the global views
     * @param optimizer optimiser settings (validated here; {@link TrainingStep} applies them)
     * @param seed weight-initialisation seed: the same seed gives the same parameters
     * @throws IllegalArgumentException for no heads, a bad head name, or a head or encoder that
     *     ends in an output layer
     */
    public static ContrastiveNetwork build(
            Encoder encoder,
            Map<String, Head> heads,
            ImageShape shape,
            OptimizerSettings optimizer,
            long seed) {
        return build(encoder, heads, shape, optimizer, seed, DataType.FLOAT);
    }

    /** As {@link #build(Encoder, Map, ImageShape, OptimizerSettings, long)} in any float type. */
    static ContrastiveNetwork build(
            Encoder encoder,
            Map<String, Head> heads,
            ImageShape shape,
            OptimizerSettings optimizer,
            long seed,
            DataType dataType) {
        if (heads.isEmpty()) {
            throw new IllegalArgumentException(
                    "network: expected at least one head, found none; add a head under 'heads'");
        }

        // oneDNN runs convolution and BatchNorm where the native build has it
        NativeBackend.allowHelpers();

        GraphBuilder builder = graphBuilder(shape, seed, dataType);

        // encoder, then every head on the pooled features
        EncoderOutput features = encoder.build(builder, ENCODER_PREFIX, INPUT, shape);
        Map<String, Integer> outputSizes = new LinkedHashMap<>();
        List<String> outputs = new ArrayList<>();
        for (Map.Entry<String, Head> entry : heads.entrySet()) {
            String name = entry.getKey();
            if (!HEAD_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "network: expected a head name of letters, digits, '-' and '_', found '"
                                + name
                                + "'");
            }
            Head head = entry.getValue();
            outputs.add(
                    head.build(
                            builder,
                            "head-" + name + "/",
                            features.vertex(),
                            features.featureSize()));
            outputSizes.put(name, head.outputSize());
        }
        builder.setOutputs(outputs.toArray(String[]::new));

        // initialise
        ComputationGraphConfiguration configuration = builder.build();
        ExternalErrorGraph graph = new ExternalErrorGraph(configuration);
        graph.init();
        for (String output : outputs) {
            GraphVertex vertex = graph.getVertex(output);
            if (vertex.hasLayer() && vertex.getLayer() instanceof IOutputLayer) {
                throw new IllegalArgumentException(
                        "network: head output '"
                                + output
                                + "' is an output layer; heads must end in a plain layer (for"
                                + " example a dense layer with identity activation)");
            }
        }
        return new ContrastiveNetwork(graph, shape, features, outputSizes, encoder, heads);
    }

    /**
     * The layer defaults every graph of this engine starts from, with input {@link #INPUT} of
     * {@code shape}: He-normal weights, identity activation, workspaces on, and a zero-rate
     * updater, since the engine's own optimisers update the parameters.
     */
    static GraphBuilder graphBuilder(ImageShape shape, long seed, DataType dataType) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(dataType)
                .updater(new Sgd(0.0))
                .weightInit(WeightInit.RELU)
                .activation(Activation.IDENTITY)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .cacheMode(CacheMode.NONE)
                .graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(
                        InputType.convolutional(shape.height(), shape.width(), shape.channels()));
    }

    /**
     * Pooled encoder features in inference mode (BatchNorm running statistics), computed in chunks
     * of {@value #FEATURE_CHUNK} images.
     *
     * @param images {@code [n, channels, height, width]} with this network's channel count
     * @return {@code [n, featureSize()]}, a new array owned by the caller
     */
    public INDArray features(INDArray images) {
        return inference(images, featureVertex);
    }

    /**
     * The output of one vertex of a head in inference mode, for example {@code head-g/relu}: the
     * first layer of an {@code mlp} head, where the paper's semi-supervised evaluation can also
     * start from. Computed in chunks like {@link #features}.
     *
     * @param images {@code [n, channels, height, width]} with this network's channel count
     * @param vertex one of {@link #headVertices()}, whose output is {@code [batch, size]}
     * @return {@code [n, size]}, a new array owned by the caller
     * @throws IllegalArgumentException for a vertex that no head has, listing those they have
     */
    public INDArray activations(INDArray images, String vertex) {
        if (!headVertices().contains(vertex)) {
            throw new IllegalArgumentException(
                    "network: expected a head vertex, one of "
                            + headVertices()
                            + ", found '"
                            + vertex
                            + "'");
        }
        return inference(images, vertex);
    }

    /** Every vertex of every head, {@code head-<name>/<vertex>}, in the graph's order. */
    public List<String> headVertices() {
        List<String> names = new ArrayList<>();
        for (int index : graph.topologicalSortOrder()) {
            String name = graph.getVertices()[index].getVertexName();
            if (name.startsWith("head-")) {
                names.add(name);
            }
        }
        return names;
    }

    private INDArray inference(INDArray images, String vertex) {
        if (images.rank() != 4 || images.size(1) != shape.channels()) {
            throw new IllegalArgumentException(
                    "features: expected images [n, "
                            + shape.channels()
                            + ", height, width], found "
                            + Arrays.toString(images.shape()));
        }
        long n = images.size(0);
        INDArray result = null;
        for (long from = 0; from < n; from += FEATURE_CHUNK) {
            long to = Math.min(n, from + FEATURE_CHUNK);
            INDArray chunk =
                    images.get(
                                    NDArrayIndex.interval(from, to),
                                    NDArrayIndex.all(),
                                    NDArrayIndex.all(),
                                    NDArrayIndex.all())
                            .castTo(dataType())
                            .dup('c');
            INDArray output = graph.inference(chunk, vertex);
            if (result == null) {
                result = Nd4j.create(images.dataType(), n, output.size(1));
            }
            result.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).assign(output);
            output.close();
            chunk.close();
        }
        if (result == null) {
            result = Nd4j.create(images.dataType(), 0, featureSize);
        }
        return result;
    }

    /**
     * Names of the layers whose work a Deeplearning4j helper (oneDNN on a CPU) does, in graph
     * order; empty when the helpers are off or the native build has no oneDNN.
     */
    public List<String> helperLayers() {
        List<String> names = new ArrayList<>();
        for (org.deeplearning4j.nn.api.Layer layer : graph.getLayers()) {
            if (layer.getHelper() != null) {
                names.add(layer.getConfig().getLayerName());
            }
        }
        return names;
    }

    /**
     * Number of layers in the graph (vertices without parameters, such as an addition, excluded).
     */
    public int layerCount() {
        return graph.getLayers().length;
    }

    /** Length of the pooled feature vector. */
    public int featureSize() {
        return featureSize;
    }

    /** Head names in graph-output order. */
    public List<String> headNames() {
        return headNames;
    }

    /** Embedding length of head {@code name}. */
    public int headOutputSize(String name) {
        Integer size = headOutputSizes.get(name);
        if (size == null) {
            throw new IllegalArgumentException(
                    "network: unknown head '" + name + "'; known heads: " + headNames);
        }
        return size;
    }

    /** Image shape of the global views the network was built for. */
    public ImageShape shape() {
        return shape;
    }

    /**
     * Number of values in the flat parameter array, BatchNorm running statistics included (they are
     * stored and checkpointed with the parameters but not trained by gradient).
     */
    public long parameterCount() {
        return graph.numParams();
    }

    /**
     * A copy of the flat parameter array, BatchNorm running statistics included, {@code [1,
     * parameterCount()]}: what an evaluation compares before and after to prove that it left the
     * network untouched.
     */
    public INDArray parameters() {
        return graph.params().dup();
    }

    /** Writes parameters and updater state atomically (a temporary file, then a rename). */
    public void saveCheckpoint(Path file) throws IOException {
        Checkpoints.write(file, layout(), graph.params(), optimiser.velocity());
    }

    /**
     * Restores what {@link #saveCheckpoint} wrote into this (identically built) network.
     *
     * @throws IllegalArgumentException when the checkpoint holds another architecture
     */
    public void loadCheckpoint(Path file) throws IOException {
        Checkpoints.read(file, layout(), graph.params(), optimiser.velocity());
    }

    /** The parameter layout, {@code name:shape} per parameter in flat order, for checkpoints. */
    private String layout() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, INDArray> entry : graph.paramTable().entrySet()) {
            text.append(entry.getKey())
                    .append(Arrays.toString(entry.getValue().shape()))
                    .append(';');
        }
        return text.toString();
    }

    DataType dataType() {
        return graph.params().dataType();
    }

    ExternalErrorGraph graph() {
        return graph;
    }

    String featureVertex() {
        return featureVertex;
    }

    MomentumSgd optimiser() {
        return optimiser;
    }

    /** The encoder the graph was built from, to build copies of it. */
    Encoder encoder() {
        return encoder;
    }

    /** The heads the graph was built from, by name, in graph-output order. */
    Map<String, Head> heads() {
        return heads;
    }

    /** LARS over the same masks and velocity as {@link #optimiser()}, made on first use. */
    Lars lars() {
        if (lars == null) {
            lars = new Lars(graph, optimiser);
        }
        return lars;
    }
}
