package org.wcl4j.examples.radius

import java.io.PrintWriter
import java.io.StringWriter
import java.nio.file.Files
import java.nio.file.Path
import kotlin.io.path.isDirectory
import kotlin.io.path.listDirectoryEntries
import kotlin.io.path.readText
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Assumptions.assumeTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import org.wcl4j.cli.Wcl4jCommand
import org.wcl4j.report.MetricsCsv

/**
 * Trains the module's `wcl-radius.yaml` through the command line's entry point, as `wcl4j train`
 * does, on 256 real Fashion-MNIST images with a narrow encoder (batch 64, one epoch: 4 steps),
 * and checks the run directory. Skipped when the data set is not installed (`apt-get install
 * dataset-fashion-mnist`).
 */
class WclRadiusTrainingTest {

    @TempDir lateinit var runs: Path

    @BeforeEach
    fun needsFashionMnist() {
        assumeTrue(
            Files.isRegularFile(DATA.resolve("train-images-idx3-ubyte.gz")),
            "Fashion-MNIST is not installed in $DATA",
        )
    }

    @Test
    fun trainsTheKotlinLabellerFromTheConfig() {
        val run = train()

        assertThat(run.exitCode).`as`(run.err).isEqualTo(0)
        assertThat(run.out).contains("| knn/top1 ").contains("run directory: ")
        assertThat(run.directory.fileName.toString()).startsWith("wcl-radius-")
        assertThat(run.directory.resolve("config.yaml").readText())
            .contains("radius-components")
            .contains("minSimilarity: 0.8")

        // One row per step; a view of 64 images has between 1 and 64 components.
        val metrics = MetricsCsv.read(run.directory.resolve("metrics.csv"))
        assertThat(metrics.rows()).isEqualTo(STEPS)
        val components = metrics.column("weak/components")
        assertThat(components.min()).isGreaterThanOrEqualTo(1.0)
        assertThat(components.max()).isLessThanOrEqualTo(BATCH.toDouble())
        assertThat(metrics.column("loss").filterNot { it.isFinite() }).isEmpty()
    }

    @Test
    fun theLowestThresholdMakesEveryViewOneComponent() {
        // minSimilarity -1 links every pair (a cosine is never below -1): each view is one
        // component, every pair of the same class is a predicted positive (recall 1) and the
        // precision is the share of same-class pairs among all pairs.
        val run = train("--set", "labeller.settings.minSimilarity=-1", *NO_EVALUATION)

        assertThat(run.exitCode).`as`(run.err).isEqualTo(0)
        val metrics = MetricsCsv.read(run.directory.resolve("metrics.csv"))
        assertThat(metrics.column("weak/components")).containsOnly(1.0)
        assertThat(metrics.column("weak/recall")).containsOnly(1.0)
        val precision = metrics.column("weak/precision")
        assertThat(precision.min()).isGreaterThan(0.0)
        assertThat(precision.max()).isLessThan(0.5)
    }

    @Test
    fun theHighestThresholdLeavesEveryImageAlone() {
        // minSimilarity 1 links only embeddings that point the same way, which the images of a
        // real batch never do: 64 components of one image each, so no positives (recall 0).
        val run = train("--set", "labeller.settings.minSimilarity=1", *NO_EVALUATION)

        assertThat(run.exitCode).`as`(run.err).isEqualTo(0)
        val metrics = MetricsCsv.read(run.directory.resolve("metrics.csv"))
        assertThat(metrics.column("weak/components")).containsOnly(BATCH.toDouble())
        assertThat(metrics.column("weak/recall")).containsOnly(0.0)
    }

    /** What one `train` did and where it wrote. */
    private class Run(val exitCode: Int, val out: String, val err: String, val directory: Path)

    private fun train(vararg extra: String): Run {
        val out = StringWriter()
        val err = StringWriter()
        val commandLine = Wcl4jCommand.commandLine()
        commandLine.setOut(PrintWriter(out, true))
        commandLine.setErr(PrintWriter(err, true))

        val exitCode =
            commandLine.execute("train", CONFIG.toString(), "--runs", runs.toString(), *SMALL, *extra)

        val directories = runs.listDirectoryEntries().filter { it.isDirectory() }
        assertThat(directories).`as`(err.toString()).hasSize(1)
        return Run(exitCode, out.toString(), err.toString(), directories.single())
    }

    private companion object {
        val DATA: Path = Path.of("/usr/share/datasets/fashion-mnist")

        /** The module's config; tests run in the module's folder. */
        val CONFIG: Path = Path.of("wcl-radius.yaml")

        const val BATCH = 64
        const val STEPS = 256 / BATCH

        /** Cuts the full-size config down to a few seconds of training. */
        val SMALL =
            arrayOf(
                "--set", "dataset.settings.trainLimit=256",
                "--set", "dataset.settings.testLimit=200",
                "--set", "encoder.settings.widths=[8, 16, 16]",
                "--set", "heads.g.settings.hidden=64",
                "--set", "heads.g.settings.output=32",
                "--set", "heads.phi.settings.hidden=64",
                "--set", "heads.phi.settings.output=32",
                "--set", "training.epochs=1",
                "--set", "training.batchSize=$BATCH",
                "--set", "training.learningRate=0.1",
                "--set", "training.warmupEpochs=0",
                "--set", "evaluation.0.settings.k=20",
            )

        val NO_EVALUATION = arrayOf("--set", "training.evaluateBefore=false")
    }
}
