package org.wcl4j.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.jspecify.annotations.Nullable;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcl4j.api.augment.Augmentation;
import org.wcl4j.api.augment.Seeds;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.api.eval.FeatureExtractor;
import org.wcl4j.api.eval.FineTuneSettings;
import org.wcl4j.api.eval.FineTunedClassifier;
import org.wcl4j.api.eval.FineTuner;
import org.wcl4j.api.model.EncoderOutput;

/**
 * Fine-tunes copies of a trained {@link ContrastiveNetwork}: the semi-supervised evaluation of the
 * WCL paper (Zheng et al., ICCV 2021, Sec. 4.2), which follows SimCLR's fine-tuning.
 *
 * <p>Each call builds a new graph with the network's own encoder (and, for a start point inside a
 * head, that head up to the start vertex; its later vertices are left out) from the same builder
 * defaults as the network, adds a dense softmax classifier {@code [startSize, classes]} with zero
 * weights on the start point, and copies every parameter of the network's layers into it, BatchNorm
 * running mean and log-deviation included. The network itself is only read. The copy is then
 * trained on the cross-entropy of the labelled images: mini-batches in an order drawn by the seed,
 * BatchNorm in training mode (batch statistics, running statistics updated as in training), the
 * gradient of the batch-mean loss, and {@link MomentumSgd} (heavy-ball momentum, weight decay on
 * weights only) with a cosine rate ({@link WarmupCosineSchedule} without warm-up).
 *
 * <p>With {@link FineTuneSettings#augment()}, each labelled image goes through the run's
 * augmentation pipeline (as it is in epoch 0 of the run) with a generator of the seed, epoch and
 * index; that pipeline is the contrastive one, stronger than SimCLR's crop-and-flip fine-tuning
 * augmentation. Scores are computed in inference mode on the images as stored.
 *
 * <p>Deterministic for a seed on one machine. Not thread-safe.
 */
public final class EncoderFineTuning implements FineTuner {

    /** Name of the classifier layer of every fine-tuned copy. */
    public static final String CLASSIFIER = "classifier";

    private static final Logger LOG = LoggerFactory.getLogger(EncoderFineTuning.class);

    private final ContrastiveNetwork network;
    private final Augmentation augmentation;

    /**
     * @param network the trained network; never changed
     * @param augmentation the run's augmentation pipeline, used when the settings ask for it
     */
    public EncoderFineTuning(ContrastiveNetwork network, Augmentation augmentation) {
        this.network = network;
        this.augmentation = augmentation;
    }

    @Override
    public FineTunedClassifier fineTune(
            DatasetSplit split, int[] labelled, FineTuneSettings settings) {
        check(split, labelled, settings);

        // a copy of the encoder (and head) with a new classifier, the network's parameters in it
        ComputationGraph copy = copy(settings.start(), split.classCount(), settings.seed());
        MomentumSgd optimiser = new MomentumSgd(copy);

        // train every layer on the labelled images
        int n = labelled.length;
        int batch = Math.min(settings.batchSize(), n);
        int stepsPerEpoch = (n + batch - 1) / batch;
        WarmupCosineSchedule schedule =
                new WarmupCosineSchedule(
                        settings.learningRate(), 0, stepsPerEpoch * settings.epochs());
        int[] order = labelled.clone();
        SplittableRandom random = new SplittableRandom(settings.seed());
        Augmentation pipeline = augmentation.forEpoch(0);
        double lastEpochLoss = Double.NaN;
        int step = 0;
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            double lossSum = 0;
            for (int first = 0; first < n; first += batch) {
                int last = Math.min(n, first + batch);
                INDArray images =
                        images(
                                split,
                                order,
                                first,
                                last,
                                settings.augment() ? pipeline : null,
                                settings.seed(),
                                epoch);
                INDArray labels = Nd4j.zeros(images.dataType(), last - first, split.classCount());
                for (int r = first; r < last; r++) {
                    labels.putScalar(r - first, split.label(order[r]), 1.0);
                }
                lossSum +=
                        step(copy, optimiser, images, labels, schedule.rate(step), settings)
                                * (last - first);
                images.close();
                labels.close();
                step++;
            }
            lastEpochLoss = lossSum / n;
            if (!Double.isFinite(lastEpochLoss)) {
                throw new IllegalArgumentException(
                        "fine-tuning: expected a finite loss, found "
                                + lastEpochLoss
                                + " in epoch "
                                + (epoch + 1)
                                + "; lower the learning rate");
            }
            if ((epoch + 1) % Math.max(1, settings.epochs() / 10) == 0) {
                LOG.info(
                        "fine-tuning: epoch {}/{}, mean cross-entropy {}",
                        epoch + 1,
                        settings.epochs(),
                        String.format(Locale.ROOT, "%.4f", lastEpochLoss));
            }
        }
        LOG.info(
                "fine-tuned from {} on {} labelled images for {} epochs: mean cross-entropy {}",
                settings.start(),
                n,
                settings.epochs(),
                String.format(Locale.ROOT, "%.4f", lastEpochLoss));
        return new Classifier(copy, lastEpochLoss);
    }

    /**
     * One SGD step on a batch: the gradient of the batch-mean cross-entropy on the trained values;
     * BatchNorm statistics move as Deeplearning4j's own updater would move them.
     *
     * @return the batch-mean cross-entropy before the step
     */
    private static double step(
            ComputationGraph copy,
            MomentumSgd optimiser,
            INDArray images,
            INDArray labels,
            double rate,
            FineTuneSettings settings) {
        List<INDArray> scratch = List.of();
        try {
            copy.setInputs(images);
            copy.setLabels(labels);
            copy.computeGradientAndScore();
            scratch = BatchNormBuffers.collect(copy.getLayers());
            double loss = copy.score();

            // Deeplearning4j sums the gradient over the batch (its updater divides it); the
            // statistics' entries are the change to apply, and are not divided
            INDArray gradient = copy.getFlattenedGradients();
            INDArray flat = gradient.reshape(gradient.length());
            INDArray statistics = optimiser.statisticsMask();
            INDArray scale = statistics.rsub(1.0).muli(1.0 / labels.size(0)).addi(statistics);
            flat.muli(scale);
            scale.close();
            optimiser.step(
                    copy.params(),
                    gradient,
                    rate,
                    settings.momentum(),
                    settings.weightDecay(),
                    false);
            return loss;
        } finally {
            BatchNormBuffers.release(copy.getLayers(), scratch);
            copy.clearLayersStates();
            copy.clear();
        }
    }

    /** The fine-tuning graph, its shared layers holding the network's parameters. */
    ComputationGraph copy(String start, int classes, long seed) {
        ImageShape shape = network.shape();
        GraphBuilder builder = ContrastiveNetwork.graphBuilder(shape, seed, network.dataType());
        EncoderOutput features =
                network.encoder()
                        .build(
                                builder,
                                ContrastiveNetwork.ENCODER_PREFIX,
                                ContrastiveNetwork.INPUT,
                                shape);
        String from = features.vertex();
        if (!start.equals(FeatureExtractor.POOLED)) {
            String head = start.substring("head-".length(), start.indexOf('/'));
            network.heads()
                    .get(head)
                    .build(
                            builder,
                            "head-" + head + "/",
                            features.vertex(),
                            features.featureSize());
            keepOnlyUpTo(builder, start);
            from = start;
        }
        builder.addLayer(
                CLASSIFIER,
                new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX)
                        .weightInit(WeightInit.ZERO)
                        .nOut(classes)
                        .build(),
                from);
        builder.setOutputs(CLASSIFIER);
        ComputationGraph copy = new ComputationGraph(builder.build());
        copy.init();
        copy.initGradientsView();

        // every layer the network has too gets the network's values, statistics included
        ComputationGraph source = network.graph();
        for (Layer layer : copy.getLayers()) {
            String name = layer.getConfig().getLayerName();
            if (name.equals(CLASSIFIER)) {
                continue;
            }
            Layer trained = source.getLayer(name);
            for (Map.Entry<String, INDArray> param : layer.paramTable().entrySet()) {
                param.getValue().assign(trained.getParam(param.getKey()));
            }
        }
        return copy;
    }

    /** Removes every vertex that {@code start} does not read from, directly or not. */
    private static void keepOnlyUpTo(GraphBuilder builder, String start) {
        Map<String, List<String>> inputs = builder.getVertexInputs();
        Set<String> needed = new HashSet<>();
        Deque<String> open = new ArrayDeque<>(List.of(start));
        while (!open.isEmpty()) {
            String vertex = open.pop();
            if (needed.add(vertex)) {
                open.addAll(inputs.getOrDefault(vertex, List.of()));
            }
        }
        for (String vertex : new ArrayList<>(builder.getVertices().keySet())) {
            if (!needed.contains(vertex)) {
                builder.removeVertex(vertex, true);
            }
        }
    }

    private void check(DatasetSplit split, int[] labelled, FineTuneSettings settings) {
        List<String> problems = new ArrayList<>(settings.problems());
        String start = settings.start();
        if (!start.equals(FeatureExtractor.POOLED) && !network.headVertices().contains(start)) {
            List<String> known = new ArrayList<>();
            known.add(FeatureExtractor.POOLED);
            known.addAll(network.headVertices());
            problems.add("start: expected one of " + known + ", found '" + start + "'");
        }
        if (labelled.length == 0) {
            problems.add("expected at least one labelled image, found none");
        }
        for (int index : labelled) {
            if (index < 0 || index >= split.size()) {
                problems.add(
                        "expected labelled indices in [0, " + split.size() + "), found " + index);
                break;
            }
        }
        if (!split.shape().equals(network.shape())) {
            problems.add(
                    "expected images of shape "
                            + network.shape()
                            + " as the network was built for, found "
                            + split.shape());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("fine-tuning: " + String.join("; ", problems));
        }
    }

    /** Images {@code order[first..last)} of the split as {@code [n, channels, height, width]}. */
    private INDArray images(
            DatasetSplit split,
            int[] order,
            int first,
            int last,
            @Nullable Augmentation pipeline,
            long seed,
            int epoch) {
        ImageShape shape = network.shape();
        int length = shape.length();
        float[] pixels = new float[(last - first) * length];
        for (int r = first; r < last; r++) {
            Image image = split.image(order[r]);
            if (pipeline != null) {
                image = pipeline.apply(image, Seeds.forView(seed, epoch, order[r], 0));
                if (!image.shape().equals(shape)) {
                    throw new IllegalArgumentException(
                            "fine-tuning: expected the run's augmentations to keep the shape "
                                    + shape
                                    + ", found "
                                    + image.shape()
                                    + "; fine-tune with augment=false");
                }
            }
            System.arraycopy(image.pixels(), 0, pixels, (r - first) * length, length);
        }
        INDArray stacked =
                Nd4j.create(
                        pixels,
                        new long[] {last - first, shape.channels(), shape.height(), shape.width()},
                        'c');
        return stacked.castTo(network.dataType());
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /** A fine-tuned copy, scoring splits in inference mode. */
    static final class Classifier implements FineTunedClassifier {

        private final ComputationGraph graph;
        private final double trainLoss;

        Classifier(ComputationGraph graph, double trainLoss) {
            this.graph = graph;
            this.trainLoss = trainLoss;
        }

        @Override
        public INDArray scores(DatasetSplit split) {
            ImageShape shape = split.shape();
            int[] all = new int[split.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            INDArray result = null;
            for (int first = 0; first < all.length; first += ContrastiveNetwork.FEATURE_CHUNK) {
                int last = Math.min(all.length, first + ContrastiveNetwork.FEATURE_CHUNK);
                float[] pixels = new float[(last - first) * shape.length()];
                for (int i = first; i < last; i++) {
                    System.arraycopy(
                            split.image(i).pixels(),
                            0,
                            pixels,
                            (i - first) * shape.length(),
                            shape.length());
                }
                INDArray images =
                        Nd4j.create(
                                        pixels,
                                        new long[] {
                                            last - first,
                                            shape.channels(),
                                            shape.height(),
                                            shape.width()
                                        },
                                        'c')
                                .castTo(graph.params().dataType());
                INDArray part = graph.outputSingle(false, images);
                if (result == null) {
                    result = Nd4j.create(part.dataType(), split.size(), part.size(1));
                }
                result.get(NDArrayIndex.interval(first, last), NDArrayIndex.all()).assign(part);
                images.close();
            }
            if (result == null) {
                throw new IllegalArgumentException(
                        "fine-tuning: expected a split with images, found an empty one");
            }
            return result;
        }

        @Override
        public double trainLoss() {
            return trainLoss;
        }

        /** The fine-tuned graph, for checks. */
        ComputationGraph graph() {
            return graph;
        }
    }
}
