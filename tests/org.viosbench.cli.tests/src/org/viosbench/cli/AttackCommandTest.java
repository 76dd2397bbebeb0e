package org.viosbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** viosbench attack against a node process: refused by an authenticated node, through to an insecure one (shown as such). */
class AttackCommandTest {

    @TempDir
    Path tmp;

    private Path clusterFile(String name) throws Exception {
        StringBuilder f = new StringBuilder("{\"name\":\"" + name + "\",\"vioses\":[");
        for (int i = 0; i < 2; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                f.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"vios").append(i)
                        .append("\",\"address\":\"127.0.0.1:").append(s.getLocalPort()).append("\",\"daemons\":[10]}");
            }
        }
        Path p = tmp.resolve(name + ".json");
        Files.writeString(p, f.append("]}").toString());
        return p;
    }

    private static Map<String, JsonNode> attack(Path cluster) throws Exception {
        CliTest.Run r = CliTest.run("attack", "--cluster", cluster.toString(), "--target", "0");
        assertEquals(Cli.OK, r.code(), r.out() + r.err());
        Map<String, JsonNode> out = new HashMap<>();
        for (String line : r.out().strip().split("\n")) {
            JsonNode n = Json.MAPPER.readTree(line);
            out.put(n.path("attack").asText(), n);
        }
        return out;
    }

    @Test
    void attacksGetThroughToAnInsecureNodeAndNotToAnAuthenticatedOne() throws Exception {
        Path key = tmp.resolve("c.key");
        assertEquals(Cli.OK, CliTest.run("cluster", "keygen", "--out", key.toString()).code());
        Path keyed = clusterFile("keyed");
        Path open = clusterFile("open");
        Path tlsCluster = clusterFile("tls");
        CliTest.Run ca = CliTest.run("cluster", "ca", "--cluster", tlsCluster.toString(), "--out", tmp.resolve("tls").toString());
        assertEquals(Cli.OK, ca.code(), ca.out());
        assertEquals("[\"ca.crt\",\"ca.key\",\"vios-0.crt\",\"vios-0.key\",\"vios-1.crt\",\"vios-1.key\",\"db-server.crt\",\"db-server.key\",\"db-client.crt\",\"db-client.key\"]", ca.json().get("files").toString());
        CliTest.Run again = CliTest.run("cluster", "ca", "--cluster", tlsCluster.toString(), "--out", tmp.resolve("tls").toString());
        assertEquals(Cli.FAILURE, again.code(), "a CA's files are never overwritten: " + again.out());
        List<NodeProcess> nodes = new ArrayList<>();
        try {
            nodes.add(new NodeProcess(ChildViosbench.command(tmp.resolve("config-keyed"), List.of("node", "--id", "0", "--cluster",
                    keyed.toString(), "--key", key.toString())), tmp.resolve("keyed.log")));
            nodes.add(new NodeProcess(ChildViosbench.command(tmp.resolve("config-open"), List.of("node", "--id", "0", "--cluster",
                    open.toString(), "--insecure")), tmp.resolve("open.log")));
            nodes.add(new NodeProcess(ChildViosbench.command(tmp.resolve("config-tls"), List.of("node", "--id", "0", "--cluster",
                    tlsCluster.toString(), "--tls", tmp.resolve("tls").toString())), tmp.resolve("tls.log")));
            List<String> protections = new ArrayList<>();
            for (NodeProcess n : nodes) {
                protections.add(n.next("ready", null).path("protection").asText());
            }
            assertEquals(List.of("key", "none", "tls"), protections);
            Map<String, JsonNode> onTls = attack(tlsCluster);
            for (String a : List.of("forge", "replay", "heartbeat", "flood")) {
                assertFalse(onTls.get(a).path("gotThrough").asBoolean(), a + " against the TLS node: " + onTls.get(a));
            }
            Map<String, JsonNode> onKeyed = attack(keyed);
            for (String a : List.of("forge", "replay", "heartbeat", "flood")) {
                assertFalse(onKeyed.get(a).path("gotThrough").asBoolean(), a + " against the authenticated node: " + onKeyed.get(a));
            }
            assertTrue(onKeyed.get("forge").path("challenged").asBoolean(), "the authenticated node challenges first");

            Map<String, JsonNode> onOpen = attack(open);
            for (String a : List.of("forge", "replay", "heartbeat")) {
                assertTrue(onOpen.get(a).path("gotThrough").asBoolean(), a + " against the insecure node: " + onOpen.get(a));
            }
            assertEquals(3, onOpen.get("replay").path("frames").asInt(), "the frame, the same again, and with sequence+1");
            assertFalse(onOpen.get("flood").path("gotThrough").asBoolean(), "the connection limit holds without a key too: " + onOpen.get("flood"));
        } finally {
            nodes.forEach(NodeProcess::close);
        }
        CliTest.Run far = CliTest.run("attack", "--cluster", writeFar().toString(), "--target", "0");
        assertEquals(Cli.USAGE, far.code(), "not loopback: refused");
    }

    private Path writeFar() throws Exception {
        Path p = tmp.resolve("far.json");
        Files.writeString(p, "{\"name\":\"far\",\"vioses\":[{\"id\":0,\"name\":\"vios0\",\"address\":\"192.0.2.7:7400\"}]}");
        return p;
    }
}
