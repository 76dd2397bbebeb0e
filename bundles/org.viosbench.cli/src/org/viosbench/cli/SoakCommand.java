package org.viosbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.viosbench.transport.ClusterKey;
import org.viosbench.transport.TestCa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code viosbench soak}: the fault soak of real node processes. Four {@code viosbench node} JVMs on loopback
 * (authenticated by a fresh key unless told otherwise); VIOS 0 broadcasts, expecting every response; every 100
 * broadcasts VIOS 1 is SIGKILLed and started again (its first broadcast once ready must be answered by all), and
 * VIOS 2 is SIGSTOPped for 3 s and resumed (its first broadcast must be answered by all too). Passes when every
 * request ended within its timeout plus 100 ms, no response queue entry is left open in any node, a survivor's heap
 * stayed flat (under 16 MiB of growth after a collection) and at least 80% of the broadcasts were answered by all.
 */
@picocli.CommandLine.Command(name = "soak", description = { "Run the fault soak: 4 node processes on loopback, broadcasts from VIOS 0 expecting",
        "every response; every 100 VIOS 1 is SIGKILLed and restarted and VIOS 2 SIGSTOPped for 3 s. JSON lines: started, progress",
        "every 100, then a summary with ok true or false (exit 0 or 1): every request ended within its timeout + 100 ms, nothing",
        "left open in any response queue, heap flat, at least 80% answered by all, a restarted or resumed VIOS answered at once." })
final class SoakCommand extends LeafCommand {
    static final int NODES = 4;
    /** Latest a request may end after its timeout. */
    static final long GRACE_MILLIS = 100;
    /** Most a survivor's heap may grow, after a collection, from the 100th broadcast to the end. */
    static final long HEAP_GROWTH_BYTES = 16 << 20;

    @Option(names = "--broadcasts", paramLabel = "N", description = "How many broadcasts VIOS 0 sends (default ${DEFAULT-VALUE}; at least 1).")
    int broadcasts = 1000;

    @Option(names = "--timeout-millis", paramLabel = "MS", description = "Each broadcast's timeout (default ${DEFAULT-VALUE}).")
    int timeoutMillis = 1000;

    @Option(names = "--protection", paramLabel = "P", description = "key (default), tls or insecure: how the nodes' kcluster is protected.")
    String protection = "key";

    @Option(names = "--work", paramLabel = "DIR", description = "Keep the cluster file, keys and the nodes' logs there (default: a temporary "
            + "directory, removed when the soak passes, kept and named when it fails).")
    Path work;

    private final NodeProcess[] nodes = new NodeProcess[NODES];
    private final List<Long> pids = new ArrayList<>();
    private Path dir;
    private List<String> security;
    private int starts;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (broadcasts < 1) {
            throw new ParameterException(spec.commandLine(), "--broadcasts: " + broadcasts + " is not at least 1");
        }
        if (timeoutMillis < 100 || timeoutMillis > 60_000) {
            throw new ParameterException(spec.commandLine(), "--timeout-millis: " + timeoutMillis + " is not between 100 and 60000");
        }
        if (!List.of("key", "tls", "insecure").contains(protection)) {
            throw new ParameterException(spec.commandLine(), "--protection: " + protection + " is not one of key, tls, insecure");
        }
        dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("viosbench-soak");
        Path cluster = ClusterFile.writeLoopback(dir.resolve("cluster.json"), "soak", NODES, "", false);
        security = switch (protection) {
            case "key" -> {
                ClusterKey.writeNew(dir.resolve("cluster.key"));
                yield List.of("--key", dir.resolve("cluster.key").toString());
            }
            case "tls" -> {
                TestCa.write(dir.resolve("tls"), "soak", List.of(0, 1, 2, 3));
                yield List.of("--tls", dir.resolve("tls").toString());
            }
            default -> List.of("--insecure");
        };
        PrintWriter out = spec.commandLine().getOut();
        Thread cleanup = new Thread(this::stopAll, "viosbench-soak-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup); // Ctrl-C or SIGTERM: no node left behind, none left stopped
        ObjectNode summary;
        try {
            for (int i = 0; i < NODES; i++) {
                start(i, cluster);
            }
            awaitAllUp("after the start");
            ObjectNode started = Json.object().put("event", "started").put("nodes", NODES).put("broadcasts", broadcasts)
                    .put("protection", protection).put("work", dir.toString());
            pids.forEach(started.putArray("pids")::add);
            Json.print(out, started);
            summary = soak(cluster, out);
        } catch (IOException e) {
            summary = Json.object().put("event", "summary").put("ok", false).put("error", e.getMessage());
        } finally {
            stopAll();
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        synchronized (nodes) {
            pids.forEach(summary.putArray("pids")::add);
        }
        boolean ok = summary.path("ok").asBoolean();
        if (ok && work == null) {
            deleteTree(dir);
        } else {
            summary.put("work", dir.toString());
        }
        Json.print(out, summary);
        return ok ? Cli.OK : Cli.FAILURE;
    }

    private ObjectNode soak(Path cluster, PrintWriter out) throws IOException, InterruptedException {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        Map<String, Integer> probes = new ConcurrentHashMap<>();
        List<String> late = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long heapBefore = view(3, true).path("heapUsedBytes").asLong();
        long worstMicros = 0;
        Thread resumer = null;
        IOException[] resumerFailure = new IOException[1];
        for (int b = 0; b < broadcasts; b++) {
            if (b > 0 && b % 100 == 0) { // SIGKILL VIOS 1 and start it again: once ready, its first broadcast is answered by all
                if (resumer != null) {
                    resumer.join(); // one fault at a time: the resumed VIOS's probe is not to meet a VIOS being restarted
                }
                nodes[1].close();
                if (!nodes[1].process().waitFor(10, TimeUnit.SECONDS)) {
                    throw new IOException("VIOS 1 (pid " + nodes[1].process().pid() + ") did not end within 10 s of SIGKILL");
                }
                start(1, cluster);
                probes.merge("restarted: " + outcome(broadcast(1, "r" + b)), 1, Integer::sum);
            }
            if (b % 100 == 50) { // SIGSTOP VIOS 2 for 3 s; resumed, it broadcasts at once
                NodeProcess stopped = nodes[2];
                stopped.signal("STOP");
                resumer = Thread.ofPlatform().name("viosbench-soak-resumer").start(() -> {
                    try {
                        Thread.sleep(3000);
                        stopped.signal("CONT");
                        probes.merge("resumed: " + outcome(broadcast(2, "s" + System.nanoTime())), 1, Integer::sum);
                    } catch (IOException e) {
                        resumerFailure[0] = e;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            if (b == 100) {
                heapBefore = view(3, true).path("heapUsedBytes").asLong();
            }
            String tag = "b" + b;
            JsonNode r = broadcast(0, tag);
            long micros = r.path("elapsedMicros").asLong();
            worstMicros = Math.max(worstMicros, micros);
            if (micros > (timeoutMillis + GRACE_MILLIS) * 1000L) {
                late.add(tag + " took " + micros / 1000 + " ms");
            }
            outcomes.merge(outcome(r), 1, Integer::sum);
            if ((b + 1) % 100 == 0 || b + 1 == broadcasts) {
                Json.print(out, Json.object().put("event", "progress").put("broadcasts", b + 1).put("success", outcomes.getOrDefault("success", 0))
                        .put("worstMillis", worstMicros / 1000));
            }
        }
        if (resumer != null) {
            resumer.join();
        }
        if (resumerFailure[0] != null) {
            throw resumerFailure[0];
        }
        awaitAllUp("at the end");
        Thread.sleep(2L * timeoutMillis); // anything still open now has outlived its timeout
        ObjectNode summary = Json.object().put("event", "summary");
        ArrayNode open = summary.putArray("openAtTheEnd");
        for (int i = 0; i < NODES; i++) {
            JsonNode v = view(i, false);
            open.add(Json.object().put("vios", i).put("openQueues", v.path("openQueues").asInt()).put("openEntries", v.path("openEntries").asInt())
                    .put("late", v.path("late").asLong()).put("duplicates", v.path("duplicates").asLong()));
            if (v.path("openQueues").asInt() != 0 || v.path("openEntries").asInt() != 0) {
                problems.add("VIOS " + i + " keeps " + v.path("openQueues").asInt() + " response queues and " + v.path("openEntries").asInt()
                        + " entries open");
            }
        }
        long heapAfter = view(3, true).path("heapUsedBytes").asLong();
        if (!late.isEmpty()) {
            problems.add(late.size() + " requests outlived their timeout by more than " + GRACE_MILLIS + " ms");
        }
        if (heapAfter >= heapBefore + HEAP_GROWTH_BYTES) {
            problems.add("a survivor's heap grew from " + heapBefore + " to " + heapAfter + " bytes");
        }
        if (outcomes.getOrDefault("success", 0) < broadcasts * 8 / 10) {
            problems.add("fewer than 80% answered by all");
        }
        probes.forEach((probe, n) -> {
            if (!probe.endsWith(": success")) {
                problems.add(n + " probe(s) not answered by all: " + probe);
            }
        });
        summary.put("broadcasts", broadcasts).put("timeoutMillis", timeoutMillis).put("worstMillis", worstMicros / 1000)
                .put("heapBeforeBytes", heapBefore).put("heapAfterBytes", heapAfter).put("nodeStarts", starts);
        late.forEach(summary.putArray("late")::add);
        ObjectNode outcomeCounts = summary.putObject("outcomes");
        outcomes.forEach(outcomeCounts::put);
        ObjectNode probeCounts = summary.putObject("probes");
        probes.forEach(probeCounts::put);
        problems.forEach(summary.putArray("problems")::add);
        return summary.put("ok", problems.isEmpty());
    }

    private void start(int id, Path cluster) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("node", "--id", Integer.toString(id), "--cluster", cluster.toString()));
        args.addAll(security);
        int n = starts++;
        @SuppressWarnings("resource") // closed by stopAll, or when killed for the restart
        NodeProcess p = new NodeProcess(ChildViosbench.command(dir.resolve("vios" + id + "-" + n), args), dir.resolve("vios" + id + "-" + n + ".log"));
        synchronized (nodes) {
            nodes[id] = p;
            pids.add(p.process().pid());
        }
        p.next("ready", null);
    }

    private JsonNode view(int id, boolean gc) throws IOException, InterruptedException {
        String tag = "v" + System.nanoTime();
        NodeProcess n = nodes[id];
        synchronized (n) {
            n.send("{\"op\":\"view\",\"tag\":\"" + tag + "\",\"gc\":" + gc + "}");
            return n.next("view", tag);
        }
    }

    private void awaitAllUp(String why) throws IOException, InterruptedException {
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
        throw new IOException("not all VIOSes UP in VIOS 0's view " + why + ": " + view(0, false).path("states"));
    }

    /** A broadcast from {@code from} expecting every response; its result line. */
    private JsonNode broadcast(int from, String tag) throws IOException, InterruptedException {
        NodeProcess n = nodes[from];
        synchronized (n) {
            n.send("{\"op\":\"send\",\"tag\":\"" + tag + "\",\"broadcast\":true,\"daemon\":10,\"expect\":\"all\",\"timeoutMillis\":" + timeoutMillis
                    + "}");
            JsonNode r = n.next("result", tag);
            if (!r.path("sent").asBoolean()) {
                throw new IOException("broadcast " + tag + " from VIOS " + from + " not sent: " + r);
            }
            return r;
        }
    }

    /** "success", or "failed" with the responders that did not match and how their entries ended. */
    static String outcome(JsonNode r) {
        StringBuilder key = new StringBuilder(r.path("success").asBoolean() ? "success" : "failed");
        for (JsonNode e : r.path("entries")) {
            if (!"MATCHED".equals(e.path("state").asText())) {
                key.append(' ').append(e.path("responder").asText()).append('=').append(e.path("state").asText());
            }
        }
        return key.toString();
    }

    /** Resumes and kills every node started (idempotent; also the shutdown hook's work). */
    private void stopAll() {
        synchronized (nodes) {
            for (NodeProcess n : nodes) {
                if (n != null && n.process().isAlive()) {
                    try {
                        n.signal("CONT");
                    } catch (IOException | InterruptedException e) {
                        System.getLogger(SoakCommand.class.getName()).log(System.Logger.Level.DEBUG, "SIGCONT before the kill failed", e);
                    }
                    n.close();
                }
            }
            for (NodeProcess n : nodes) { // SIGKILL is asynchronous: gone when the soak says it is done
                try {
                    if (n != null && !n.process().waitFor(10, TimeUnit.SECONDS)) {
                        System.getLogger(SoakCommand.class.getName()).log(System.Logger.Level.WARNING, "node process {0} still there 10 s after SIGKILL",
                                n.process().pid());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (java.util.stream.Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
