package org.viosbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fault soak ({@code viosbench soak}): 4 authenticated node processes, 1,000 broadcasts from VIOS 0 expecting
 * every response; VIOS 1 SIGKILLed every 100 and restarted, VIOS 2 SIGSTOPped for 3 s every 100 and resumed. Every
 * request ends within its timeout plus 100 ms, no response queue entry is left open anywhere, and the survivors'
 * memory stays flat. The test checks the facts the command reports, and that it leaves no process behind.
 */
class SoakTest {
    static final int BROADCASTS = Integer.getInteger("viosbench.soak.broadcasts", 1000);

    @TempDir
    Path tmp;

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String l : out.strip().split("\n")) {
            lines.add(Json.MAPPER.readTree(l));
        }
        return lines;
    }

    @Test
    void aThousandBroadcastsThroughKillsAndStopsLeaveNothingOpen() throws Exception {
        Path work = tmp.resolve("soak");
        CliTest.Run run = CliTest.run("soak", "--broadcasts", Integer.toString(BROADCASTS), "--work", work.toString());
        List<JsonNode> lines = lines(run.out());
        JsonNode started = lines.get(0);
        JsonNode summary = lines.get(lines.size() - 1);
        System.out.println(summary);
        assertEquals("started", started.path("event").asText(), run.out());
        assertEquals("summary", summary.path("event").asText(), run.out());
        assertEquals(BROADCASTS / 100 + (BROADCASTS % 100 == 0 ? 0 : 1), lines.stream().filter(l -> "progress".equals(l.path("event").asText())).count());

        assertEquals(0, summary.path("late").size(), "requests that outlived their timeout by more than 100 ms: " + summary.path("late"));
        assertTrue(summary.path("worstMillis").asLong() <= 1100, summary.toString());
        for (JsonNode vios : summary.path("openAtTheEnd")) {
            assertEquals(0, vios.path("openQueues").asInt(), "open response queues: " + vios);
            assertEquals(0, vios.path("openEntries").asInt(), "open entries: " + vios);
        }
        assertEquals(4, summary.path("openAtTheEnd").size());
        assertTrue(summary.path("heapAfterBytes").asLong() < summary.path("heapBeforeBytes").asLong() + (16 << 20), summary.toString());
        assertTrue(summary.path("outcomes").path("success").asInt() >= BROADCASTS * 8 / 10, "fewer than 80% answered by all: " + summary);
        // a restarted VIOS's first broadcast, and a resumed one's, are answered by all
        JsonNode probes = summary.path("probes");
        assertEquals((BROADCASTS - 1) / 100, probes.path("restarted: success").asInt(), summary.toString());
        assertEquals((BROADCASTS + 49) / 100, probes.path("resumed: success").asInt(), summary.toString());
        assertEquals(2, probes.size(), "every probe answered by all: " + summary);
        assertEquals(4 + (BROADCASTS - 1) / 100, summary.path("nodeStarts").asInt(), summary.toString());
        assertTrue(summary.path("ok").asBoolean(), summary.toString());
        assertEquals(Cli.OK, run.code(), run.out() + run.err());

        // nothing left running, nothing left stopped
        assertEquals(summary.path("nodeStarts").asInt(), summary.path("pids").size(), summary.toString());
        for (JsonNode pid : summary.path("pids")) {
            assertFalse(ProcessHandle.of(pid.asLong()).map(ProcessHandle::isAlive).orElse(false), "node process " + pid + " outlived the soak");
        }
        assertTrue(Files.isRegularFile(work.resolve("cluster.json")) && Files.isRegularFile(work.resolve("vios1-1.log")),
                "--work keeps the cluster file and the logs");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(Cli.USAGE, CliTest.run("soak", "--broadcasts", "0").code());
        assertEquals(Cli.USAGE, CliTest.run("soak", "--timeout-millis", "5").code());
        CliTest.Run protection = CliTest.run("soak", "--protection", "rot13");
        assertEquals(Cli.USAGE, protection.code());
        assertTrue(protection.err().contains("--protection: rot13 is not one of key, tls, insecure"), protection.err());
    }
}
