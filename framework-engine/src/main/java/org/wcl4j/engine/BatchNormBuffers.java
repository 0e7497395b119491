package org.wcl4j.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frees the scratch arrays that Deeplearning4j 1.0.0-M2.1's BatchNorm layer copies out of every
 * workspace on each forward pass (its normalised input and centred input, each as large as the
 * layer's activations). Left to the garbage collector they add up to several gigabytes of native
 * memory at batch 256 before a collection frees them; released here right after they are used,
 * native memory stays flat.
 */
final class BatchNormBuffers {

    private static final Logger LOG = LoggerFactory.getLogger(BatchNormBuffers.class);
    private static final List<Field> FIELDS = fields("xHat", "xMu", "std");

    private BatchNormBuffers() {}

    private static List<Field> fields(String... names) {
        List<Field> fields = new ArrayList<>();
        for (String name : names) {
            try {
                Field field = BatchNormalization.class.getDeclaredField(name);
                field.setAccessible(true);
                fields.add(field);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.debug("BatchNorm scratch field {} not found; it will be left to the GC", name);
            }
        }
        return List.copyOf(fields);
    }

    /** The detached scratch arrays the BatchNorm layers of {@code layers} hold now. */
    static List<INDArray> collect(Layer[] layers) {
        List<INDArray> arrays = new ArrayList<>();
        for (Layer layer : layers) {
            if (!(layer instanceof BatchNormalization)) {
                continue;
            }
            for (Field field : FIELDS) {
                try {
                    Object value = field.get(layer);
                    if (value instanceof INDArray array
                            && !array.isAttached()
                            && array.closeable()
                            && arrays.stream().noneMatch(seen -> seen == array)) {
                        arrays.add(array);
                    }
                } catch (IllegalAccessException e) {
                    LOG.debug("BatchNorm scratch field {} not readable", field.getName());
                }
            }
        }
        return arrays;
    }

    /** Clears the fields of every BatchNorm layer, then frees {@code arrays}. */
    static void release(Layer[] layers, List<INDArray> arrays) {
        for (Layer layer : layers) {
            if (layer instanceof BatchNormalization) {
                for (Field field : FIELDS) {
                    try {
                        field.set(layer, null);
                    } catch (IllegalAccessException e) {
                        LOG.debug("BatchNorm scratch field {} not writable", field.getName());
                    }
                }
            }
        }
        for (INDArray array : arrays) {
            if (!array.wasClosed()) {
                array.close();
            }
        }
    }
}
