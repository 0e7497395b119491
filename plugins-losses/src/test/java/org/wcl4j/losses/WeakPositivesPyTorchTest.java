package org.wcl4j.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.wcl4j.losses.GradientChecks.assertRelativelyClose;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.wcl4j.api.loss.Loss;
import org.wcl4j.api.loss.LossInput;
import org.wcl4j.api.loss.LossResult;
import org.wcl4j.losses.PyTorchReferenceTest.ReferenceCase;

/**
 * Compares {@code adpclr} and both actions of {@code fncancel} with an independent PyTorch
 * implementation that builds the masks with explicit loops from their definition and differentiates
 * the masked loss by autograd in float64.
 *
 * <p>{@link #RECORDED} is the unedited output of {@code
 * src/test/resources/reference/weak_positives_reference.py} (torch 1.13, {@code /usr/bin/python3},
 * run from the module directory). Its heart, for the stacked rows {@code z [2n, d]}:
 *
 * <pre>
 *   u = F.normalize(z, dim=1)
 *   logits = torch.mm(u, u.t()) / temperature
 *   log_norm = torch.logsumexp(logits.masked_fill(~candidates, float("-inf")), dim=1)
 *   log_prob = logits - log_norm[:, None]
 *   loss = (-(log_prob * positives).sum(1) / positives.sum(1)).mean()
 * </pre>
 *
 * where anchor {@code a = v n + i} always has the other view of {@code i} as a positive and every
 * row but itself as a candidate, and for each {@code j} that its own view's labels mark ({@code
 * labels_v[i][j] = 1}) both rows of {@code j} become positives ({@code adpclr}, attraction) or
 * leave the candidates (elimination). Each case has 5 images in 4 dimensions (inputs rounded to 6
 * decimals), labels as 0/1 matrices, row = anchor: case 31 holds top-1 labels that are not
 * reciprocal (view 1: 2 -> 1 but 1 -> 0), case 32 anchors with two positives and with none, case 33
 * an image duplicated in both views (rows 0 and 3). {@code fncancel} with attraction is checked
 * against the {@code adpclr} numbers, its definition being the same. Values and gradients must
 * agree to 1e-8 in double and 1e-5 in float32.
 */
class WeakPositivesPyTorchTest {

    private static final String RECORDED =
            """
            # torch 1.13.0a0
            case 31 temperature 0.2
            labels1
            0 1 0 0 0
            1 0 0 0 0
            0 1 0 0 0
            0 0 1 0 0
            0 0 0 1 0
            labels2
            0 0 1 0 0
            0 0 1 0 0
            1 0 0 0 0
            0 0 0 0 1
            0 0 0 1 0
            view1
            -0.374273 0.361500 1.141544 0.304086
            -0.637183 0.339951 2.680004 -0.430084
            1.565527 1.335092 -1.387717 -0.160597
            0.181772 0.650999 1.074368 1.339637
            0.341006 -1.597916 -0.721083 1.583773
            view2
            1.246339 0.241701 2.039271 0.777565
            0.153053 -0.009926 2.544335 -0.732440
            0.810579 1.469324 -1.759315 -0.251747
            -0.082873 1.353303 0.274425 2.115510
            0.371351 -1.592415 -1.188670 1.232456
            adpclr 3.653622250446289e+00
            adpclr gradient1
            -3.899403610e-02 -5.682205280e-02 -1.356913039e-02 7.049491459e-02
            -1.990106969e-02 -3.276561667e-02 2.836482560e-03 2.126027414e-02
            -1.724238660e-01 -7.594457063e-02 -2.659823284e-01 -1.381724101e-02
            -1.118195950e-01 8.100614194e-04 2.536829713e-01 -1.886709192e-01
            9.137628156e-03 -1.160567889e-01 -1.149318147e-01 -1.713884273e-01
            adpclr gradient2
            -1.258034722e-01 -9.870531043e-02 7.436936345e-02 3.728519135e-02
            -9.340228140e-02 -7.800011364e-02 3.719960395e-02 1.107626346e-01
            -2.719064101e-02 -1.540780031e-01 -1.333669854e-01 -5.480157661e-02
            -1.609061575e-02 1.779405645e-01 1.845529913e-01 -1.384001645e-01
            -2.465707198e-03 -9.415609564e-02 -5.148347228e-03 -1.258784266e-01
            elimination 4.660671144847267e-01
            elimination gradient1
            -2.592014563e-01 1.087304501e-01 -1.465679104e-01 1.019302248e-01
            -3.238928767e-03 2.127870688e-02 4.095001282e-03 4.713527554e-02
            4.411216042e-03 1.148625694e-04 3.775861227e-03 1.132899804e-02
            1.022836700e-02 -8.406869274e-02 2.760855066e-01 -1.819508041e-01
            2.668444581e-03 2.275582114e-03 3.612000896e-03 3.365877495e-03
            elimination gradient2
            9.907551686e-02 -2.333800019e-02 -6.361989670e-02 1.530077581e-02
            5.188702535e-02 1.248769536e-02 1.446536269e-02 6.092272489e-02
            -4.610958495e-03 2.138065069e-03 -1.634479153e-03 9.054836344e-03
            -1.425889538e-02 2.513766377e-02 -3.202970592e-02 -1.248436603e-02
            3.573563921e-03 3.381923679e-03 -3.882963903e-03 -4.520917929e-04
            case 32 temperature 0.5
            labels1
            0 1 0 0 1
            0 0 0 0 0
            1 0 0 1 0
            0 0 0 0 0
            0 1 0 0 0
            labels2
            0 0 0 0 0
            0 0 0 1 1
            0 0 0 0 0
            0 1 0 0 0
            1 0 1 0 0
            view1
            -0.098439 -0.046569 2.134672 0.596107
            1.203744 -0.796237 0.944578 -0.293588
            1.625107 -1.321276 -0.338294 -1.405492
            -0.324363 0.147681 -0.110887 0.099443
            -0.079093 -1.312277 1.396512 -1.074773
            view2
            -0.004958 -0.244191 2.121802 0.596547
            0.779560 -0.089473 0.265741 -0.935348
            1.930102 -1.805612 -0.559467 -0.871170
            -0.293507 0.754006 -0.120427 0.533619
            0.400918 -0.126953 1.558847 -1.667139
            adpclr 1.934464352778314e+00
            adpclr gradient1
            -2.916849500e-02 2.216175556e-02 -1.021946454e-02 3.351065854e-02
            -2.629293496e-02 -4.810533339e-02 -2.294898702e-03 1.527846102e-02
            -1.751664992e-03 1.093099896e-02 3.228873599e-02 -2.007310982e-02
            -7.020261323e-02 -5.914231488e-02 1.755106646e-01 5.455303073e-02
            1.065808936e-03 -1.374765160e-02 5.440662331e-03 2.377653626e-02
            adpclr gradient2
            5.486913026e-03 -9.141739783e-03 3.530025531e-03 -1.625210033e-02
            -5.691133149e-03 -5.092962876e-02 -1.013829513e-01 -2.867527374e-02
            7.316540417e-03 -2.483795077e-03 3.749533623e-02 -2.721585671e-03
            -6.353243095e-02 -4.986498118e-02 5.432925484e-02 4.777564322e-02
            1.977866171e-02 6.346337761e-04 -8.592552642e-03 -3.326310569e-03
            elimination 9.827933762052641e-01
            elimination gradient1
            -5.404920276e-03 9.903780652e-03 9.677996806e-04 -3.584558923e-03
            -4.570244141e-02 -5.440135805e-02 3.378656262e-02 6.885968857e-02
            -3.380851225e-03 2.125106280e-02 6.701705853e-02 -4.001746936e-02
            -1.877748449e-01 -2.162550678e-01 1.281974398e-01 -1.483766364e-01
            1.065314159e-02 -5.489494881e-02 -8.250158711e-03 5.552181174e-02
            elimination gradient2
            1.955114287e-02 -2.359551811e-02 7.241197577e-03 -3.525165007e-02
            -5.171335541e-02 1.602839188e-02 -9.468742257e-02 -7.153498164e-02
            8.762616369e-03 -5.774727664e-03 4.666522401e-02 1.414199367e-03
            1.018862036e-01 3.066950517e-02 1.258092560e-01 4.109702672e-02
            5.740168433e-02 4.474202475e-02 -1.412343870e-02 -2.809031418e-03
            case 33 temperature 0.1
            labels1
            0 0 0 1 0
            0 0 1 0 0
            0 1 0 0 0
            1 0 0 0 0
            0 1 0 0 0
            labels2
            0 0 0 1 0
            0 0 0 0 1
            1 0 0 0 0
            1 0 0 0 0
            0 0 1 0 0
            view1
            -2.247603 -1.236918 -0.965705 -0.187414
            0.554640 -0.332737 0.627164 -1.455952
            -0.119810 0.593396 1.515118 0.349202
            -2.247603 -1.236918 -0.965705 -0.187414
            0.061436 -0.678655 -0.434582 -0.455777
            view2
            -2.818158 -1.311601 -1.657516 0.398434
            0.181760 -0.208354 0.315314 -1.183483
            -0.624734 0.288703 0.933005 1.249664
            -2.818158 -1.311601 -1.657516 0.398434
            0.215081 -0.197696 0.232223 -0.240361
            adpclr 3.577972121006078e+00
            adpclr gradient1
            8.124948130e-02 -6.266903199e-02 -8.316957871e-02 -1.322358319e-01
            1.127742647e-01 -2.271042917e-01 -3.451786005e-01 -5.382627514e-02
            -5.063954124e-01 1.428132162e-01 -3.505030732e-01 1.104339293e+00
            3.491993379e-02 -4.315037361e-02 -1.757130439e-02 -4.345447843e-02
            -9.512548335e-01 -7.111474853e-02 -9.094271047e-01 8.448029140e-01
            adpclr gradient2
            4.065793496e-02 -2.879479666e-02 -6.430103043e-02 -7.470945296e-02
            1.606049004e-01 1.026892278e-01 6.213402778e-02 2.314149350e-02
            3.745465989e-01 4.342418156e-01 2.811549969e-01 -1.229882095e-01
            1.032217541e-02 -1.095170151e-02 -1.041368429e-02 -6.363889066e-03
            1.213146945e-01 9.200960297e-01 -5.525527288e-01 -1.182064774e+00
            elimination 7.971790261082022e-01
            elimination gradient1
            5.281031229e-02 -6.064143764e-02 -3.473911450e-02 -5.410691841e-02
            1.521554746e-01 -1.735529248e-01 1.396863901e-01 1.577972812e-01
            1.945125275e-03 -7.537631885e-04 1.127290300e-03 -2.942859162e-03
            5.273789437e-02 -6.061092794e-02 -3.463657755e-02 -5.396814389e-02
            -1.739937313e+00 2.433010845e-01 -1.582713276e+00 9.123023200e-01
            elimination gradient2
            1.348196311e-02 -2.110310308e-02 -1.074843994e-02 -1.882434752e-02
            2.705998821e-02 -5.417331518e-02 3.370329258e-02 2.267271297e-02
            -1.472477460e-03 -1.138611247e-03 -1.988484727e-03 1.011535854e-03
            1.338259098e-02 -2.104465370e-02 -1.057191888e-02 -1.860046506e-02
            9.841447053e-02 2.971368461e+00 2.485521328e+00 4.549258381e-02
            """;

    static Stream<ReferenceCase> cases() {
        return ReferenceCase.parseAll(RECORDED).stream();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("cases")
    void adpclrMatchesPyTorch(ReferenceCase reference) {
        check(new AdpclrLoss(reference.temperature()), reference, "adpclr", DataType.DOUBLE, 1e-8);
        check(new AdpclrLoss(reference.temperature()), reference, "adpclr", DataType.FLOAT, 1e-5);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("cases")
    void fncancelEliminationMatchesPyTorch(ReferenceCase reference) {
        Loss loss = new FncancelLoss(new FncancelSettings(reference.temperature(), "elimination"));

        check(loss, reference, "elimination", DataType.DOUBLE, 1e-8);
        check(loss, reference, "elimination", DataType.FLOAT, 1e-5);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("cases")
    void fncancelAttractionMatchesPyTorch(ReferenceCase reference) {
        Loss loss = new FncancelLoss(new FncancelSettings(reference.temperature(), "attraction"));

        check(loss, reference, "adpclr", DataType.DOUBLE, 1e-8);
        check(loss, reference, "adpclr", DataType.FLOAT, 1e-5);
    }

    /**
     * Value within {@code relative} of PyTorch's; each gradient element within {@code relative}
     * times (its own magnitude plus the largest of its view).
     */
    private static void check(
            Loss loss, ReferenceCase reference, String name, DataType type, double relative) {
        LossInput input =
                new LossInput(
                        List.of(reference.array("view1", type), reference.array("view2", type)),
                        List.of(),
                        List.of(
                                DirectedTestLabels.ofMatrix(reference.matrix("labels1")),
                                DirectedTestLabels.ofMatrix(reference.matrix("labels2"))));

        LossResult result = loss.compute(input);

        double expected = reference.scalar(name);
        assertThat(result.value()).isCloseTo(expected, within(relative * Math.abs(expected)));
        assertRelativelyClose(
                result.globalGradients().get(0), reference.matrix(name + " gradient1"), relative);
        assertRelativelyClose(
                result.globalGradients().get(1), reference.matrix(name + " gradient2"), relative);
    }
}
