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

    @Command(name = "export", description = "Export a trace for another tool: --shiviz writes ShiViz's log format (vector clocks per VIOS).")
    static final class Export extends LeafCommand {
        @Parameters(paramLabel = "TRACE", description = "The trace file (JSON lines).")
        Path in;

        @Option(names = "--shiviz", required = true, paramLabel = "OUT", description = "Where to write the ShiViz log.")
        Path shiviz;

        @Override
        public Integer call() throws IOException {
            RecordedTrace t;
            try {
                t = TraceFile.read(in);
            } catch (NoSuchFileException e) {
                Json.print(spec.commandLine().getOut(), Json.object().put("ok", false).put("error", in + ": no such file"));
                return Cli.FAILURE;
            } catch (TraceFileException e) {
                Json.print(spec.commandLine().getOut(), Json.object().put("ok", false).put("error", in + ": " + e.getMessage())
                        .put("line", e.line()));
                return Cli.FAILURE;
            }
            Files.writeString(shiviz, ShivizExport.shiviz(t));
            Json.print(spec.commandLine().getOut(), Json.object().put("ok", true).put("file", shiviz.toString()).put("events", t.size()));
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
