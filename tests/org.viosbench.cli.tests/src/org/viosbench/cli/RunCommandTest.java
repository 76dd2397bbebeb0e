package org.viosbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viosbench.cli.CliTest.Run;
import org.viosbench.trace.RecordedTrace;
import org.viosbench.trace.TraceCursor;
import org.viosbench.trace.TraceFile;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code viosbench run} plays a scenario on the drawn cluster and writes its trace; {@code trace export --shiviz}. */
class RunCommandTest {

    @TempDir
    Path tmp;

    static final String SCENARIO = """
            { "format" : "viosbench-scenario", "version" : 1,
              "steps" : [
                { "at" : 0,   "fire" : { "from" : 1, "broadcast" : true, "daemon" : 10, "payload" : "hi", "expect" : "all", "timeoutMillis" : 3000 } },
                { "at" : 100, "kill" : 4 },
                { "at" : 150, "fire" : { "from" : 1, "to" : [2, 4], "daemon" : 10, "expect" : "all", "timeoutMillis" : 3000 } }
              ] }
            """;

    /** The small sample topology as a file. */
    private Path small() throws Exception {
        Path topology = tmp.resolve("small.vios.json");
        assertEquals(Cli.OK, CliTest.run("topology", "sample", "small", "--out", topology.toString()).code());
        return topology;
    }

    /** Runs {@code scenario} on the small sample, its trace to t.jsonl, with {@code more} options. */
    private Run runSmall(String scenario, String... more) throws Exception {
        Path file = tmp.resolve("s.json");
        Files.writeString(file, scenario);
        List<String> args = new java.util.ArrayList<>(List.of("run", "--topology", small().toString(), "--scenario", file.toString(), "--trace",
                tmp.resolve("t.jsonl").toString()));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    @Test
    void aScenarioRunsAndItsTraceSteps() throws Exception {
        Path topology = tmp.resolve("small.vios.json");
        assertEquals(Cli.OK, CliTest.run("topology", "sample", "small", "--out", topology.toString()).code());
        String text = Files.readString(topology).replace("\"failureTimeoutMillis\" : 1000", "\"failureTimeoutMillis\" : 400");
        Files.writeString(topology, text);
        Path scenario = tmp.resolve("s.json");
        Files.writeString(scenario, SCENARIO);
        Path trace = tmp.resolve("run.jsonl");
        Path pcap = tmp.resolve("run.pcapng");
        Run r = CliTest.run("run", "--topology", topology.toString(), "--scenario", scenario.toString(), "--trace", trace.toString(),
                "--pcapng", pcap.toString());
        assertEquals(Cli.OK, r.code(), r.out() + r.err());
        JsonNode j = r.json();
        JsonNode first = j.at("/requests/0");
        assertTrue(first.path("success").asBoolean(), first.toString());
        assertEquals(3, first.path("entries").size());
        JsonNode second = j.at("/requests/1");
        assertFalse(second.path("success").asBoolean(), second.toString());
        assertEquals("SUSPECTED", second.at("/entries/1/state").asText(), second.toString());

        RecordedTrace t = TraceFile.read(trace);
        assertEquals(j.path("events").asInt(), t.size());
        assertEquals("vios4", t.names().get(4));
        TraceCursor c = new TraceCursor(t);
        c.jumpToTime(Long.MAX_VALUE);
        assertEquals("success", c.queue(first.path("messageId").asLong()).completion());
        assertEquals("failed", c.queue(second.path("messageId").asLong()).completion());
        // every kcluster send carries its packet, the broadcast's three requests included, and says what it is
        long broadcast = first.path("messageId").asLong();
        List<Integer> requests = new java.util.ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            org.viosbench.engine.TraceEvent e = t.event(i);
            if (e.kind() == org.viosbench.engine.TraceKind.TRANSMIT) {
                assertTrue(e.packet() != null && e.packet().length == e.bytes(), "send " + i + " carries its packet: " + e);
                if (e.messageId() == broadcast && !e.response()) {
                    requests.add(e.peer());
                    assertTrue(e.broadcast(), e.toString());
                }
            }
        }
        assertEquals(List.of(2, 3, 4), requests, "one send of the broadcast request per receiver");
        Run export = CliTest.run("trace", "export", trace.toString(), "--pcapng", tmp.resolve("again.pcapng").toString());
        assertEquals(Cli.OK, export.code(), export.out());
        assertEquals(t.packetEvents().size(), export.json().path("packets").asInt());
        assertEquals(Files.size(tmp.resolve("again.pcapng")), Files.size(pcap), "the run's capture holds the same packets as the trace's sends");

        Path shiviz = tmp.resolve("run.shiviz");
        export = CliTest.run("trace", "export", trace.toString(), "--shiviz", shiviz.toString());
        assertEquals(Cli.OK, export.code(), export.out());
        assertTrue(Files.readString(shiviz).startsWith(org.viosbench.trace.ShivizExport.REGEX + "\n\n"));
        Files.writeString(trace, "{\"format\":\"viosbench-trace\",\"version\":1,\"vioses\":{}}\n{oops\n");
        Run bad = CliTest.run("trace", "export", trace.toString(), "--shiviz", shiviz.toString());
        assertEquals(Cli.FAILURE, bad.code());
        assertEquals(2, bad.json().path("line").asInt(), bad.out());
    }

    @Test
    void badScenariosAreRefusedWithWhere() throws Exception {
        Path topology = tmp.resolve("small.vios.json");
        assertEquals(Cli.OK, CliTest.run("topology", "sample", "small", "--out", topology.toString()).code());
        Path scenario = tmp.resolve("s.json");
        Path trace = tmp.resolve("t.jsonl");
        String[][] cases = {
                { SCENARIO.replace("\"kill\" : 4", "\"kill\" : 99"), "/steps/1/kill" },
                { SCENARIO.replace("\"kill\" : 4", "\"kill\" : 4, \"heal\" : true"), "exactly one action" },
                { SCENARIO.replace("\"at\" : 100,", ""), "/steps/1/at" },
                { SCENARIO.replace("\"expect\" : \"all\", \"timeoutMillis\" : 3000 } },", "\"expect\" : \"most\", \"timeoutMillis\" : 3000 } },"),
                        "/steps/0/fire/expect" },
                { SCENARIO.replace("\"version\" : 1", "\"version\" : 3"), "/version" },
                // the message rules every way of firing shares (MessageSpec): a VIOS the topology lacks, unknown fields, text for numbers
                { SCENARIO.replace("\"to\" : [2, 4]", "\"to\" : [2, 9]"), "/steps/2/fire/to: VIOS 9 is not in the cluster" },
                { SCENARIO.replace("\"daemon\" : 10, \"payload\"", "\"deamon\" : 10, \"payload\""), "/steps/0/fire/deamon: unknown field" },
                { SCENARIO.replace("\"timeoutMillis\" : 3000 } },", "\"timeoutMillis\" : \"3000\" } },"),
                        "/steps/0/fire/timeoutMillis: must be a whole number" },
                // strict JSON, as every input of viosbench: keys once, no unknown fields, no text for numbers
                { SCENARIO.replace("\"kill\" : 4", "\"kill\" : 4, \"kill\" : 3"), "the key \"kill\" appears twice" },
                { SCENARIO.replace("\"kill\" : 4", "\"drop\" : { \"vios\" : 4, \"percent\" : 30, \"both\" : true }"),
                        "/steps/1/drop/both: unknown field" },
                { SCENARIO.replace("\"kill\" : 4", "\"kill\" : \"4\""), "/steps/1/kill: expected a whole number" },
                { SCENARIO.replace("\"kill\" : 4", "\"cut\" : [1, 2, 3]"), "/steps/1/cut: two VIOS ids" },
                { "{ \"format\" : ", "line 1" } };
        for (String[] c : cases) {
            Files.writeString(scenario, c[0]);
            Run r = CliTest.run("run", "--topology", topology.toString(), "--scenario", scenario.toString(), "--trace", trace.toString());
            assertEquals(Cli.FAILURE, r.code(), c[1] + ": " + r.out());
            assertTrue(r.json().path("error").asText().contains(c[1]), c[1] + ": " + r.out());
            assertFalse(Files.exists(trace), "nothing run, nothing written");
        }
    }

    /** An output that names an input is a usage error, and the input is left as it was. */
    @Test
    void anOutputThatIsAnInputIsRefusedAndTheInputKept() throws Exception {
        Path topology = small();
        Path scenario = tmp.resolve("s.json");
        Files.writeString(scenario, SCENARIO);
        Run r = CliTest.run("run", "--topology", topology.toString(), "--scenario", scenario.toString(), "--trace", scenario.toString());
        assertEquals(Cli.USAGE, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--trace: " + scenario + " is also the --scenario file"), r.err());
        assertEquals(SCENARIO, Files.readString(scenario), "the scenario is untouched");
        Path trace = tmp.resolve("t.jsonl");
        Run pcap = CliTest.run("run", "--topology", topology.toString(), "--scenario", scenario.toString(), "--trace", trace.toString(),
                "--pcapng", trace.toString());
        assertEquals(Cli.USAGE, pcap.code(), pcap.out() + pcap.err());
        Run svg = CliTest.run("topology", "export", topology.toString(), "--svg", topology.toString());
        assertEquals(Cli.USAGE, svg.code());
        assertTrue(Files.readString(topology).contains("viosbench-topology"), "the topology is untouched");
        // a FIFO as the scenario is refused at once, not waited on
        Path fifo = tmp.resolve("fifo.json");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Run f = CliTest.run("run", "--topology", topology.toString(), "--scenario", fifo.toString(), "--trace", trace.toString());
        assertEquals(Cli.FAILURE, f.code());
        assertTrue(f.json().path("error").asText().contains("not a regular file"), f.out());
    }

    /** A fire step may repeat its message: one request line each, all answered. */
    @Test
    void aFireStepRepeats() throws Exception {
        Run r = runSmall("""
                { "format" : "viosbench-scenario", "version" : 1,
                  "steps" : [ { "at" : 0, "fire" : { "from" : 2, "to" : [3], "repeat" : 3 } } ] }
                """);
        assertEquals(Cli.OK, r.code(), r.out());
        assertEquals(3, r.json().path("requests").size(), r.out());
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (JsonNode q : r.json().path("requests")) {
            assertTrue(q.path("success").asBoolean(), q.toString());
            assertEquals(0, q.path("step").asInt());
            ids.add(q.path("messageId").asLong());
        }
        assertEquals(3, ids.size(), "three requests");
    }

    /** tshark reads the pcapng of a run with the generated dissector, every header field and entry named (CI installs tshark). */
    @Test
    void tsharkDecodesARunWithTheGeneratedDissector() throws Exception {
        Path pcap = tmp.resolve("run.pcapng");
        Run r = runSmall("""
                { "format" : "viosbench-scenario", "version" : 1,
                  "steps" : [ { "at" : 0, "fire" : { "from" : 1, "to" : [2], "daemon" : 10, "payload" : "hello", "expect" : "all" } } ] }
                """, "--pcapng", pcap.toString());
        assertEquals(Cli.OK, r.code(), r.out());
        long id = r.json().at("/requests/0/messageId").asLong();
        Path lua = tmp.resolve("viosbench.lua");
        assertEquals(Cli.OK, CliTest.run("trace", "dissector", "--lua", lua.toString()).code());
        assertTrue(java.util.stream.Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "tshark"))),
                "tshark is not installed (Debian: apt-get install tshark; .ci/run installs it)");
        Process p = new ProcessBuilder("tshark", "-X", "lua_script:" + lua, "-r", pcap.toString(), "-T", "fields", "-e", "viosbench.from",
                "-e", "viosbench.to", "-e", "viosbench.type", "-e", "viosbench.msgid", "-e", "viosbench.flags", "-e", "viosbench.entry",
                "-e", "viosbench.payload").redirectError(tmp.resolve("tshark.err").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out + Files.readString(tmp.resolve("tshark.err")));
        String[] lines = out.strip().split("\n");
        assertEquals(2, lines.length, "the request and its response: " + out);
        String[] request = lines[0].split("\t", -1);
        assertEquals("1", request[0]);
        assertEquals("2", request[1]);
        assertEquals("0x0001", request[2].toLowerCase(java.util.Locale.ROOT).replace("0x00000001", "0x0001"));
        assertEquals(Long.toString(id), request[3]);
        assertTrue(request[5].contains("0x01") && request[5].contains("0x03"), "EXPECTED_RESPONSES and TARGET_DAEMON entries: " + request[5]);
        assertEquals("68656c6c6f", request[6].replace(":", ""), "the payload");
        String[] response = lines[1].split("\t", -1);
        assertEquals("2", response[0]);
        assertEquals(Long.toString(id), response[3]);

        // the trace file carries the same packets: exported from it, tshark decodes the same fields
        Path fromTrace = tmp.resolve("from-trace.pcapng");
        Run export = CliTest.run("trace", "export", tmp.resolve("t.jsonl").toString(), "--pcapng", fromTrace.toString());
        assertEquals(Cli.OK, export.code(), export.out());
        assertEquals(2, export.json().get("packets").asInt());
        Process q = new ProcessBuilder("tshark", "-X", "lua_script:" + lua, "-r", fromTrace.toString(), "-T", "fields", "-e", "viosbench.from",
                "-e", "viosbench.to", "-e", "viosbench.type", "-e", "viosbench.msgid", "-e", "viosbench.flags", "-e", "viosbench.entry",
                "-e", "viosbench.payload").redirectError(tmp.resolve("tshark2.err").toFile()).start();
        String again = new String(q.getInputStream().readAllBytes());
        assertEquals(0, q.waitFor(), again + Files.readString(tmp.resolve("tshark2.err")));
        assertEquals(out, again, "the same packets, fields and entries as the run's own pcapng");
    }

    @Test
    void traceExportNeedsAnOutputAndPacketsToWritePcapng() throws Exception {
        Path old = tmp.resolve("old.jsonl");
        org.viosbench.trace.TraceFile.write(new org.viosbench.trace.RecordedTrace(java.util.List.of(new org.viosbench.engine.TraceEvent(1, 1,
                org.viosbench.engine.Layer.KCLUSTER, org.viosbench.engine.TraceKind.TRANSMIT, 3, 2, 50, "unicast")), java.util.Map.of(1, "a")), old);
        Run none = CliTest.run("trace", "export", old.toString());
        assertEquals(Cli.USAGE, none.code(), none.out());
        Run noPackets = CliTest.run("trace", "export", old.toString(), "--pcapng", tmp.resolve("x.pcapng").toString());
        assertEquals(Cli.FAILURE, noPackets.code());
        assertTrue(noPackets.json().get("error").asText().contains("holds no packets"), noPackets.out());
        assertFalse(Files.exists(tmp.resolve("x.pcapng")), "nothing written");
    }
}
