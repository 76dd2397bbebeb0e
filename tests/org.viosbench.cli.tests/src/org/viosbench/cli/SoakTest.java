package org.viosbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viosbench.cli.MultiProcessClusterTest.NodeProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fault soak: 4 authenticated node processes, 1,000 broadcasts from VIOS 0 expecting every response;
 * VIOS 1 SIGKILLed every 100 and restarted, VIOS 2 SIGSTOPped for 3 s every 100 and resumed. Every request
 * ends within its timeout plus 100 ms, no response queue entry is left open anywhere, and the survivors'
 * memory stays flat. Prints one JSON line with what happened.
 */
class SoakTest {
    static final int NODES = 4;
    static final int BROADCASTS = Integer.getInteger("viosbench.soak.broadcasts", 1000);
    static final int TIMEOUT_MILLIS = 1000;

    @TempDir
    Path tmp;

    private Path cluster;
    private Path key;
    private final NodeProcess[] nodes = new NodeProcess[NODES];
    private int starts;

    private NodeProcess start(int id) throws Exception {
        NodeProcess n = new NodeProcess(ChildViosbench.command(tmp.resolve("config-" + id + "-" + starts), List.of("node", "--id",
                Integer.toString(id), "--cluster", cluster.toString(), "--key", key.toString())), tmp.resolve("vios" + id + "-" + starts++ + ".log"));
        nodes[id] = n;
        n.next("ready", null);
        return n;
    }

    private JsonNode view(int id, boolean gc) throws Exception {
        String tag = "v" + System.nanoTime();
        nodes[id].send("{\"op\":\"view\",\"tag\":\"" + tag + "\",\"gc\":" + gc + "}");
        return nodes[id].next("view", null);
    }

    private void awaitAllUp(String why) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            JsonNode states = view(0, false).path("states");
            boolean up = true;
            for (int i = 1; i < NODES; i++) {
                up &= "UP".equals(states.path(Integer.toString(i)).asText());
            }
            if (up) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not all UP in VIOS 0's view " + why + ": " + view(0, false));
    }

    /** A broadcast from {@code from} expecting every response; its result line. */
    private JsonNode broadcast(int from, String tag) throws Exception {
        NodeProcess n = nodes[from];
        synchronized (n) {
            n.send("{\"op\":\"send\",\"tag\":\"" + tag + "\",\"broadcast\":true,\"daemon\":10,\"expect\":\"all\",\"timeoutMillis\":"
                    + TIMEOUT_MILLIS + "}");
            JsonNode r = n.next("result", tag);
            assertTrue(r.path("sent").asBoolean(), "broadcast " + tag + " from VIOS " + from + " not sent: " + r);
            return r;
        }
    }

    /** "success", or "failed" with the responders that did not match and how their entries ended. */
    private static String outcome(JsonNode r) {
        StringBuilder key = new StringBuilder(r.path("success").asBoolean() ? "success" : "failed");
        for (JsonNode e : r.path("entries")) {
            if (!"MATCHED".equals(e.path("state").asText())) {
                key.append(' ').append(e.path("responder").asText()).append('=').append(e.path("state").asText());
            }
        }
        return key.toString();
    }

    private static void signal(NodeProcess n, String signal) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(n.process.pid())).start().waitFor());
    }

    @Test
    void aThousandBroadcastsThroughKillsAndStopsLeaveNothingOpen() throws Exception {
        key = tmp.resolve("c.key");
        assertEquals(Cli.OK, CliTest.run("cluster", "keygen", "--out", key.toString()).code());
        StringBuilder f = new StringBuilder("{\"name\":\"soak\",\"vioses\":[");
        for (int i = 0; i < NODES; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                f.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"vios").append(i)
                        .append("\",\"address\":\"127.0.0.1:").append(s.getLocalPort()).append("\",\"daemons\":[10]}");
            }
        }
        cluster = tmp.resolve("cluster.json");
        Files.writeString(cluster, f.append("]}").toString());
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        Map<String, Integer> probes = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> late = new ArrayList<>();
        long heapBefore = 0;
        long worstMicros = 0;
        try {
            for (int i = 0; i < NODES; i++) {
                start(i);
            }
            awaitAllUp("after the start");
            Thread resumer = null;
            for (int b = 0; b < BROADCASTS; b++) {
                if (b > 0 && b % 100 == 0) { // SIGKILL VIOS 1 and start it again: once ready, its first broadcast is answered by all
                    if (resumer != null) {
                        resumer.join(); // one fault at a time: the resumed VIOS's probe is not to meet a VIOS being restarted
                    }
                    nodes[1].process.destroyForcibly();
                    assertTrue(nodes[1].process.waitFor(10, TimeUnit.SECONDS));
                    start(1);
                    probes.merge("restarted: " + outcome(broadcast(1, "r" + b)), 1, Integer::sum);
                }
                if (b % 100 == 50) { // SIGSTOP VIOS 2 for 3 s
                    NodeProcess stopped = nodes[2];
                    signal(stopped, "STOP");
                    resumer = new Thread(() -> {
                        try {
                            Thread.sleep(3000);
                            signal(stopped, "CONT");
                            // resumed: it broadcasts at once
                            probes.merge("resumed: " + outcome(broadcast(2, "s" + System.nanoTime())), 1, Integer::sum);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    resumer.start();
                }
                if (b == 100) {
                    heapBefore = view(3, true).path("heapUsedBytes").asLong();
                }
                String tag = "b" + b;
                JsonNode r = broadcast(0, tag);
                long micros = r.path("elapsedMicros").asLong();
                worstMicros = Math.max(worstMicros, micros);
                if (micros > (TIMEOUT_MILLIS + 100) * 1000L) {
                    late.add(tag + " took " + micros / 1000 + " ms");
                }
                outcomes.merge(outcome(r), 1, Integer::sum);
            }
            if (resumer != null) {
                resumer.join();
            }
            awaitAllUp("at the end");
            Thread.sleep(2 * TIMEOUT_MILLIS); // anything still open now has outlived its timeout
            for (int i = 0; i < NODES; i++) {
                JsonNode v = view(i, false);
                assertEquals(0, v.path("openQueues").asInt(), "VIOS " + i + " keeps open response queues: " + v);
                assertEquals(0, v.path("openEntries").asInt(), "VIOS " + i + " keeps open entries: " + v);
            }
            long heapAfter = view(3, true).path("heapUsedBytes").asLong();
            ObjectNode summary = Json.object().put("soak", "broadcasts").put("broadcasts", BROADCASTS).put("worstMillis", worstMicros / 1000)
                    .put("heapBeforeBytes", heapBefore).put("heapAfterBytes", heapAfter);
            outcomes.forEach((k, v) -> summary.with("outcomes").put(k, v));
            probes.forEach((k, v) -> summary.with("probes").put(k, v));
            System.out.println(summary);
            assertEquals(List.of(), late, "requests that outlived their timeout by more than 100 ms");
            assertTrue(heapAfter < heapBefore + (16 << 20), "a survivor's heap grew from " + heapBefore + " to " + heapAfter);
            assertTrue(outcomes.getOrDefault("success", 0) >= BROADCASTS * 8 / 10, "fewer than 80% answered by all: " + outcomes);
            assertEquals(Map.of("restarted: success", (BROADCASTS - 1) / 100, "resumed: success", (BROADCASTS + 49) / 100), probes,
                    "a restarted VIOS's first broadcast, and a resumed one's, are answered by all: " + summary);
        } finally {
            for (NodeProcess n : nodes) {
                if (n != null) {
                    signal(n, "CONT");
                    n.close();
                }
            }
        }
    }
}
