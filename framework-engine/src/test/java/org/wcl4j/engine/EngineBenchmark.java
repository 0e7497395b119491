package org.wcl4j.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.augment.ImageBatch;
import org.wcl4j.api.augment.ViewBatch;
import org.wcl4j.api.data.Image;
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.api.label.LabelContext;
import org.wcl4j.api.model.Head;

/**
 * Measures full training steps (forward, loss, backward, update) of a small-resnet-like network
 * with two 512/128 heads on two views of 28x28x1 images; not a test.
 *
 * <p>Arguments: {@code [batch=256] [warmup=2] [timed=5] [memorySteps=0]}. Prints images per second
 * (batch images, not views) of the median timed step, the median phase split, peak resident memory
 * (VmHWM) and JavaCPP's physical bytes; with {@code memorySteps > 0} it then runs that many more
 * steps and prints physical bytes every tenth step, to show whether native memory stays flat.
 */
public final class EngineBenchmark {

    private static final ImageShape SHAPE = new ImageShape(1, 28, 28);
    private static final String[] PHASES = {
        "time/forward", "time/label", "time/loss", "time/backward", "time/update"
    };

    private EngineBenchmark() {}

    public static void main(String[] args) throws IOException {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int timed = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int memorySteps = args.length > 3 ? Integer.parseInt(args[3]) : 0;

        // network and step
        OptimizerSettings optimizer = new OptimizerSettings(0.05, 0.9, 1e-4, false, 10, 100000);
        Map<String, Head> heads = new LinkedHashMap<>();
        heads.put("g", new BenchmarkMlp(512, 128));
        heads.put("phi", new BenchmarkMlp(512, 128));
        ContrastiveNetwork network =
                ContrastiveNetwork.build(new BenchmarkResNet(), heads, SHAPE, optimizer, 1);
        List<LossTerm> losses =
                List.of(
                        new LossTerm("g", "g", 1.0, new QuadraticLoss(zeros(batch))),
                        new LossTerm("phi", "phi", 1.0, new QuadraticLoss(zeros(batch))));
        TrainingStep step = new TrainingStep(network, losses, Optional.empty(), optimizer);
        ViewBatch views = views(batch, new Random(1));
        LabelContext context = new LabelContext(new int[batch], new int[0], 0);
        System.out.printf(
                "network: %d parameters, batch %d, two views of %s, %d cores%n",
                network.parameterCount(), batch, SHAPE, Runtime.getRuntime().availableProcessors());

        // warm-up, then timed steps
        for (int t = 0; t < warmup; t++) {
            step.run(views, context, t);
        }
        double[] totals = new double[timed];
        double[][] phases = new double[PHASES.length][timed];
        for (int t = 0; t < timed; t++) {
            long start = System.nanoTime();
            StepResult result = step.run(views, context, warmup + t);
            totals[t] = (System.nanoTime() - start) / 1e6;
            for (int p = 0; p < PHASES.length; p++) {
                phases[p][t] = result.metrics().get(PHASES[p]);
            }
        }
        double median = median(totals);
        System.out.printf(
                "median step %.0f ms: %.1f images/s (%.1f views/s)%n",
                median, batch * 1000.0 / median, 2 * batch * 1000.0 / median);
        for (int p = 0; p < PHASES.length; p++) {
            System.out.printf("  %-14s %8.1f ms%n", PHASES[p], median(phases[p]));
        }
        System.out.printf(
                "peak RSS (VmHWM) %s, resident now %.0f MB%n",
                peakRss(), Pointer.physicalBytes() / 1e6);

        // optional long run: native memory over many steps
        for (int t = 0; t < memorySteps; t++) {
            step.run(views, context, warmup + timed + t).features().close();
            if ((t + 1) % 5 == 0) {
                Runtime runtime = Runtime.getRuntime();
                System.out.printf(
                        "step %d: resident %.0f MB (Java heap committed %.0f MB, used %.0f MB),"
                                + " peak %s%n",
                        t + 1,
                        Pointer.physicalBytes() / 1e6,
                        runtime.totalMemory() / 1e6,
                        (runtime.totalMemory() - runtime.freeMemory()) / 1e6,
                        peakRss());
            }
        }
    }

    private static List<org.nd4j.linalg.api.ndarray.INDArray> zeros(int batch) {
        return List.of(
                Nd4j.zeros(DataType.FLOAT, batch, 128), Nd4j.zeros(DataType.FLOAT, batch, 128));
    }

    private static ViewBatch views(int batch, Random random) {
        List<ImageBatch> global = new ArrayList<>();
        for (int v = 0; v < 2; v++) {
            List<Image> images = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                float[] pixels = new float[SHAPE.length()];
                for (int p = 0; p < pixels.length; p++) {
                    pixels[p] = random.nextFloat();
                }
                images.add(new Image(pixels, SHAPE));
            }
            global.add(new ImageBatch(images, SHAPE));
        }
        return new ViewBatch(global, List.of());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String peakRss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return line.substring("VmHWM:".length()).trim();
            }
        }
        return "unknown";
    }
}
