package org.viosbench.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.viosbench.cluster.step.StepRecipe;
import org.viosbench.fuzz.Refusals;
import org.viosbench.json.InputFiles;
import org.viosbench.json.JsonAt;
import org.viosbench.json.StrictJson;
import org.viosbench.topology.TopologyFile;
import org.viosbench.trace.TraceFile;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Every file a user hands viosbench, as raw bytes (invalid UTF-8, control characters, huge numbers,
 * deep nesting included), through the same reader the command or the workbench uses: it reads the file
 * or refuses it whole with where and what ({@link Refusals}); nothing else may happen.
 */
class FileReadersFuzzTest {
    private static final Path DIR;

    static {
        try {
            // In memory where the machine has it: a file written to disk per execution costs 7 times the read
            Path shm = Path.of("/dev/shm");
            DIR = Files.isDirectory(shm) ? Files.createTempDirectory(shm, "viosbench-fuzz") : Files.createTempDirectory("viosbench-fuzz");
            Runtime.getRuntime().addShutdownHook(new Thread(FileReadersFuzzTest::removeScratch));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeScratch() {
        try (java.util.stream.Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(DIR);
        } catch (IOException e) {
            System.err.println("fuzz scratch " + DIR + " not removed: " + e);
        }
    }

    private static Path file(String name, byte[] bytes) throws IOException {
        return Refusals.file(DIR.resolve(name), bytes);
    }

    /** The hand-written seeds ({@code seed-*} in each target's inputs) are valid files: the fuzzer starts from inside the format. */
    @Test
    void everySeedIsReadWhole() throws Exception {
        Path inputs = Path.of(FileReadersFuzzTest.class.getResource("FileReadersFuzzTestInputs").toURI());
        Map<String, FuzzTarget> targets = Map.of("topology", FileReadersFuzzTest::readTopology, "scenario", FileReadersFuzzTest::readScenario,
                "trace", FileReadersFuzzTest::readTrace, "stepRecipe", FileReadersFuzzTest::readStepRecipe, "clusterFile",
                FileReadersFuzzTest::readClusterFile, "databaseImport", FileReadersFuzzTest::readDatabaseImport, "packetJson",
                FileReadersFuzzTest::readPacketJson);
        int seeds = 0;
        for (Map.Entry<String, FuzzTarget> t : targets.entrySet()) {
            try (java.util.stream.Stream<Path> files = Files.list(inputs.resolve(t.getKey()))) {
                for (Path seed : files.filter(f -> f.getFileName().toString().startsWith("seed-")).toList()) {
                    assertNotNull(t.getValue().read(Files.readAllBytes(seed)), () -> seed + " is refused");
                    seeds++;
                }
            }
        }
        assertTrue(seeds >= targets.size(), "a target without a seed");
    }

    private interface FuzzTarget {
        Object read(byte[] input) throws IOException;
    }

    @FuzzTest
    void topology(byte[] input) throws IOException {
        readTopology(input);
    }

    private static Object readTopology(byte[] input) throws IOException {
        Path f = file("t.vios.json", input);
        return Refusals.readOrRefuse(() -> TopologyFile.read(f));
    }

    @FuzzTest
    void scenario(byte[] input) throws IOException {
        readScenario(input);
    }

    private static Object readScenario(byte[] input) throws IOException {
        Path f = file("scenario.json", input);
        return Refusals.readOrRefuse(() -> Scenario.read(f, Set.of(0, 1, 2, 3)));
    }

    @FuzzTest
    void trace(byte[] input) throws IOException {
        readTrace(input);
    }

    private static Object readTrace(byte[] input) throws IOException {
        Path f = file("run.trace.jsonl", input);
        return Refusals.readOrRefuse(() -> TraceFile.read(f));
    }

    @FuzzTest
    void stepRecipe(byte[] input) throws IOException {
        readStepRecipe(input);
    }

    private static Object readStepRecipe(byte[] input) throws IOException {
        Path f = file("recipe.step.json", input);
        return Refusals.readOrRefuse(() -> StepRecipe.read(f));
    }

    @FuzzTest
    void clusterFile(byte[] input) throws IOException {
        readClusterFile(input);
    }

    private static Object readClusterFile(byte[] input) throws IOException {
        Path f = file("cluster.json", input);
        return Refusals.readOrRefuse(() -> ClusterFile.read(f));
    }

    @FuzzTest
    void databaseImport(byte[] input) throws IOException {
        readDatabaseImport(input);
    }

    private static Object readDatabaseImport(byte[] input) throws IOException {
        Path f = file("config.json", input);
        return Refusals.readOrRefuse(() -> org.viosbench.db.ConfigJson.fromJson(StrictJson.file(f, InputFiles.DEFAULT_MAX_BYTES)));
    }

    @FuzzTest
    void packetJson(byte[] input) throws IOException {
        readPacketJson(input);
    }

    private static Object readPacketJson(byte[] input) throws IOException {
        return Refusals.readOrRefuse(() -> PacketJson.fromJson(JsonAt.root(StrictJson.parse(InputFiles.text(input)))));
    }
}
