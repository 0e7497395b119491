package org.wcl4j.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.wcl4j.losses.GradientChecks.assertRelativelyClose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.label.ComponentLabels;
import org.wcl4j.api.label.WeakLabels;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossInput;
import org.wcl4j.api.loss.LossResult;

/**
 * Compares both losses with an independent PyTorch implementation: SimCLR-style NT-Xent written as
 * a cross-entropy over masked logits, and the swapped WCL graph loss written with label masks, both
 * differentiated by autograd in float64.
 *
 * <p>{@link #RECORDED} is the unedited output of {@code
 * src/test/resources/reference/losses_reference.py}, generated with torch 1.13 by running that
 * script with {@code /usr/bin/python3} from the module directory. Each case has two views of 6
 * images in 5 dimensions (inputs rounded to 6 decimals before use, so the text holds exactly what
 * PyTorch used), component labels per view (the last case has singleton components, whose anchors
 * are skipped), the loss values and their gradients. Values and gradients must agree to 1e-8 in
 * double precision and to 1e-5 in float32.
 */
class PyTorchReferenceTest {

    private static final String RECORDED =
            """
            # torch 1.13.0a0
            case 11 temperature 0.1
            labels1 0 0 1 1 2 2
            labels2 0 1 1 0 2 2
            view1
            0.417570 -2.810422 2.191043 -0.797172 -0.420364
            -0.830239 0.761827 0.807957 -0.887054 1.358561
            -0.457673 -2.069185 -1.922191 0.258849 -0.177917
            1.781534 -0.787609 -0.037889 -1.017254 2.331117
            1.457197 -1.311598 2.117656 1.301527 0.371717
            -0.350126 0.675596 1.010010 1.843992 0.336899
            view2
            0.633965 -2.620498 1.470345 0.268205 -0.812333
            -0.046160 -0.432298 0.008859 -1.303446 0.686718
            -0.278165 -1.462106 -0.758659 0.181908 0.304254
            2.365014 -0.052139 1.378016 -1.353447 1.407160
            1.635768 -2.219950 1.669916 2.378822 -0.631411
            0.216796 0.080030 0.309102 2.767327 0.082062
            nt-xent 2.735356930931576e-01
            nt-xent gradient1
            8.011671315e-03 1.177130765e-02 1.521673217e-02 -7.907234580e-03 2.356774631e-02
            -2.371241483e-02 1.604216516e-01 8.172190312e-02 2.134069810e-01 -1.370920013e-02
            3.602026425e-04 -6.050561724e-05 -4.140430199e-05 -6.338294652e-04 -6.977234045e-04
            -9.877323511e-02 -3.017187386e-02 -1.709333776e-02 -1.169618196e-01 1.397472068e-02
            -1.144104775e-02 -1.493979321e-02 3.107828831e-02 -5.774660888e-02 1.727794119e-02
            -5.327795606e-03 4.708881150e-03 2.217073196e-02 -1.611944853e-02 6.781771701e-03
            nt-xent gradient2
            5.657962518e-02 2.457198409e-02 5.997326810e-03 1.159626580e-01 1.403189468e-02
            4.920073730e-01 -2.859820542e-01 -1.445865022e-01 7.242418823e-02 -7.625400054e-03
            3.177660614e-03 -4.826301031e-03 8.003628262e-03 -4.271457401e-03 2.223100288e-03
            -2.906877656e-02 1.121354589e-03 2.359882142e-02 -3.140061812e-02 -4.414633774e-03
            -3.088875472e-02 -3.883779061e-02 -2.217655886e-02 -9.637175632e-03 -3.843296860e-02
            3.004426446e-02 -4.182403070e-02 5.724790692e-03 -1.432195625e-03 -1.185067158e-02
            wcl-graph 4.366716648134332e+00
            wcl-graph gradient1
            -8.408685200e-02 -3.265375052e-02 5.865571883e-02 3.526824740e-01 -2.283086063e-01
            5.921927572e-01 2.586319488e-01 3.417383446e-01 5.459403112e-02 4.927764516e-02
            3.508642379e-01 -1.501437761e-01 1.262063730e-01 1.448711639e-01 -3.091263757e-01
            -1.446548106e-01 3.683751244e-01 -1.301332790e-01 3.067077048e-02 2.462820917e-01
            4.360673050e-02 -3.718911238e-01 1.244436869e-02 -4.343956371e-01 -3.306411257e-02
            -1.981872245e-01 2.010761490e-01 -1.375217593e-01 -3.917173938e-02 1.749481022e-02
            wcl-graph gradient2
            9.258720261e-02 8.439281342e-02 -1.007198356e-01 7.011575946e-01 -1.507917158e-01
            4.983808044e-01 9.370682097e-01 -1.245395046e-01 -6.934606283e-02 4.933792591e-01
            -5.142838303e-01 2.642069249e-02 -7.726552659e-04 3.563756219e-01 -5.582167109e-01
            -1.855912489e-01 2.869742011e-01 8.059011924e-02 -2.930891981e-01 -3.826623838e-02
            -1.962239079e-02 -2.273340205e-01 6.150191278e-02 -2.583469862e-01 -6.221935671e-02
            -9.064249917e-02 1.389187182e-01 -8.822731917e-02 1.160757772e-02 4.487514085e-02
            case 12 temperature 0.5
            labels1 0 0 0 1 1 1
            labels2 0 1 0 1 2 2
            view1
            1.191489 2.090768 -0.225931 -0.035781 0.421833
            -1.646687 -1.547536 -1.605731 -2.097134 0.061696
            1.166176 0.681317 -2.888742 1.159064 1.215355
            -0.552717 -1.411383 0.521321 -0.485807 -0.897197
            -1.879544 -2.016270 -3.793513 2.935266 0.057105
            0.144168 -0.681554 0.665164 -1.868995 0.525682
            view2
            1.179571 1.785111 -0.583770 -0.192226 0.234112
            -1.639078 -2.002828 -2.024452 -3.201304 0.894828
            0.393901 0.555246 -4.076528 0.553856 2.119506
            1.242178 -2.824209 -0.026547 -0.686156 -0.237557
            -1.620339 -3.075743 -3.345410 3.269173 -0.711142
            -0.668355 0.153208 0.206484 -2.855753 1.268380
            nt-xent 1.178845300899497e+00
            nt-xent gradient1
            -2.850826804e-03 -4.479810683e-03 -1.779339262e-02 4.414978303e-05 2.072970662e-02
            2.413529820e-03 -1.170507102e-02 6.207692107e-04 6.058117616e-03 -7.102856171e-03
            1.131093455e-02 3.951227815e-03 2.846705539e-03 6.122589773e-03 -1.214102433e-02
            -9.520140342e-02 4.271857091e-02 -1.650948380e-02 -2.897871937e-02 -2.453760492e-03
            3.192769229e-03 5.518796352e-03 -1.457718862e-02 -1.323901531e-02 1.207618847e-02
            1.811710701e-02 -6.891554027e-02 -1.389218484e-02 1.279537882e-02 -3.124795780e-02
            nt-xent gradient2
            3.815013409e-04 -1.943820994e-02 -5.012327537e-02 -9.529427887e-03 1.348536680e-02
            1.427313924e-02 -3.853604185e-03 5.340280050e-03 -5.184441848e-03 1.105335144e-02
            -1.559519209e-02 -9.621004624e-03 -4.769386338e-03 -1.545710471e-02 2.847169719e-04
            2.797066540e-02 1.102631947e-02 -4.575510537e-02 -9.325822225e-03 4.722043204e-02
            5.453500996e-03 -9.987412234e-03 -3.851751961e-03 -1.062072374e-02 6.594905740e-05
            -2.104512801e-02 9.080752793e-03 -4.527499406e-02 3.758185961e-03 3.645715166e-03
            wcl-graph 1.746636816816161e+00
            wcl-graph gradient1
            -7.183091189e-03 1.118131785e-02 4.741946540e-02 -3.918350560e-02 -1.305603212e-02
            1.436408550e-02 2.861044634e-02 -3.589776017e-02 -3.651404096e-03 4.261570491e-02
            -4.128998056e-02 -6.397078546e-02 -2.972504457e-02 1.166209769e-02 -6.293909431e-03
            4.114693109e-02 -2.241077320e-03 5.529346123e-02 2.142565665e-02 -1.295904192e-03
            1.415264862e-02 3.151751088e-02 -8.948470772e-03 1.932442777e-02 -9.108458791e-03
            1.138085574e-02 4.609972089e-02 4.135344548e-02 -1.529597769e-02 -5.006113026e-02
            wcl-graph gradient2
            1.363020627e-02 7.369702918e-03 3.880374852e-02 2.017264281e-02 -1.154730676e-02
            -7.032497079e-03 -3.346941399e-02 3.715017234e-02 -1.620213602e-03 -9.541885503e-03
            -2.286116812e-03 -1.668351503e-02 -2.279895822e-03 1.865002708e-02 -4.463082373e-03
            8.949130654e-03 4.382694923e-03 -1.393449418e-02 -1.485243027e-03 5.379517440e-04
            5.542373303e-03 2.107350352e-02 -1.309596903e-02 1.005909899e-02 4.076704857e-03
            5.503438163e-03 4.879036859e-02 -1.505827662e-02 1.143074731e-03 2.031574059e-03
            case 13 temperature 0.07
            labels1 0 1 0 2 3 3
            labels2 0 0 1 1 1 2
            view1
            2.414965 -0.601811 0.023097 0.469522 1.570498
            -0.150414 -1.038638 -0.574313 0.369047 -1.618279
            -0.766245 2.906796 -2.710758 2.210414 -1.335830
            -0.021261 -0.375662 -0.551820 0.929690 -0.104561
            0.180032 1.890734 -1.901156 -0.568235 1.521276
            3.914809 2.530805 -0.246889 0.282705 1.988810
            view2
            3.932119 -0.346522 -1.543367 0.716161 1.506342
            1.366302 0.164783 0.087404 -0.661208 -1.930516
            -0.108189 2.589076 -3.123794 3.007350 -0.673543
            0.315940 -0.198954 0.659988 2.692799 0.466312
            -0.057663 3.102077 -2.132163 -0.830656 2.379808
            2.334693 1.759449 -0.572905 -0.071211 1.542190
            nt-xent 1.792161089827049e-01
            nt-xent gradient1
            -7.427986195e-03 2.651145332e-02 4.142298777e-02 -3.482565203e-03 2.201314815e-02
            -2.119489401e-01 -1.396103787e-01 -1.994665738e-01 4.203087617e-01 2.759441767e-01
            4.453935380e-04 -6.245628332e-03 -2.159144854e-03 5.440036408e-03 -4.629303127e-04
            -1.103647147e-01 -4.659891738e-02 -3.962007303e-01 -3.315972392e-01 -6.675456784e-01
            8.580106386e-03 5.885674614e-04 8.755060385e-04 2.348639201e-03 2.245051727e-04
            1.869550439e-02 -3.314034579e-02 -7.318058013e-03 9.642687292e-03 3.092120447e-03
            nt-xent gradient2
            4.265001218e-03 5.845468443e-02 -1.474829328e-02 -9.350133109e-03 -8.351680186e-03
            1.126889289e-01 1.690018956e-01 8.960770860e-02 -9.437652914e-02 1.305611228e-01
            4.392495211e-04 -4.794564623e-02 -6.473114746e-03 3.465672103e-02 3.906551949e-04
            2.133893911e-02 5.549914895e-02 1.151174247e-01 -3.334910878e-02 3.887157337e-02
            4.456905773e-03 1.264576672e-03 2.097046077e-03 1.179764903e-03 7.502316154e-04
            1.037829787e-02 -2.895701736e-02 -2.234290593e-02 4.544817693e-03 9.234617225e-03
            wcl-graph 5.637419713691467e+00
            wcl-graph gradient1
            -1.173435782e-01 8.644050059e-01 2.391963293e-01 -2.537788911e-01 5.840307535e-01
            -1.074409856e+00 4.617604314e-01 -2.641242716e-01 5.202755058e-01 1.588135942e-02
            -1.161324335e-02 1.047427115e-02 3.364862831e-02 -4.592172611e-03 -4.642711413e-02
            -1.631325214e-01 -1.575133743e+00 8.236748536e-01 -3.831514404e-01 -2.061438467e+00
            2.748732545e-01 1.442933693e-01 3.702265282e-01 -3.639785091e-01 1.148553559e-01
            -9.024021436e-03 -9.158863103e-02 -1.086253230e-01 -1.090548431e-02 1.223771619e-01
            wcl-graph gradient2
            1.736336124e-01 2.013581259e-03 4.857081782e-01 -5.333532986e-01 2.984332438e-01
            1.148843931e-04 1.822051725e-04 -2.625769524e-04 2.277123507e-04 6.980303210e-06
            -5.806784034e-01 2.406145298e-01 1.258707152e-01 -1.113111678e-01 -6.258472779e-02
            -6.519785628e-03 5.902265464e-02 -7.719937003e-02 2.769344796e-02 -2.105795444e-02
            -2.349855075e-01 3.974871777e-02 -1.718471421e-01 1.759553880e-01 -1.500546564e-01
            5.197066056e-01 -5.890746737e-01 -5.845451402e-02 2.590699521e-01 -1.244650669e-01
            """;

    static Stream<ReferenceCase> cases() {
        return ReferenceCase.parseAll(RECORDED).stream();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("cases")
    void ntXentMatchesPyTorchInDouble(ReferenceCase reference) {
        check(new NtXentLoss(reference.temperature()), reference, "nt-xent", DataType.DOUBLE, 1e-8);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("cases")
    void wclGraphMatchesPyTorchInDouble(ReferenceCase reference) {
        check(
                new WclGraphLoss(reference.temperature()),
                reference,
                "wcl-graph",
                DataType.DOUBLE,
                1e-8);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("cases")
    void ntXentMatchesPyTorchInFloat(ReferenceCase reference) {
        check(new NtXentLoss(reference.temperature()), reference, "nt-xent", DataType.FLOAT, 1e-5);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("cases")
    void wclGraphMatchesPyTorchInFloat(ReferenceCase reference) {
        check(
                new WclGraphLoss(reference.temperature()),
                reference,
                "wcl-graph",
                DataType.FLOAT,
                1e-5);
    }

    /**
     * Value within {@code relative} of PyTorch's; each gradient element within {@code relative}
     * times (its own magnitude plus the largest of its view), which is relative for the large
     * elements and absolute near zero.
     */
    private static void check(
            Loss loss, ReferenceCase reference, String name, DataType type, double relative) {
        LossInput input =
                new LossInput(
                        List.of(reference.array("view1", type), reference.array("view2", type)),
                        List.of(),
                        List.of(reference.labels("labels1"), reference.labels("labels2")));

        LossResult result = loss.compute(input);

        double expected = reference.scalar(name);
        assertThat(result.value()).isCloseTo(expected, within(relative * Math.abs(expected)));
        assertRelativelyClose(
                result.globalGradients().get(0), reference.matrix(name + " gradient1"), relative);
        assertRelativelyClose(
                result.globalGradients().get(1), reference.matrix(name + " gradient2"), relative);
    }

    /** One printed case: named matrices (rows under a header) and named inline values. */
    record ReferenceCase(
            long seed,
            double temperature,
            Map<String, double[][]> matrices,
            Map<String, double[]> inline) {

        static List<ReferenceCase> parseAll(String text) {
            List<ReferenceCase> cases = new ArrayList<>();
            List<String> block = new ArrayList<>();
            for (String line : text.strip().split("\\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("case ") && !block.isEmpty()) {
                    cases.add(parse(block));
                    block.clear();
                }
                block.add(line.strip());
            }
            cases.add(parse(block));
            return cases;
        }

        private static ReferenceCase parse(List<String> lines) {
            String[] head = lines.get(0).split(" "); // case <seed> temperature <t>
            Map<String, double[][]> matrices = new LinkedHashMap<>();
            Map<String, double[]> inline = new LinkedHashMap<>();
            String current = "";
            List<double[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] tokens = line.split(" ");
                int words = 0;
                while (words < tokens.length && !isNumber(tokens[words])) {
                    words++;
                }
                double[] numbers = numbers(Arrays.copyOfRange(tokens, words, tokens.length));
                if (words == 0) {
                    rows.add(numbers);
                    continue;
                }
                if (!rows.isEmpty()) {
                    matrices.put(current, rows.toArray(double[][]::new));
                    rows.clear();
                }
                current = String.join(" ", Arrays.copyOfRange(tokens, 0, words));
                if (numbers.length > 0) {
                    inline.put(current, numbers);
                }
            }
            if (!rows.isEmpty()) {
                matrices.put(current, rows.toArray(double[][]::new));
            }
            return new ReferenceCase(
                    Long.parseLong(head[1]), Double.parseDouble(head[3]), matrices, inline);
        }

        private static boolean isNumber(String token) {
            return token.matches("[-+0-9.eE]+");
        }

        private static double[] numbers(String[] tokens) {
            return Arrays.stream(tokens).mapToDouble(Double::parseDouble).toArray();
        }

        double[][] matrix(String name) {
            assertThat(matrices).containsKey(name);
            return matrices.get(name);
        }

        double scalar(String name) {
            assertThat(inline).containsKey(name);
            return inline.get(name)[0];
        }

        INDArray array(String name, DataType type) {
            return Nd4j.createFromArray(matrix(name)).castTo(type);
        }

        WeakLabels labels(String name) {
            assertThat(inline).containsKey(name);
            return new ComponentLabels(
                    Arrays.stream(inline.get(name)).mapToInt(v -> (int) v).toArray());
        }

        @Override
        public String toString() {
            return Long.toString(seed);
        }
    }
}
