package org.viosbench.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The options of the commands that run a topology's cluster and write its trace ({@code run}, {@code step}). */
final class TopologyTraceOptions {

    @Option(names = "--topology", required = true, paramLabel = "FILE", description = "The topology (*.vios.json) to run.")
    Path topologyFile;

    @Option(names = "--trace", required = true, paramLabel = "OUT", description = "Where to write the trace (JSON lines).")
    Path traceFile;
}
