package org.viosbench.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code viosbench}: the root of the command tree. Without a sub-command it shows the help. */
@Command(name = "viosbench",
        description = { "Test bench for the VIOS cluster communication protocol.",
                "Without arguments the ./viosbench script opens the desktop application; with a command it runs headless." },
        subcommands = { HelpCommand.class, VersionCommand.class, PacketCommand.class, BenchCommand.class, NodeCommand.class, ClusterCommand.class, AttackCommand.class, SoakCommand.class, ViosCommand.class, DbCommand.class, DbServerCommand.class, TopologyCommand.class, RunCommand.class, StepCommand.class, TraceCommand.class },
        footer = { "", "Exit codes: 0 ok, 1 failure, 2 usage error. Machine-readable output is JSON on stdout." })
final class RootCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--version", description = "Print the versions of viosbench and its components as JSON and exit.")
    boolean version;

    @Override
    public Integer call() {
        if (version) {
            return new VersionCommand().call(spec.commandLine().getOut());
        }
        spec.commandLine().usage(spec.commandLine().getOut());
        return Cli.OK;
    }
}
