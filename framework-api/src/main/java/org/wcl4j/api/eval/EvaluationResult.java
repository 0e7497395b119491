package org.wcl4j.api.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The numbers one protocol produced, and any arrays worth keeping beside them.
 *
 * <p>Arrays are what a report draws or what another run needs to compare on the same footing: the
 * 2-D points of a t-SNE map ({@link #POINTS}, {@code [n, 2]}) with their classes ({@link
 * #POINT_LABELS}, {@code [n]}), or the indices of a labelled subset. The command line saves every
 * array as a CSV file in the run directory and draws a scatter plot when it finds {@link #POINTS}.
 *
 * @param protocol the protocol's registered name
 * @param metrics metric name to value, in the order they should be reported (for example {@code
 *     top1} in percent)
 * @param arrays array name (letters, digits, {@code -} and {@code _}) to a rank-1 or rank-2 array,
 *     in the order they should be saved; owned by the result
 */
public record EvaluationResult(
        String protocol, Map<String, Double> metrics, Map<String, INDArray> arrays) {

    /** Name of the {@code [n, 2]} points of a 2-D map of the features. */
    public static final String POINTS = "points";

    /** Name of the {@code [n]} class labels of {@link #POINTS}, row for row. */
    public static final String POINT_LABELS = "point-labels";

    public EvaluationResult {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
    }

    /** A result with metrics only. */
    public EvaluationResult(String protocol, Map<String, Double> metrics) {
        this(protocol, metrics, Map.of());
    }
}
