package org.viosbench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.viosbench.cli.info.ComponentVersions;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code viosbench version}: the component versions as one JSON object. */
@Command(name = "version", mixinStandardHelpOptions = false,
        description = "Print the versions of viosbench, Eclipse, GEF, Derby, Netty and Java as one JSON object.")
final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        return call(spec.commandLine().getOut());
    }

    int call(PrintWriter out) {
        ObjectNode json = Json.object();
        for (ComponentVersions.Component c : ComponentVersions.all()) {
            json.put(c.key(), c.version());
        }
        Json.print(out, json);
        return Cli.OK;
    }
}
