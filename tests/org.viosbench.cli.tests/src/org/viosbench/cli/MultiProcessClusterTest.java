package org.viosbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Four VIOS processes (`viosbench node`, each its own JVM and OSGi framework) on loopback TCP:
 * unicast and broadcast requests with responses through them, one process killed with SIGKILL in
 * the middle of a request, and every request ends.
 */
class MultiProcessClusterTest {

    @TempDir
    Path tmp;

    /** One `viosbench node` child process and the JSON lines it prints. */
    /** The command that starts a `viosbench node` in a framework like this test's own. */
    private List<String> nodeCommand(int id, Path clusterFile, String... extra) throws IOException {
        Path key = tmp.resolve("cluster.key");
        if (!Files.exists(key)) {
            assertEquals(Cli.OK, CliTest.run("cluster", "keygen", "--out", key.toString()).code());
        }
        List<String> args = new ArrayList<>(List.of("node", "--id", Integer.toString(id), "--cluster", clusterFile.toString(), "--key",
                key.toString()));
        args.addAll(List.of(extra));
        return ChildViosbench.command(tmp.resolve("config-" + id), args);
    }

    @Test
    void fourProcessesAnswerRequestsAndAKilledOneEndsItsRequests() throws Exception {
        Path clusterFile = ClusterFile.writeLoopback(tmp.resolve("cluster.json"), "four", 4, "\"heartbeatMillis\":100,\"failureTimeoutMillis\":1000",
                true);

        // VIOS 0 hosts the VIOS database; the others register with it when they are connected
        Path db = tmp.resolve("viosdb");
        List<org.viosbench.db.ClusterConfig.Vios> vioses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            vioses.add(new org.viosbench.db.ClusterConfig.Vios(i, "vios" + i, "CEC-" + i / 2, null, i == 0 ? "DB_PRIMARY" : "MEMBER"));
        }
        try (org.viosbench.db.ViosDatabase d = org.viosbench.db.ViosDatabase.open(db)) {
            d.config().save(new org.viosbench.db.ClusterConfig("four", 100, 1000,
                    List.of(new org.viosbench.db.ClusterConfig.Cec("CEC-0", "cec0"), new org.viosbench.db.ClusterConfig.Cec("CEC-1", "cec1")),
                    vioses, List.of(), List.of(), List.of()));
        }
        List<NodeProcess> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                List<String> extra = new ArrayList<>(i == 0 ? List.of("--db", db.toString()) : List.of("--register-with", "0"));
                if (i == 3) {
                    extra.addAll(List.of("--slow-daemon", "11:20000"));
                }
                nodes.add(new NodeProcess(nodeCommand(i, clusterFile, extra.toArray(new String[0])), tmp.resolve("node" + i + ".log")));
            }
            for (NodeProcess n : nodes) {
                JsonNode ready = n.next("ready", null);
                assertTrue(ready.path("authenticated").asBoolean(), "authenticated is the default with --key: " + ready);
            }
            for (int i = 1; i < 4; i++) {
                JsonNode registered = nodes.get(i).next("registered", null);
                assertTrue(registered.path("ok").asBoolean(), registered.toString());
                assertTrue(registered.path("configuration").asText().contains("vios " + i + " vios" + i + " CEC-" + i / 2 + " UP MEMBER"),
                        registered.toString());
            }
            NodeProcess zero = nodes.get(0);
            // the mesh forms in the background: ask until every VIOS sees the other three
            for (NodeProcess n : nodes) {
                for (int attempt = 0; ; attempt++) {
                    n.send("{\"op\":\"view\"}");
                    JsonNode view = n.next("view", null).path("states");
                    if (view.size() == 3 && view.toString().split("\"UP\"", -1).length - 1 == 3) {
                        break;
                    }
                    assertTrue(attempt < 100, "a VIOS never saw the others: " + view);
                    Thread.sleep(100);
                }
            }

            // a process without the key, on this machine, forges a response in VIOS 1's name to VIOS 0: refused, VIOS 1 still UP
            java.net.InetSocketAddress zeroAddress = ClusterFile.read(clusterFile).addresses().get(0);
            try (java.net.Socket forger = new java.net.Socket(zeroAddress.getAddress(), zeroAddress.getPort())) {
                java.io.DataInputStream in = new java.io.DataInputStream(forger.getInputStream());
                in.readFully(new byte[in.readInt()]); // the challenge it cannot answer
                byte[] forged = new byte[60];
                java.nio.ByteBuffer.wrap(forged).putInt(org.viosbench.protocol.Wire.OFF_SOURCE, 1);
                java.io.DataOutputStream out = new java.io.DataOutputStream(forger.getOutputStream());
                out.writeInt(forged.length);
                out.write(forged);
                out.flush();
                assertEquals(-1, in.read(), "the forger's connection is closed");
            }
            zero.send("{\"op\":\"view\"}");
            JsonNode seen = zero.next("view", null);
            assertTrue(seen.path("refusedFrames").asLong() >= 1, seen.toString());
            assertEquals("UP", seen.at("/states/1").asText(), seen.toString());

            // bad command lines are answered with where and what; the node goes on
            zero.send("{\"op\":\"send\",\"tag\":\"t\",\"to\":[2],\"daemn\":10}");
            JsonNode typo = zero.next("error", "t");
            assertEquals("/daemn", typo.path("where").asText(), typo.toString());
            zero.send("{\"op\":\"send\",\"tag\":\"t2\",\"tag\":\"t3\"}");
            assertTrue(zero.next("error", null).path("detail").asText().contains("appears twice"));
            zero.send("[\"view\"]");
            assertTrue(zero.next("error", null).path("detail").asText().contains("expected a JSON object"));
            zero.send("{\"op\":\"jump\",\"tag\":\"j\"}");
            assertEquals("/op", zero.next("error", "j").path("where").asText());
            zero.send("{\"op\":\"send\",\"tag\":\"u\",\"to\":[2],\"payloadHex\":\"c0ffee\"}");
            JsonNode unicast = zero.next("result", "u");
            assertTrue(unicast.path("success").asBoolean(), unicast.toString());
            assertEquals("c0ffee", unicast.at("/entries/0/payloadHex").asText());

            zero.send("{\"op\":\"send\",\"tag\":\"b\",\"broadcast\":true,\"payloadHex\":\"0102\"}");
            JsonNode broadcast = zero.next("result", "b");
            assertTrue(broadcast.path("success").asBoolean(), broadcast.toString());
            assertEquals(3, broadcast.path("entries").size());

            // a request VIOS 3 will never finish (20 s handler, no timeout), then SIGKILL VIOS 3
            zero.send("{\"op\":\"send\",\"tag\":\"k\",\"to\":[1,3],\"daemon\":11,\"timeoutMillis\":0}");
            Thread.sleep(500);
            nodes.get(3).process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            JsonNode killed = zero.next("result", "k");
            assertFalse(killed.path("success").asBoolean());
            assertEquals("ERROR", killed.at("/entries/0/state").asText(), "VIOS 1 has no daemon 11: " + killed);
            assertEquals("SUSPECTED", killed.at("/entries/1/state").asText(), killed.toString());

            zero.send("{\"op\":\"send\",\"tag\":\"after\",\"broadcast\":true,\"payloadHex\":\"03\"}");
            JsonNode after = zero.next("result", "after");
            assertTrue(after.path("success").asBoolean(), after.toString());
            assertEquals(2, after.path("entries").size(), "the killed VIOS is not waited for: " + after);

            for (int i = 0; i < 3; i++) {
                nodes.get(i).send("{\"op\":\"quit\"}");
                assertTrue(nodes.get(i).process().waitFor(20, TimeUnit.SECONDS), "VIOS " + i + " did not stop");
                assertEquals(0, nodes.get(i).process().exitValue());
            }
        } finally {
            nodes.forEach(NodeProcess::close);
        }
    }

    /**
     * Four nodes started at the same moment on this machine (2 cores on CI: four JVMs starting at once keep them busy
     * for seconds), with the default heartbeat and failure timeout: no VIOS is ever suspected by another, during the
     * start or in the idle seconds after it.
     */
    @Test
    void fourNodesStartedAtOnceNeverSuspectEachOther() throws Exception {
        Path clusterFile = ClusterFile.writeLoopback(tmp.resolve("together.json"), "together", 4, "", false);
        List<NodeProcess> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                nodes.add(new NodeProcess(nodeCommand(i, clusterFile), tmp.resolve("together" + i + ".log")));
            }
            List<JsonNode> membership = new ArrayList<>();
            for (NodeProcess n : nodes) { // every line up to ready, membership kept
                for (JsonNode line = n.poll(30, TimeUnit.SECONDS);; line = n.poll(30, TimeUnit.SECONDS)) {
                    assertNotNull(line, "a node did not get ready within 30 s");
                    if ("ready".equals(line.path("event").asText())) {
                        break;
                    }
                    membership.add(line);
                }
            }
            Thread.sleep(3000); // idle, three failure timeouts
            // then what an idle node costs: CPU time over 5 s, per node
            long[] cpuBefore = new long[4];
            for (int i = 0; i < 4; i++) {
                cpuBefore[i] = nodes.get(i).process().info().totalCpuDuration().orElseThrow().toNanos();
            }
            long idleStart = System.nanoTime();
            Thread.sleep(5000);
            List<Double> idlePercent = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                long cpu = nodes.get(i).process().info().totalCpuDuration().orElseThrow().toNanos() - cpuBefore[i];
                idlePercent.add(Math.round(1000.0 * cpu / (System.nanoTime() - idleStart)) / 10.0);
            }
            System.out.println("{\"idleNodeCpuPercentOfACore\":" + idlePercent + "}");
            // seconds after the start the JIT still compiles (a few % of a core; about 1% once settled: the I/O thread's
            // heartbeats): only a thread that spins would come near a quarter of a core
            assertTrue(idlePercent.stream().allMatch(p -> p < 25), "an idle node busy: " + idlePercent + " % of a core");
            for (NodeProcess n : nodes) { // what they said until now (not what they say of each other when they quit)
                for (JsonNode line; (line = n.poll(0, TimeUnit.SECONDS)) != null;) {
                    membership.add(line);
                }
            }
            for (NodeProcess n : nodes) {
                n.send("{\"op\":\"quit\"}");
                assertTrue(n.process().waitFor(20, TimeUnit.SECONDS));
            }
            List<String> suspicions = membership.stream().filter(l -> "membership".equals(l.path("event").asText()))
                    .filter(l -> !"UP".equals(l.path("state").asText())).map(JsonNode::toString).toList();
            assertEquals(List.of(), suspicions, "VIOSes suspected while all were starting or idle");
            assertTrue(membership.stream().filter(l -> "membership".equals(l.path("event").asText())).count() >= 4 * 3,
                    "every VIOS saw the three others come UP: " + membership);
        } finally {
            nodes.forEach(NodeProcess::close);
        }
    }
}
