package org.wcl4j.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wcl4j.api.label.ComponentLabels;
import org.wcl4j.api.label.WeakLabels;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossInput;
import org.wcl4j.api.loss.LossResult;

/**
 * The positive pairs of the two multi-crop terms of WCL's Eq. 8 on hand-made batches, and their
 * values and gradients against PyTorch.
 *
 * <p>{@link #RECORDED} is the unedited output of {@code
 * src/test/resources/reference/multicrop_reference.py}, run with {@code /usr/bin/python3} (torch
 * 1.13, float64): the inputs (two global views g1, g2 and two local crops l1, l2 of 4 images in 3
 * dimensions), then per loss the value and the gradient of each view, with temperature 0.2 and the
 * component labels [0, 0, 1, 1] (view 1) and [0, 1, 1, 2] (view 2).
 */
class MultiCropLossesTest {

    private static final String RECORDED =
            """
            g1
            -4.867807507124268e-01, -6.038215878840039e-01, -5.580962308236769e-01
            6.675243015344896e-01, -1.974150932340056e-01, 1.942783532916193e+00
            -1.401702012595369e+00, -7.625571360284942e-01, 6.312134071296470e-01
            -8.991351628864754e-01, -5.577934435782607e-01, 6.907187884258402e-01
            g2
            2.224585787501165e-01, -6.662252680581671e-01, 6.846422045053530e-01
            5.740015890649957e-01, -5.828826934651677e-01, 7.679415066984489e-01
            5.709265777779535e-02, -1.189374584081404e+00, -5.658848777044503e-01
            -8.326537688225168e-01, 9.014486706267418e-01, 2.115711330435928e-01
            l1
            4.479278496418665e-01, -6.088235524426459e-01, 2.389462016191254e-01
            4.698884330489788e-01, -1.954004841376204e+00, -5.587330825875696e-01
            4.295158163769094e-01, -2.264317037274827e+00, -2.017124500624841e-01
            1.067711376661748e+00, 3.246315901487808e-01, -6.835464950860098e-02
            l2
            -9.959337589887544e-01, 1.156274147315494e+00, -3.991796399371006e-01
            1.215348172929640e+00, -8.115392801311760e-01, -8.848472384611586e-01
            -6.993471071563378e-03, -1.769952239743309e+00, -1.169801393239743e+00
            -2.592681181572716e-01, 2.692166573651610e-01, 8.370767496278897e-02
            // nt-xent-multi-crop
            value 3.640277258451901e+00
            g1
            1.520273401257636e-01, -1.741941025074072e-01, 5.586523452201775e-02
            -1.823187735235431e-01, 1.507208324813945e-01, 7.795864880644054e-02
            -6.176842068553100e-02, 2.754374042289586e-01, 1.955849434434685e-01
            2.814804902814375e-02, -2.000214566048352e-01, -1.248869407735182e-01
            g2
            1.894657750684336e-01, 1.635763981695664e-02, -4.564488409568639e-02
            -2.156612061924326e-01, 1.977657044962192e-01, 3.113050661810327e-01
            6.290940234936465e-02, 1.243581822554456e-02, -1.979056446217705e-02
            -1.461560475917744e-01, -1.316398496537742e-01, -1.432528317069944e-02
            l1
            3.073780034368806e-01, 2.512311344595301e-01, 6.391507191019749e-02
            -1.194904611086406e-01, 3.214348046739887e-02, -2.129025570415798e-01
            1.580626357959737e-01, 3.095917823863602e-02, -1.096111168394905e-02
            1.015814483888433e-01, -3.409237359195261e-01, -3.240374172635931e-02
            l2
            1.133405390685301e-01, 1.575026513499142e-01, 1.734471597302119e-01
            -2.557580680768483e-01, -2.185063651496797e-02, -3.312463871517331e-01
            1.574044139079532e-01, 6.341404853722327e-02, -9.688878907979084e-02
            3.554722512362805e-01, 5.942955050311722e-01, -8.103394073079516e-01
            // wcl-graph-multi-crop
            value 4.441494256714401e+00
            g1
            1.520273401257636e-01, -1.741941025074072e-01, 5.586523452201775e-02
            -6.607378225321453e-03, 1.422355048199010e-01, 1.672343852496512e-02
            -8.511897600633070e-02, 1.801909014321217e-01, 2.866608591002916e-02
            2.814804902814375e-02, -2.000214566048352e-01, -1.248869407735182e-01
            g2
            2.580389861505033e-02, 9.382977969585660e-02, 8.292137286308769e-02
            -5.105545216332714e-02, 3.794026611471826e-02, 6.695905186448711e-02
            1.538748966441549e-01, -1.809781011133432e-02, 5.356248838386741e-02
            1.112398409110356e-01, 8.445856298501164e-02, 7.793697190490459e-02
            l1
            2.656978798905121e-01, 2.701445955985252e-01, 1.902391084842322e-01
            -2.471687261009968e-02, 3.337740792964582e-02, -1.375143008749715e-01
            3.196008284859293e-02, 9.880736382330529e-03, -4.286179981685365e-02
            7.401164280156233e-03, -1.506609876606363e-02, 4.405516997524346e-02
            l2
            5.869126096555941e-02, 1.379305292335755e-01, 2.531013278658896e-01
            -1.015137947951461e-01, -7.320190234816663e-03, -1.327166747133422e-01
            9.726505194971445e-02, 3.171188089196315e-02, -4.856271779687063e-02
            6.176670219858609e-01, 7.990702092453396e-01, -6.568291894318065e-01
            """;

    private static final double TEMPERATURE = 0.2;
    private static final WeakLabels LABELS_1 = new ComponentLabels(new int[] {0, 0, 1, 1});
    private static final WeakLabels LABELS_2 = new ComponentLabels(new int[] {0, 1, 1, 2});

    @Test
    void ntXentPositivesAreTheTwoCropsOfOneImage() {
        // Rows 0-2: global view of images 0-2; rows 3-5: local crop of images 0-2.
        boolean[][] mask = MultiCropNtXentLoss.positives(3);

        assertThat(positivesOf(mask))
                .containsExactly(
                        List.of(3), List.of(4), List.of(5), List.of(0), List.of(1), List.of(2));
    }

    @Test
    void graphPositivesAreTheOtherCropOfTheImageAndBothCropsOfItsComponent() {
        // Images 0 and 1 share a component, image 2 is alone.
        boolean[][] mask =
                MultiCropGraphLoss.positives(3, new ComponentLabels(new int[] {0, 0, 1}));

        assertThat(positivesOf(mask))
                .containsExactly(
                        List.of(1, 3, 4),
                        List.of(0, 3, 4),
                        List.of(5),
                        List.of(0, 1, 4),
                        List.of(0, 1, 3),
                        List.of(2));
    }

    @Test
    void graphPairsOfGlobalViewOneReadTheLabelsOfViewTwo() {
        // A single local crop equal to global view 1: pair (view 1, crop) under view 2's labels,
        // pair (view 2, crop) under view 1's. Swapping the labels must change the value.
        Map<String, INDArray> inputs = recorded("inputs");
        LossInput input =
                new LossInput(
                        List.of(inputs.get("g1"), inputs.get("g2")),
                        List.of(inputs.get("l1")),
                        List.of(LABELS_1, LABELS_2));
        LossInput swapped =
                new LossInput(input.globalViews(), input.localViews(), List.of(LABELS_2, LABELS_1));
        MultiCropGraphLoss loss = new MultiCropGraphLoss(TEMPERATURE);
        ContrastiveKernel kernel = new ContrastiveKernel(TEMPERATURE);

        double value = loss.compute(input).value();

        double expected = 0;
        for (int v = 0; v < 2; v++) {
            INDArray stacked = Nd4j.vstack(input.globalViews().get(v), inputs.get("l1"));
            WeakLabels other = v == 0 ? LABELS_2 : LABELS_1;
            expected +=
                    kernel.compute(
                                            stacked,
                                            MultiCropGraphLoss.positives(4, other),
                                            LossInputs.allButSelf(8))
                                    .value()
                            / 2;
        }
        assertThat(value).isCloseTo(expected, within(1e-12));
        assertThat(loss.compute(swapped).value()).isNotCloseTo(value, within(1e-6));
    }

    @Test
    void ntXentMultiCropMatchesPyTorch() {
        check(new MultiCropNtXentLoss(TEMPERATURE), "nt-xent-multi-crop");
    }

    @Test
    void graphMultiCropMatchesPyTorch() {
        check(new MultiCropGraphLoss(TEMPERATURE), "wcl-graph-multi-crop");
    }

    @Test
    void rejectsABatchWithoutLocalCrops() {
        Map<String, INDArray> inputs = recorded("inputs");
        LossInput input =
                new LossInput(
                        List.of(inputs.get("g1"), inputs.get("g2")),
                        List.of(),
                        List.of(LABELS_1, LABELS_2));

        assertThatThrownBy(() -> new MultiCropNtXentLoss(0.1).compute(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nt-xent-multi-crop: expected local crops, found none")
                .hasMessageContaining("multi-crop or knn-multi-crop");
    }

    @Test
    void rejectsAGraphBatchWithoutWeakLabels() {
        Map<String, INDArray> inputs = recorded("inputs");
        LossInput input =
                new LossInput(
                        List.of(inputs.get("g1"), inputs.get("g2")),
                        List.of(inputs.get("l1")),
                        List.of());

        assertThatThrownBy(() -> new MultiCropGraphLoss(0.1).compute(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wcl-graph-multi-crop: expected weak labels of size 4")
                .hasMessageContaining("configure a labeller");
    }

    private static void check(Loss loss, String name) {
        Map<String, INDArray> inputs = recorded("inputs");
        Map<String, INDArray> expected = recorded(name);
        LossInput input =
                new LossInput(
                        List.of(inputs.get("g1"), inputs.get("g2")),
                        List.of(inputs.get("l1"), inputs.get("l2")),
                        List.of(LABELS_1, LABELS_2));

        LossResult result = loss.compute(input);

        assertThat(result.value()).isCloseTo(expected.get("value").getDouble(0, 0), within(1e-10));
        List<INDArray> gradients = new ArrayList<>(result.globalGradients());
        gradients.addAll(result.localGradients());
        String[] labels = {"g1", "g2", "l1", "l2"};
        for (int i = 0; i < 4; i++) {
            double[] actual = gradients.get(i).dup('c').data().asDouble();
            double[] reference = expected.get(labels[i]).dup('c').data().asDouble();
            assertThat(actual).as(labels[i]).containsExactly(reference, within(1e-10));
        }
    }

    /**
     * The arrays of one section of {@link #RECORDED}, by label: "inputs" before the first comment
     * line, else the loss named in a comment; {@code value} as a scalar, views as {@code [4, 3]}.
     */
    private static Map<String, INDArray> recorded(String section) {
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        String current = "inputs";
        String label = "";
        for (String line : RECORDED.strip().split("\n")) {
            line = line.strip();
            if (line.startsWith("// ")) {
                current = line.substring(3);
            } else if (line.startsWith("value ")) {
                label = "value";
                rows.computeIfAbsent(current + "/" + label, key -> new ArrayList<>())
                        .add(new double[] {Double.parseDouble(line.substring(6))});
            } else if (!line.contains(",")) {
                label = line;
            } else {
                String[] numbers = line.split(",");
                double[] values = new double[numbers.length];
                for (int i = 0; i < numbers.length; i++) {
                    values[i] = Double.parseDouble(numbers[i].strip());
                }
                rows.computeIfAbsent(current + "/" + label, key -> new ArrayList<>()).add(values);
            }
        }
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        rows.forEach(
                (key, values) -> {
                    if (key.startsWith(section + "/")) {
                        arrays.put(
                                key.substring(section.length() + 1),
                                Nd4j.createFromArray(values.toArray(double[][]::new)));
                    }
                });
        return arrays;
    }

    private static List<List<Integer>> positivesOf(boolean[][] mask) {
        List<List<Integer>> rows = new ArrayList<>();
        for (boolean[] row : mask) {
            List<Integer> positives = new ArrayList<>();
            for (int j = 0; j < row.length; j++) {
                if (row[j]) {
                    positives.add(j);
                }
            }
            rows.add(positives);
        }
        return rows;
    }
}
