package org.wcl4j.core.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcl4j.engine.NativeBackend;

/**
 * {@code provenance.json}: what produced a run. The wcl4j and Deeplearning4j versions, Java, the
 * operating system, CPU count and memory, the ND4J backend and its BLAS, the command line, the
 * seed, the start time and, when the working directory is inside a git checkout, its commit.
 */
final class Provenance {

    private static final Logger LOG = LoggerFactory.getLogger(Provenance.class);

    private Provenance() {}

    /** The provenance of a run starting now. */
    static ObjectNode of(long seed, List<String> commandLine, Instant start) {
        Properties versions = versions();
        ObjectNode root = JsonFiles.MAPPER.createObjectNode();
        root.put("wcl4j", versions.getProperty("wcl4j.version", "unknown"));
        root.put("start", start.toString());
        root.put("seed", seed);
        ArrayNode command = root.putArray("commandLine");
        commandLine.forEach(command::add);
        ObjectNode java = root.putObject("java");
        java.put("version", System.getProperty("java.version"));
        java.put("vendor", System.getProperty("java.vendor"));
        java.put("vm", System.getProperty("java.vm.name"));
        ObjectNode os = root.putObject("os");
        os.put("name", System.getProperty("os.name"));
        os.put("version", System.getProperty("os.version"));
        os.put("arch", System.getProperty("os.arch"));
        root.put("cpus", Runtime.getRuntime().availableProcessors());
        root.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        root.set("nd4j", nd4j(versions.getProperty("dl4j.version", "unknown")));
        gitCommit(Path.of("").toAbsolutePath()).ifPresent(commit -> root.put("gitCommit", commit));
        return root;
    }

    /** Adds a record of a resumed execution to an existing provenance file. */
    static void recordResume(Path file, List<String> commandLine, Instant time, int fromEpoch)
            throws IOException {
        ObjectNode root = (ObjectNode) JsonFiles.MAPPER.readTree(file.toFile());
        ArrayNode resumes =
                root.has("resumes") ? (ArrayNode) root.get("resumes") : root.putArray("resumes");
        ObjectNode resume = resumes.addObject();
        resume.put("time", time.toString());
        resume.put("fromEpoch", fromEpoch);
        ArrayNode command = resume.putArray("commandLine");
        commandLine.forEach(command::add);
        JsonFiles.write(file, root);
    }

    private static ObjectNode nd4j(String version) {
        ObjectNode nd4j = JsonFiles.MAPPER.createObjectNode();
        nd4j.put("version", version);
        try {
            nd4j.put("backend", Nd4j.getBackend().getClass().getName());
            nd4j.put("layers", NativeBackend.description());
            Properties environment = Nd4j.getExecutioner().getEnvironmentInformation();
            for (String key : List.of("blas.vendor", "cores", "omp.threads", "memory.available")) {
                Object value = environment.get(key);
                if (value != null) {
                    nd4j.put(key, value.toString());
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("could not describe the ND4J backend: {}", e.toString());
            nd4j.put("backend", "unavailable");
        }
        return nd4j;
    }

    private static Properties versions() {
        Properties properties = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            LOG.debug("no version.properties: {}", e.toString());
        }
        return properties;
    }

    /**
     * The commit checked out in the git repository holding {@code directory}, read from {@code
     * .git} without running git; empty outside a repository or when it cannot be read.
     */
    static Optional<String> gitCommit(Path directory) {
        for (Path dir = directory; dir != null; dir = dir.getParent()) {
            Path git = dir.resolve(".git");
            if (Files.isDirectory(git)) {
                try {
                    return headCommit(git);
                } catch (IOException e) {
                    LOG.debug("could not read {}: {}", git, e.toString());
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> headCommit(Path git) throws IOException {
        String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).strip();
        if (!head.startsWith("ref: ")) {
            return Optional.of(head);
        }
        String ref = head.substring("ref: ".length());
        Path loose = git.resolve(ref);
        if (Files.isRegularFile(loose)) {
            return Optional.of(Files.readString(loose, StandardCharsets.UTF_8).strip());
        }
        Path packed = git.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                if (line.endsWith(" " + ref)) {
                    return Optional.of(line.substring(0, line.indexOf(' ')));
                }
            }
        }
        return Optional.empty();
    }
}
