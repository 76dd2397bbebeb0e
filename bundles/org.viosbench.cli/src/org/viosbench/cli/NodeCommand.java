package org.viosbench.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.viosbench.cluster.ClusterListener;
import org.viosbench.cluster.TcpNode;
import org.viosbench.cluster.ViosState;
import org.viosbench.engine.Message;
import org.viosbench.engine.QueueEntry;
import org.viosbench.engine.Request;
import org.viosbench.engine.RequestResult;
import org.viosbench.engine.SyscallException;
import org.viosbench.engine.Trace;
import org.viosbench.json.InputException;
import org.viosbench.json.JsonAt;
import org.viosbench.json.StrictJson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.netty.buffer.ByteBufUtil;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code viosbench node}: runs one VIOS of a multi-process cluster over TCP. Prints JSON lines
 * (ready, membership changes, request results) and takes JSON commands on stdin, one per line:
 * {@code {"op":"send","tag":"r1","to":[1,2]|"broadcast":true,"daemon":10,"payloadHex":"..",
 * "expect":"all"|"first"|N|"none","timeoutMillis":5000}}, {@code {"op":"view"}} (states, open response queues and
 * entries, late/duplicate/unexpected responses, heap; {@code "gc":true} collects first), {@code {"op":"quit"}}.
 * Ends at end of input or on quit.
 */
@Command(name = "node", description = { "Run one VIOS of a cluster whose VIOSes are separate processes (kcluster over TCP).",
        "With --db or --db-url this VIOS is the VIOS database node and runs the registration service.",
        "Output: JSON lines. Input: JSON commands on stdin (send, view, quit); see docs/architecture.md." })
final class NodeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "This VIOS's id in the cluster file.")
    long id;

    @Option(names = "--cluster", required = true, paramLabel = "FILE", description = "The cluster file (JSON) with every VIOS's address.")
    Path clusterFile;

    @Option(names = "--bind", paramLabel = "HOST", description = "Allow listening on this VIOS's non-loopback address HOST (default: loopback only).")
    String bind;

    @Option(names = "--slow-daemon", paramLabel = "ID:MILLIS", split = ",",
            description = "Also run daemon ID, answering like echo but only after MILLIS ms (for demos and tests of slow responders).")
    List<String> slowDaemons = new ArrayList<>();

    /** With --db or --db-url, this VIOS is the VIOS database node: it runs the registration service on that database. */
    @picocli.CommandLine.Mixin
    DbLocation database = new DbLocation();

    /** Authenticated (a key file) or, said out loud, not. */
    static final class Security {
        @Option(names = "--key", paramLabel = "FILE", description = { "The cluster key file (viosbench cluster keygen; mode 0600): every",
                "kcluster connection proves the key and every frame is authenticated." })
        Path keyFile;

        @Option(names = "--tls", paramLabel = "DIR", description = { "Mutual TLS instead of a key: DIR holds ca.crt and this VIOS's",
                "vios-ID.crt and vios-ID.key (viosbench cluster ca; the key mode 0600)." })
        Path tlsDir;

        @Option(names = "--insecure", description = "Run without a key: anyone who can reach the port can forge frames (said on every start).")
        boolean insecure;
    }

    @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Security security;

    @Option(names = "--register-with", paramLabel = "ID", description = "Register with the VIOS database node ID once connected (resent up to 5 times, 1 s apart).")
    Long registerWith;

    private PrintWriter out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        out = spec.commandLine().getOut();
        ClusterFile file;
        try {
            file = ClusterFile.read(clusterFile);
        } catch (ClusterFile.BadFileException e) {
            print(Json.object().put("event", "error").put("where", e.where()).put("detail", clusterFile + ": " + e.getMessage()));
            return Cli.FAILURE;
        } catch (java.nio.file.NoSuchFileException e) {
            print(Json.object().put("event", "error").put("detail", clusterFile + ": no such file"));
            return Cli.FAILURE;
        }
        org.viosbench.transport.ClusterKey key = null;
        if (security.keyFile != null) {
            try {
                key = org.viosbench.transport.ClusterKey.read(security.keyFile);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new ParameterException(spec.commandLine(), "--key: " + security.keyFile + ": no such file");
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--key: " + e.getMessage());
            }
        } else if (security.insecure) {
            print(Json.object().put("event", "warning").put("detail", "insecure: kcluster frames are not authenticated; anyone who reaches "
                    + "this node's port can forge them (run with --key FILE from viosbench cluster keygen, or --tls DIR)"));
        }
        org.viosbench.transport.ClusterTls tls = null;
        if (security.tlsDir != null) {
            try {
                tls = org.viosbench.transport.ClusterTls.load(security.tlsDir, (int) id);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--tls: " + e.getMessage());
            }
        }
        int self = (int) id;
        InetSocketAddress address = file.addresses().get(self);
        if (address == null) {
            throw new ParameterException(spec.commandLine(), "VIOS " + id + " is not in " + clusterFile + " (ids: "
                    + file.addresses().keySet() + ")");
        }
        if (!address.getAddress().isLoopbackAddress() && !address.getHostString().equals(bind)) {
            throw new ParameterException(spec.commandLine(), "VIOS " + id + "'s address " + address.getHostString()
                    + " is not loopback: pass --bind " + address.getHostString() + " to listen there");
        }
        ClusterListener listener = new ClusterListener() {
            @Override
            public void viosStateChanged(int viewer, int vios, ViosState state, String reason) {
                print(Json.object().put("event", "membership").put("vios", Integer.toUnsignedLong(vios)).put("state", state.name())
                        .put("reason", reason));
            }
        };
        org.viosbench.db.ViosDatabase db = null;
        if (database.given()) {
            try {
                db = org.viosbench.db.ViosDatabase.open(database.resolve(spec)); // before the node joins, so registrations find it
            } catch (org.viosbench.db.DatabaseException e) {
                print(Json.object().put("event", "error").put("detail", e.getMessage()));
                return Cli.FAILURE;
            }
        }
        TcpNode node;
        try {
            node = TcpNode.start(file.description(), file.addresses(), self, new Trace(), listener, null, key, tls);
        } catch (IllegalStateException e) {
            if (db != null) {
                db.close();
            }
            print(Json.object().put("event", "error").put("detail", e.getMessage()));
            return Cli.FAILURE;
        }
        try (node) {
            for (String slow : slowDaemons) {
                String[] parts = slow.split(":");
                try {
                    int daemon = Integer.parseInt(parts[0]);
                    long millis = Long.parseLong(parts[1]);
                    node.node().registerHandler(daemon, msg -> {
                        Thread.sleep(millis);
                        return org.viosbench.engine.Reply.ok(msg.payloadBytes());
                    });
                } catch (RuntimeException e) {
                    throw new ParameterException(spec.commandLine(), "--slow-daemon takes ID:MILLIS, not " + slow);
                }
            }
            org.viosbench.db.RegistrationService registrations = db == null ? null : new org.viosbench.db.RegistrationService(db);
            if (registrations != null) { // its database work runs on a bounded worker of its own, not the node's I/O thread
                node.node().registerHandler(org.viosbench.cluster.Registrar.REGISTRATION_DAEMON, registrations);
            }
            if (registerWith != null) {
                int dbNode = (int) registerWith.longValue();
                Thread registration = new Thread(() -> register(node, dbNode, address), "viosbench-registration");
                registration.setDaemon(true);
                registration.start();
            }
            try {
                return serve(node);
            } finally {
                if (registrations != null) {
                    registrations.close();
                    db.close();
                }
            }
        }
    }

    /** Registers with the database node once it can be reached (waits at most 10 s for the connection); prints the outcome. */
    private void register(TcpNode node, int dbNode, InetSocketAddress address) {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!node.node().kcluster().isReachable(dbNode) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            org.viosbench.cluster.Registrar.Result r = org.viosbench.cluster.Registrar.register(node.node().daemon(21), dbNode,
                    address.toString().getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(1), 5);
            ObjectNode out = Json.object().put("event", "registered").put("ok", r.ok()).put("attempts", r.attempts());
            if (r.ok()) {
                out.put("configuration", new String(r.reply(), StandardCharsets.UTF_8));
            } else {
                out.put("detail", r.error());
            }
            print(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long a starting node waits for the peers that are running to count it as joined before it says ready. */
    static final java.time.Duration JOIN = java.time.Duration.ofSeconds(10);

    /** Announces readiness once joined, then runs the commands of standard input until its end or quit. */
    private int serve(TcpNode node) throws IOException, InterruptedException {
        java.util.List<Integer> joined = node.awaitJoined(JOIN);
        ObjectNode ready = Json.object();
        print(ready.put("event", "ready").put("id", Integer.toUnsignedLong(node.node().id())).put("name", node.node().name())
                .put("authenticated", node.kcluster().authenticated())
                .put("protection", node.kcluster().protection())
                .put("address", node.localAddress().toString()).put("pid", ProcessHandle.current().pid())
                .set("joined", Json.MAPPER.valueToTree(joined)));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int number = 0;
        for (String line; (line = in.readLine()) != null;) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            if (!command(node, line, number)) {
                break;
            }
        }
        return Cli.OK;
    }

    /** Runs one input line; false to stop. A line that is not a command is answered with an error event naming where and what. */
    private boolean command(TcpNode node, String line, int number) {
        String tag = "";
        try {
            JsonAt cmd = JsonAt.root(StrictJson.parse(line, number));
            if (!cmd.node().isObject()) {
                throw cmd.problem("expected a JSON object such as {\"op\": \"view\"} (ops: send, view, quit)");
            }
            if (cmd.has("tag")) {
                tag = cmd.text("tag");
            }
            String op = cmd.text("op");
            switch (op) {
                case "quit":
                    cmd.object(Set.of("op", "tag"));
                    return false;
                case "view": {
                    cmd.object(Set.of("op", "tag", "gc"));
                    if (cmd.has("gc") && cmd.get("gc").node().asBoolean()) {
                        System.gc(); // for a heap figure that compares across a soak
                    }
                    Runtime rt = Runtime.getRuntime();
                    org.viosbench.engine.Correlator c = node.node().correlator();
                    ObjectNode view = Json.object().put("event", "view").put("tag", tag).put("refusedFrames", node.kcluster().refusedFrames())
                            .put("openQueues", c.openQueues().size())
                            .put("openEntries", c.openQueues().stream().mapToInt(q -> q.pendingResponders().length).sum())
                            .put("late", c.late()).put("duplicates", c.duplicates()).put("unexpected", c.unexpected())
                            .put("heapUsedBytes", rt.totalMemory() - rt.freeMemory());
                    ObjectNode states = view.putObject("states");
                    node.view().forEach((v, s) -> states.put(Integer.toUnsignedString(v), s.name()));
                    print(view);
                    return true;
                }
                case "send":
                    send(node, tag, org.viosbench.cluster.JsonMessage.read(cmd.node(), "", Set.of("op", "tag"), java.util.Map.of(), null));
                    return true;
                default:
                    throw cmd.problem("op", "unknown op \"" + org.viosbench.json.JsonAt.clipped(op) + "\" (send, view, quit)");
            }
        } catch (InputException e) {
            print(Json.object().put("event", "error").put("tag", tag).put("where", e.where()).put("detail", e.getMessage()));
            return true;
        }
    }

    private void send(TcpNode node, String tag, org.viosbench.engine.MessageSpec spec) {
        Message m = spec.message();
        for (int k = 0; k < spec.repeat(); k++) { // "repeat": that many requests, a result line each
            Request r;
            try {
                r = node.node().daemon(spec.sendingDaemon()).send(m);
            } catch (SyscallException e) {
                print(Json.object().put("event", "result").put("tag", tag).put("sent", false).put("errno", e.errno().name())
                        .put("detail", e.getMessage()));
                continue;
            }
            r.future().orTimeout(60, TimeUnit.SECONDS).whenComplete((result, error) -> print(result(tag, r, result, error)));
        }
    }

    private static ObjectNode result(String tag, Request r, RequestResult result, Throwable error) {
        ObjectNode n = Json.object().put("event", "result").put("tag", tag).put("sent", true).put("messageId", r.messageId());
        if (error != null) {
            return n.put("success", false).put("detail", "no result: " + error);
        }
        n.put("success", result.success()).put("elapsedMicros", result.elapsedNanos() / 1000);
        ArrayNode entries = n.putArray("entries");
        for (QueueEntry e : result.entries()) {
            ObjectNode en = entries.addObject().put("responder", Integer.toUnsignedLong(e.responder())).put("state", e.state().name());
            if (e.errorCode() >= 0) {
                en.put("errorCode", e.errorCode());
            }
            if (e.payload() != null) {
                en.put("payloadHex", ByteBufUtil.hexDump(e.payload()));
            }
        }
        return n;
    }

    private synchronized void print(ObjectNode n) {
        Json.print(out, n);
    }
}
