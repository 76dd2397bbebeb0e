package org.viosbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.viosbench.trace.RecordedTrace;
import org.viosbench.trace.ShivizExport;
import org.viosbench.trace.TraceFile;
import org.viosbench.trace.TraceFileException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code viosbench trace export}: trace files for other tools. */
@Command(name = "trace", description = "Work with trace files (as `viosbench run` writes them).", subcommands = { TraceCommand.Export.class, TraceCommand.Dissector.class })
final class TraceCommand extends GroupCommand {

    @Command(name = "export", description = { "Export a trace for another tool: --shiviz writes ShiViz's log format (vector clocks per VIOS);",
            "--pcapng writes the packets the trace's kcluster sends carry, for Wireshark/tshark with the dissector of `trace dissector`",
            "(times relative to the first event, shown from 1970-01-01)." })
    static final class Export extends LeafCommand {
        @Parameters(paramLabel = "TRACE", description = "The trace file (JSON lines).")
        Path in;

        /** At least one output: picocli refuses the command line otherwise (exit 2). */
        static final class Outputs {
            @Option(names = "--shiviz", paramLabel = "OUT", description = "Where to write the ShiViz log.")
            Path shiviz;

            @Option(names = "--pcapng", paramLabel = "OUT", description = "Where to write the packets as pcapng.")
            Path pcapng;
        }

        @picocli.CommandLine.ArgGroup(exclusive = false, multiplicity = "1")
        Outputs outputs;

        @Override
        public Integer call() throws IOException {
            Path shiviz = outputs.shiviz;
            Path pcapng = outputs.pcapng;
            requireDistinct("--shiviz", shiviz, "TRACE", in);
            requireDistinct("--pcapng", pcapng, "TRACE", in, "--shiviz", shiviz);
            RecordedTrace t;
            try {
                t = TraceFile.read(in);
            } catch (NoSuchFileException e) {
                return fail(in + ": no such file");
            } catch (TraceFileException e) {
                return fail(Json.object().put("line", e.line()), in + ": " + e.getMessage());
            }
            com.fasterxml.jackson.databind.node.ObjectNode out = Json.object().put("ok", true).put("events", t.size());
            if (pcapng != null) {
                if (t.packetEvents().isEmpty()) {
                    return fail(in + ": the trace holds no packets (it was recorded without them, e.g. by an older viosbench); record"
                            + " it again with viosbench run ... --trace");
                }
                org.viosbench.protocol.Pcapng pcap = new org.viosbench.protocol.Pcapng();
                long t0 = t.event(0).timeNanos();
                for (int i : t.packetEvents()) {
                    pcap.add((t.event(i).timeNanos() - t0) / 1000, t.event(i).vios(), t.event(i).peer(), t.packet(i));
                }
                Files.write(pcapng, pcap.bytes());
                out.put("pcapng", pcapng.toString()).put("packets", t.packetEvents().size());
            }
            if (shiviz != null) {
                Files.writeString(shiviz, ShivizExport.shiviz(t));
                out.put("shiviz", shiviz.toString());
            }
            Json.print(spec.commandLine().getOut(), out);
            return Cli.OK;
        }
    }

    @Command(name = "dissector", description = { "Write the Wireshark Lua dissector of VIOS cluster packets (generated from the packet spec).",
            "Use: tshark -X lua_script:F -r RUN.pcapng (pcapng files from `viosbench run ... --pcapng`)." })
    static final class Dissector extends LeafCommand {
        @Option(names = "--lua", required = true, paramLabel = "FILE", description = "Where to write the dissector.")
        Path lua;

        @Override
        public Integer call() throws IOException {
            Files.writeString(lua, org.viosbench.protocol.WiresharkDissector.lua());
            Json.print(spec.commandLine().getOut(), Json.object().put("ok", true).put("file", lua.toString()));
            return Cli.OK;
        }
    }
}
