package org.wcl4j.augment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcl4j.api.augment.CropRequest;
import org.wcl4j.api.augment.CropStrategy;
import org.wcl4j.api.augment.ViewBatch;

/**
 * K-NN multi-crop (Zheng et al., ICCV 2021, Sec. 3.4): two global views of every image and {@code
 * M} local crops cut from the image's {@code K} nearest images of the previous epoch.
 *
 * <p>During each epoch, {@link #observe} writes the encoder's pooled features of the first global
 * view (detached) into a {@link FeatureBank} with one row per training image, overwriting the
 * image's earlier row. At the end of the epoch {@link #endEpoch} finds each image's {@code K}
 * nearest other images by cosine similarity. In the next epoch local crop {@code m} of image {@code
 * i} first draws {@code nextInt(K)} from its own generator ({@code Seeds.forView(runSeed, epoch, i,
 * 2 + m)}) to pick one of the neighbours, then is cut from that neighbour as {@link MultiCropViews}
 * describes. Global views are always of the image itself. The losses treat local crop {@code m} of
 * batch member {@code i} as a view of member {@code i}, so a neighbour's crop is a positive of the
 * anchor image.
 *
 * <p>Before epoch {@code warmupEpochs}, and while no neighbours exist yet, it makes exactly the
 * views of {@code multi-crop} with the same settings. The bank and the neighbours are its {@link
 * #state()}, which checkpoints keep, so a resumed run cuts the local crops an uninterrupted one
 * would. An image whose bank row was never written (it fell in a dropped last batch) keeps its own
 * local crops. The views therefore depend on the request and on the neighbours found at the end of
 * the previous epoch.
 *
 * <p>{@link #views} may run on a background thread while the training thread calls {@link
 * #observe}; {@link #endEpoch} is called after the epoch's last batch, before the next epoch's
 * first views.
 */
public final class KnnMultiCropStrategy implements CropStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(KnnMultiCropStrategy.class);

    private static final int STATE_VERSION = 1;

    private final KnnMultiCropSettings settings;
    private final MultiCropViews views;
    private volatile FeatureBank bank;
    private volatile int[][] neighbours;

    /**
     * @throws IllegalArgumentException when the settings have problems
     */
    public KnnMultiCropStrategy(KnnMultiCropSettings settings) {
        SettingsChecks.require(KnnMultiCropStrategyProvider.NAME, settings.problems());
        this.settings = settings;
        this.views = new MultiCropViews(KnnMultiCropStrategyProvider.NAME, settings.multiCrop());
    }

    /**
     * Makes the views of one request.
     *
     * @throws IllegalArgumentException as {@code multi-crop}, and when {@code K} is not below the
     *     number of training images
     */
    @Override
    public ViewBatch views(CropRequest request) {
        int images = request.split().size();
        if (settings.neighbours() >= images) {
            throw new IllegalArgumentException(
                    KnnMultiCropStrategyProvider.NAME
                            + ": expected neighbours (K) below the number of training images "
                            + images
                            + ", found "
                            + settings.neighbours()
                            + "; lower neighbours or train on more images");
        }
        bankFor(images);
        int[][] table = request.epoch() >= settings.warmupEpochs() ? neighbours : null;
        if (table == null) {
            return views.views(request, (index, random) -> index);
        }
        return views.views(
                request,
                (index, random) -> {
                    int[] own = table[index];
                    return own.length == 0 ? index : own[random.nextInt(own.length)];
                });
    }

    private synchronized FeatureBank bankFor(int images) {
        if (bank == null) {
            bank = new FeatureBank(images);
        } else if (bank.size() != images) {
            throw new IllegalArgumentException(
                    KnnMultiCropStrategyProvider.NAME
                            + ": expected requests of one split of "
                            + bank.size()
                            + " images, found one of "
                            + images
                            + "; make one strategy per training split");
        }
        return bank;
    }

    /**
     * Writes the features of the batch into the bank.
     *
     * @throws IllegalStateException when called before any {@link #views}
     */
    @Override
    public void observe(int[] indices, INDArray features) {
        FeatureBank current = bank;
        if (current == null) {
            throw new IllegalStateException(
                    KnnMultiCropStrategyProvider.NAME
                            + ": features observed before any views were made; call views first");
        }
        current.write(indices, features);
    }

    /** Finds every image's neighbours once they will be used, from the next epoch on. */
    @Override
    public void endEpoch(int epoch) {
        FeatureBank current = bank;
        if (current == null || epoch + 1 < settings.warmupEpochs()) {
            return;
        }
        long start = System.nanoTime();
        neighbours = current.nearest(settings.neighbours());
        LOG.info(
                "{}: {} nearest images of each of {} images after epoch {} in {} ms",
                KnnMultiCropStrategyProvider.NAME,
                settings.neighbours(),
                current.size(),
                epoch,
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The bank and the neighbours: a version number, whether a bank exists, the bank, whether
     * neighbours exist, then each image's neighbour count and indices. Empty before any views.
     */
    @Override
    public synchronized byte[] state() {
        FeatureBank current = bank;
        if (current == null) {
            return new byte[0];
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(STATE_VERSION);
            current.writeTo(out);
            int[][] table = neighbours;
            out.writeBoolean(table != null);
            if (table != null) {
                for (int[] own : table) {
                    out.writeInt(own.length);
                    for (int index : own) {
                        out.writeInt(index);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Takes back the bank and neighbours of {@link #state()}.
     *
     * @throws IllegalArgumentException when the bytes are not such a state, or hold neighbours
     *     outside the bank
     */
    @Override
    public synchronized void restore(byte[] state) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            int version = in.readInt();
            if (version != STATE_VERSION) {
                throw new IllegalArgumentException(
                        KnnMultiCropStrategyProvider.NAME
                                + ": expected a checkpointed state of version "
                                + STATE_VERSION
                                + ", found version "
                                + version
                                + "; resume with the version of wcl4j that wrote it");
            }
            FeatureBank restored = FeatureBank.read(in);
            int[][] table = null;
            if (in.readBoolean()) {
                table = new int[restored.size()][];
                for (int i = 0; i < table.length; i++) {
                    table[i] = new int[in.readInt()];
                    for (int j = 0; j < table[i].length; j++) {
                        int index = in.readInt();
                        if (index < 0 || index >= restored.size()) {
                            throw new IllegalArgumentException(
                                    KnnMultiCropStrategyProvider.NAME
                                            + ": checkpointed neighbour "
                                            + index
                                            + " of image "
                                            + i
                                            + " lies outside the bank of "
                                            + restored.size()
                                            + " images; the checkpoint is damaged");
                        }
                        table[i][j] = index;
                    }
                }
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException(
                        KnnMultiCropStrategyProvider.NAME
                                + ": expected the checkpointed state to end after the neighbours,"
                                + " found "
                                + in.available()
                                + " more bytes; the checkpoint is damaged");
            }
            bank = restored;
            neighbours = table;
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    KnnMultiCropStrategyProvider.NAME
                            + ": the checkpointed state ends early ("
                            + state.length
                            + " bytes); the checkpoint is damaged",
                    e);
        }
    }

    /** The neighbours in use from the next epoch on; {@code null} before the first search. */
    int[][] neighbours() {
        return neighbours;
    }
}
