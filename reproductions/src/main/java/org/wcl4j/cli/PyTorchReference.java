package org.wcl4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.wcl4j.api.data.ImageShape;
import org.wcl4j.core.config.ConfigLoader;
import org.wcl4j.core.config.LossChoice;
import org.wcl4j.core.config.PluginChoice;
import org.wcl4j.core.config.RunConfig;

/**
 * Times a config's training step in PyTorch on the CPU, with the script {@code
 * benchmarks/pytorch_step.py} (shipped in the jar as {@code /bench/pytorch_step.py}).
 *
 * <p>The script rebuilds the config's network, weak labels, losses and optimiser from the resolved
 * config (written as JSON to a temporary file), times {@code warmup + steps} steps on random images
 * of the data set's shape with the given number of threads, and prints the median step and phase
 * times as JSON. Only the plugins the script knows can be rebuilt: {@link #SUPPORTED} lists them,
 * and a config with any other fails before anything runs.
 */
final class PyTorchReference {

    /** Plugin names the script rebuilds, by what they are. */
    static final String SUPPORTED =
            "encoder small-resnet, heads mlp, losses nt-xent and wcl-graph, labeller"
                    + " nearest-neighbour or none, crops two-views";

    private static final String SCRIPT = "/bench/pytorch_step.py";
    private static final Set<String> LOSSES = Set.of("nt-xent", "wcl-graph");
    private static final long TIMEOUT_MINUTES = 30;

    private final String python;

    /**
     * @param python the Python 3 interpreter that has {@code torch}
     */
    PyTorchReference(String python) {
        this.python = python;
    }

    /** The median step time and phase times of the reference, in milliseconds. */
    record Timing(String torchVersion, int threads, double stepMs) {}

    /**
     * Fails with what to change when the script cannot rebuild {@code config}.
     *
     * @throws IllegalArgumentException naming the first plugin the script does not know
     */
    static void checkSupported(String source, RunConfig config) {
        List<String> problems = new ArrayList<>();
        require(problems, "encoder", config.encoder(), "small-resnet");
        config.heads().forEach((name, head) -> require(problems, "heads." + name, head, "mlp"));
        require(problems, "crops", config.crops(), "two-views");
        config.labeller()
                .filter(labeller -> !labeller.name().equals("nearest-neighbour"))
                .ifPresent(
                        labeller ->
                                problems.add(
                                        "labeller: found '"
                                                + labeller.name()
                                                + "', expected nearest-neighbour"));
        for (int i = 0; i < config.losses().size(); i++) {
            LossChoice loss = config.losses().get(i);
            if (!LOSSES.contains(loss.name())) {
                problems.add(
                        "losses." + i + ": found '" + loss.name() + "', expected one of " + LOSSES);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "bench --reference: the PyTorch reference cannot rebuild "
                            + source
                            + " ("
                            + String.join("; ", problems)
                            + "). It supports "
                            + SUPPORTED
                            + "; leave out --reference to time this config alone");
        }
    }

    private static void require(
            List<String> problems, String path, PluginChoice choice, String expected) {
        if (!choice.name().equals(expected)) {
            problems.add(path + ": found '" + choice.name() + "', expected " + expected);
        }
    }

    /**
     * Checks that the interpreter runs and imports torch, so that a wrong {@code --python} fails
     * before any step is timed.
     *
     * @throws IllegalArgumentException saying what was found and what to install or pass
     */
    void checkInterpreter() {
        String fix =
                "; install python3-torch (apt-get install python3-torch) or pass --python with an"
                        + " interpreter that has torch";
        Process process;
        try {
            process =
                    new ProcessBuilder(python, "-c", "import torch")
                            .redirectErrorStream(true)
                            .start();
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "bench --reference: expected a Python 3 interpreter at '"
                            + python
                            + "', found "
                            + (String.valueOf(e.getMessage()).contains("error=2")
                                    ? "no such program"
                                    : "one that cannot run (" + e.getMessage() + ")")
                            + fix,
                    e);
        }
        try (InputStream output = process.getInputStream()) {
            String text = new String(output.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor() != 0) {
                throw new IllegalArgumentException(
                        "bench --reference: expected '"
                                + python
                                + "' to import torch, found "
                                + (text.contains("No module named 'torch'")
                                        ? "that PyTorch is not installed for it"
                                        : "that it failed: " + text)
                                + fix);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("bench --reference: could not run " + python, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bench --reference: interrupted", e);
        }
    }

    /**
     * Runs the script on one config and returns its timing.
     *
     * @param shape image shape of the data set
     * @throws IllegalStateException when Python or PyTorch is missing or the script fails, with its
     *     output
     */
    Timing time(RunConfig config, ImageShape shape, int warmup, int steps, int threads) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("wcl4j-reference");
            Path script = directory.resolve("pytorch_step.py");
            try (InputStream in = PyTorchReference.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "the reference script " + SCRIPT + " is missing from the class path");
                }
                Files.copy(in, script);
            }
            Path json = directory.resolve("config.json");
            JsonNode tree = new YAMLMapper().readTree(ConfigLoader.toYaml(config));
            Files.writeString(json, new ObjectMapper().writeValueAsString(tree));
            Path output = directory.resolve("output.txt");
            List<String> command =
                    List.of(
                            python,
                            script.toString(),
                            "--config",
                            json.toString(),
                            "--shape",
                            shape.channels() + "," + shape.height() + "," + shape.width(),
                            "--warmup",
                            Integer.toString(warmup),
                            "--steps",
                            Integer.toString(steps),
                            "--threads",
                            Integer.toString(threads));
            Process process =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(output.toFile())
                            .start();
            boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "bench --reference: the PyTorch reference did not finish within "
                                + TIMEOUT_MINUTES
                                + " minutes");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(failure(text));
            }
            return parse(text);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("error=2")) {
                throw new IllegalStateException(
                        "bench --reference: no Python interpreter '"
                                + python
                                + "'; install python3-torch (apt-get install python3-torch) or"
                                + " pass --python with an interpreter that has torch",
                        e);
            }
            throw new UncheckedIOException("bench --reference: could not run " + python, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bench --reference: interrupted", e);
        } finally {
            deleteQuietly(directory);
        }
    }

    private String failure(String text) {
        String tail = text.strip();
        if (tail.length() > 2000) {
            tail = tail.substring(tail.length() - 2000);
        }
        String hint =
                tail.contains("No module named 'torch'")
                        ? "PyTorch is not installed for "
                                + python
                                + "; install python3-torch (apt-get install python3-torch) or pass"
                                + " --python with an interpreter that has torch"
                        : "see its output above";
        return "bench --reference: the PyTorch reference failed; "
                + hint
                + System.lineSeparator()
                + tail;
    }

    /** Reads the script's JSON line: the last line of its output that starts with a brace. */
    static Timing parse(String text) {
        String[] lines = text.strip().split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].strip();
            if (line.startsWith("{")) {
                try {
                    JsonNode node = new ObjectMapper().readTree(line);
                    double step = node.path("medianMs").path("step").asDouble(Double.NaN);
                    if (Double.isNaN(step)) {
                        break;
                    }
                    return new Timing(
                            node.path("torch").asText("unknown"),
                            node.path("threads").asInt(-1),
                            step);
                } catch (IOException e) {
                    break;
                }
            }
        }
        throw new IllegalStateException(
                String.format(
                        Locale.ROOT,
                        "bench --reference: expected a JSON line with medianMs.step from the"
                                + " PyTorch reference, found:%n%s",
                        text.strip()));
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
