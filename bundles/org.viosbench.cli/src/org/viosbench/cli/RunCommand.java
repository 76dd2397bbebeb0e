package org.viosbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.viosbench.cluster.EmbeddedCluster;
import org.viosbench.cluster.Faults;
import org.viosbench.engine.QueueEntry;
import org.viosbench.engine.Request;
import org.viosbench.engine.RequestResult;
import org.viosbench.engine.SyscallException;
import org.viosbench.engine.Trace;
import org.viosbench.engine.TraceEvent;
import org.viosbench.session.Conversions;
import org.viosbench.topology.Topology;
import org.viosbench.trace.RecordedTrace;
import org.viosbench.trace.TraceFile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code viosbench run}: a scenario on the embedded cluster of a topology, its trace written as a trace file. */
@Command(name = "run", description = { "Run a scenario (docs/scenario-format.md) on the embedded cluster of a topology and write its trace",
        "(JSON lines, docs/trace-format in TraceFile). Prints one JSON line: each fired request's outcome, the events written." })
final class RunCommand extends LeafCommand {

    @picocli.CommandLine.Mixin
    TopologyTraceOptions files;

    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "The scenario to play.")
    Path scenarioFile;

    @Option(names = "--pcapng", paramLabel = "OUT", description = { "Also write every packet sent (heartbeats left out) as pcapng for",
            "Wireshark/tshark with the dissector of `viosbench trace dissector --lua F`." })
    Path pcapngFile;

    @Override
    public Integer call() throws IOException, InterruptedException {
        requireDistinct("--trace", files.traceFile, "--topology", files.topologyFile, "--scenario", scenarioFile);
        requireDistinct("--pcapng", pcapngFile, "--topology", files.topologyFile, "--scenario", scenarioFile, "--trace", files.traceFile);
        Topology t = TopologyCommand.readRunnable(spec, files.topologyFile);
        if (t == null) {
            return Cli.FAILURE;
        }
        Set<Integer> ids = new TreeSet<>();
        t.vioses().forEach(v -> ids.add((int) v.id()));
        Scenario scenario;
        try {
            scenario = Scenario.read(scenarioFile, ids);
        } catch (java.nio.file.NoSuchFileException e) {
            return fail(scenarioFile + ": no such file");
        } catch (Scenario.BadScenarioException e) {
            return fail(Json.object().put("where", e.where()), scenarioFile + ": " + e.getMessage());
        }
        List<TraceEvent> events = Collections.synchronizedList(new ArrayList<>());
        Trace trace = new Trace();
        trace.addListener(events::add);
        ObjectNode out = Json.object().put("ok", true);
        ArrayNode fired = out.putArray("requests");
        // per fire step, its requests (one, or "repeat" of them), in the order sent
        Map<Integer, List<Request>> requests = new java.util.TreeMap<>();
        long epochMicros = System.currentTimeMillis() * 1000;
        long epochNanos = System.nanoTime();
        try (EmbeddedCluster c = EmbeddedCluster.start(Conversions.toClusterDescription(t), trace, 1)) {
            long start = System.nanoTime();
            for (Scenario.Step s : scenario.steps()) {
                long wait = start + TimeUnit.MILLISECONDS.toNanos(s.atMillis()) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                switch (s.action()) {
                    case "fire" -> {
                        for (int k = 0; k < s.fire().repeat(); k++) {
                            try {
                                requests.computeIfAbsent(s.index(), x -> new ArrayList<>())
                                        .add(c.node(s.vios()).daemon(s.fire().sendingDaemon()).send(s.fire().message()));
                            } catch (SyscallException | IllegalStateException e) {
                                fired.addObject().put("step", s.index()).put("sent", false).put("error", e.getMessage());
                            }
                        }
                    }
                    case "kill" -> c.kill(s.vios());
                    case "restart" -> c.restart(s.vios());
                    case "drop" -> {
                        c.faults().drop(s.vios(), Faults.ANY, s.percent() / 100);
                        c.faults().drop(Faults.ANY, s.vios(), s.percent() / 100);
                    }
                    case "delay" -> {
                        c.faults().delay(s.vios(), Faults.ANY, Duration.ofMillis(s.millis()), Duration.ZERO);
                        c.faults().delay(Faults.ANY, s.vios(), Duration.ofMillis(s.millis()), Duration.ZERO);
                    }
                    case "cut" -> c.faults().partition(Set.of(s.vios()), Set.of(s.other()));
                    default -> c.faults().heal();
                }
            }
            for (Map.Entry<Integer, List<Request>> step : requests.entrySet()) {
                for (Request r : step.getValue()) {
                    RequestResult result = r.future().orTimeout(60, TimeUnit.SECONDS).exceptionally(x -> null).join();
                    ObjectNode n = fired.addObject().put("step", step.getKey()).put("sent", true).put("messageId", r.messageId());
                    if (result == null) {
                        n.put("success", false).put("error", "no result within 60 s");
                        continue;
                    }
                    n.put("success", result.success()).put("elapsedMicros", result.elapsedNanos() / 1000);
                    ArrayNode entries = n.putArray("entries");
                    for (QueueEntry e : result.entries()) {
                        entries.addObject().put("responder", Integer.toUnsignedLong(e.responder())).put("state", e.state().name());
                    }
                }
            }
        }
        List<TraceEvent> sorted;
        synchronized (events) {
            sorted = new ArrayList<>(events);
        }
        sorted.sort(Comparator.comparingLong(TraceEvent::timeNanos));
        Map<Integer, String> names = TopologyCommand.viosNames(t);
        // every kcluster send carries its packet (broadcasts: one per receiver), so the capture is the trace's sends
        RecordedTrace recorded = new RecordedTrace(sorted, names);
        TraceFile.write(recorded, files.traceFile);
        if (pcapngFile != null) {
            org.viosbench.protocol.Pcapng pcap = new org.viosbench.protocol.Pcapng();
            for (int i : recorded.packetEvents()) {
                TraceEvent e = recorded.event(i);
                pcap.add(epochMicros + (e.timeNanos() - epochNanos) / 1000, e.vios(), e.peer(), e.packet());
            }
            java.nio.file.Files.write(pcapngFile, pcap.bytes());
            out.put("pcapng", pcapngFile.toString());
        }
        Json.print(spec.commandLine().getOut(), out.put("trace", files.traceFile.toString()).put("events", sorted.size()));
        return Cli.OK;
    }
}
