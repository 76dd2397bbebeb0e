package org.viosbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viosbench.cli.CliTest.Run;
import org.viosbench.cluster.step.StepCluster;
import org.viosbench.cluster.step.StepRecipe;
import org.viosbench.engine.Message;
import org.viosbench.session.Conversions;
import org.viosbench.topology.Samples;

/** {@code viosbench step}: a recipe replayed from the command line gives the same trace file every time. */
class StepCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aRecipeReplaysToTheSameTraceFileEveryTime() throws Exception {
        Path topology = tmp.resolve("small.vios.json");
        assertEquals(Cli.OK, CliTest.run("topology", "sample", "small", "--out", topology.toString()).code());
        Path recipe = tmp.resolve("branch.step.json");
        try (StepCluster c = StepCluster.start(Conversions.toClusterDescription(Samples.build("small")), 5)) {
            c.fire(1, 20, Message.broadcast().targetDaemon(10).payload(new byte[] { 7 }).expectAll().timeout(Duration.ofMillis(2)).build());
            c.deliverRandom();
            c.drop(c.pending().get(0).id());
            c.runToQuiet(100);
            StepRecipe.of(c).write(recipe);
        }
        Path first = tmp.resolve("first.jsonl");
        Path second = tmp.resolve("second.jsonl");
        Run a = CliTest.run("step", "--topology", topology.toString(), "--recipe", recipe.toString(), "--trace", first.toString());
        Run b = CliTest.run("step", "--topology", topology.toString(), "--recipe", recipe.toString(), "--trace", second.toString());
        assertEquals(Cli.OK, a.code(), a.out());
        assertEquals(Cli.OK, b.code(), b.out());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), "byte for byte the same trace");
        assertEquals("1.1", a.json().at("/requests/0/messageId").asText());
        assertEquals("failed", a.json().at("/requests/0/outcome").asText(), "one request was dropped: it timed out");
        assertTrue(a.json().get("events").asInt() > 20);
        Run export = CliTest.run("trace", "export", first.toString(), "--pcapng", tmp.resolve("s.pcapng").toString());
        assertEquals(Cli.OK, export.code(), "the step trace carries its packets: " + export.out());
    }

    @Test
    void badRecipesAndArgumentsAreRefused() throws Exception {
        Path topology = tmp.resolve("small.vios.json");
        CliTest.run("topology", "sample", "small", "--out", topology.toString());
        Path recipe = tmp.resolve("bad.step.json");
        Files.writeString(recipe, "{ \"format\": \"viosbench-step\", \"version\": 1, \"seed\": 1, \"choices\": [ { \"kill\": \"two\" } ] }");
        Run bad = CliTest.run("step", "--topology", topology.toString(), "--recipe", recipe.toString(), "--trace", tmp.resolve("t.jsonl").toString());
        assertEquals(Cli.FAILURE, bad.code());
        assertEquals("/choices/0/kill", bad.json().get("where").asText(), bad.out());
        assertTrue(!Files.exists(tmp.resolve("t.jsonl")), "no trace written");
        Files.writeString(recipe, "{ \"format\": \"viosbench-step\", \"version\": 1, \"seed\": 1, \"choices\": [ { \"kill\": 99 } ] }");
        Run wrongCluster = CliTest.run("step", "--topology", topology.toString(), "--recipe", recipe.toString(), "--trace",
                tmp.resolve("t.jsonl").toString());
        assertEquals(Cli.FAILURE, wrongCluster.code());
        assertTrue(wrongCluster.json().get("error").asText().contains("kill VIOS 99"), wrongCluster.out());
        assertEquals(Cli.FAILURE, CliTest.run("step", "--topology", topology.toString(), "--recipe", tmp.resolve("none.json").toString(),
                "--trace", tmp.resolve("t.jsonl").toString()).code());
        assertEquals(Cli.USAGE, CliTest.run("step", "--topology", topology.toString()).code());
    }
}
