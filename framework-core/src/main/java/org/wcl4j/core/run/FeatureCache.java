package org.wcl4j.core.run;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcl4j.api.data.DatasetSplit;
import org.wcl4j.api.eval.FeatureExtractor;
import org.wcl4j.api.eval.FineTuner;

/**
 * Features of a run's named splits, computed once per checkpoint and kept in the run directory's
 * {@code features/} folder, so that every protocol evaluated on that checkpoint reads the same
 * arrays instead of running the encoder again.
 *
 * <p>File {@code features/<split>.bin} holds a magic string, the key it was computed under and the
 * {@code [size, featureSize]} array in ND4J's binary format; it is written atomically. The key is
 * the caller's (a digest of the checkpoint) followed by the split's size and a checksum of its
 * labels, so a new checkpoint or a different subset of the data set makes the file stale: it is
 * then computed again and replaced. A split this cache was not given a name for is passed to the
 * delegate every time. Not thread-safe.
 */
final class FeatureCache implements FeatureExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureCache.class);
    private static final String MAGIC = "wcl4j-features";

    /** Hears when features are computed rather than read, which is the slow part. */
    interface Listener {
        /** The encoder is about to run over {@code size} images of split {@code name}. */
        void computing(String name, int size);

        /** Features of split {@code name} came from the cache. */
        void cached(String name, int size);
    }

    private final Path directory;
    private final String key;
    private final Map<DatasetSplit, String> names = new IdentityHashMap<>();
    private final FeatureExtractor delegate;
    private final Listener listener;

    /**
     * @param directory the {@code features/} folder, created when first written
     * @param key identifies the network the features come from, for example the checkpoint's
     *     SHA-256
     * @param splits split name (letters and digits, e.g. {@code train}) to split
     * @param delegate computes features on a cache miss
     */
    FeatureCache(
            Path directory,
            String key,
            Map<String, DatasetSplit> splits,
            FeatureExtractor delegate,
            Listener listener) {
        this.directory = directory;
        this.key = key;
        splits.forEach((name, split) -> names.put(split, name));
        this.delegate = delegate;
        this.listener = listener;
    }

    /**
     * The delegate's fine-tuner: fine-tuning trains a copy of the network, so nothing is cached.
     */
    @Override
    public Optional<FineTuner> fineTuner() {
        return delegate.fineTuner();
    }

    /** The file the features of split {@code name} are kept in. */
    static Path file(Path directory, String name) {
        return directory.resolve(name + ".bin");
    }

    @Override
    public INDArray features(DatasetSplit split) {
        return features(split, POOLED);
    }

    /**
     * Features at {@code layer}; those of a layer other than {@link #POOLED} are kept in {@code
     * <split>-<layer>.bin}, the layer's {@code /} written as {@code -}.
     */
    @Override
    public INDArray features(DatasetSplit split, String layer) {
        String splitName = names.get(split);
        if (splitName == null) {
            listener.computing("unnamed", split.size());
            return delegate.features(split, layer);
        }
        String name =
                layer.equals(POOLED)
                        ? splitName
                        : splitName + "-" + layer.replaceAll("[^A-Za-z0-9_-]", "-");
        Path file = file(directory, name);
        String splitKey =
                key
                        + ";layer="
                        + layer
                        + ";size="
                        + split.size()
                        + ";labels="
                        + labelChecksum(split);
        try {
            if (Files.isRegularFile(file)) {
                INDArray cached = read(file, splitKey);
                if (cached != null) {
                    listener.cached(name, split.size());
                    LOG.info("features of the {} split read from {}", name, file);
                    return cached;
                }
                LOG.info("features in {} are stale (another checkpoint or subset)", file);
            }
            listener.computing(name, split.size());
            INDArray features = delegate.features(split, layer);
            Files.createDirectories(directory);
            AtomicFiles.write(file, target -> write(target, splitKey, features));
            LOG.info("features of the {} split written to {}", name, file);
            return features;
        } catch (IOException e) {
            throw new UncheckedIOException("could not cache features in " + file, e);
        }
    }

    /** The array in {@code file}, or null when it was computed under another key. */
    private static INDArray read(Path file, String expectedKey) throws IOException {
        try (DataInputStream in =
                new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!MAGIC.equals(in.readUTF()) || !expectedKey.equals(in.readUTF())) {
                return null;
            }
            return Nd4j.read(in);
        }
    }

    private static void write(Path file, String splitKey, INDArray features) throws IOException {
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeUTF(MAGIC);
            out.writeUTF(splitKey);
            Nd4j.write(features, out);
        }
    }

    private static long labelChecksum(DatasetSplit split) {
        CRC32 crc = new CRC32();
        for (int i = 0; i < split.size(); i++) {
            crc.update(split.label(i));
        }
        return crc.getValue();
    }
}
