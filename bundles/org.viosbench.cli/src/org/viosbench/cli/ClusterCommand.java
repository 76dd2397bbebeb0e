package org.viosbench.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;

import org.viosbench.transport.ClusterKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code viosbench cluster keygen}: what a multi-process cluster shares. */
@Command(name = "cluster", description = "Work with the files a multi-process cluster shares.", subcommands = { ClusterCommand.Keygen.class,
        ClusterCommand.Ca.class })
final class ClusterCommand extends GroupCommand {

    @Command(name = "keygen", description = { "Write a new cluster key file (a random 256-bit key, mode 0600). Give every node of the",
            "cluster a copy: viosbench node ... --key FILE. To roll a new key out without downtime, restart the nodes one by one three",
            "times: with the old key then the new one in the file (old signs, both accepted), then new then old, then the new key alone.",
            "An existing file is never overwritten." })
    static final class Keygen extends LeafCommand {
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The key file to create.")
        Path out;

        @Override
        public Integer call() throws IOException {
            try {
                ClusterKey.writeNew(out);
            } catch (FileAlreadyExistsException e) {
                return fail(out + ": exists; a key file is never overwritten (remove it first if you mean to replace the key)");
            }
            Json.print(spec.commandLine().getOut(), Json.object().put("ok", true).put("file", out.toString()).put("mode", "0600"));
            return Cli.OK;
        }
    }

    @Command(name = "ca", description = { "Make a test certificate authority for a cluster's mutual TLS: ca.crt and ca.key, and for every",
            "VIOS of the cluster file vios-ID.crt and vios-ID.key, and db-server.* and db-client.* for the VIOS database",
            "(PEM; keys mode 0600; valid one year). Give every node the directory: viosbench node ... --tls DIR; the database:",
            "viosbench db-server ... --tls DIR, its clients ... --db-tls DIR. For tests and demos; nothing is ever overwritten." })
    static final class Ca extends LeafCommand {
        @Option(names = "--cluster", required = true, paramLabel = "FILE", description = "The cluster file whose VIOSes get certificates.")
        Path clusterFile;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The directory to write the files to (created if needed).")
        Path out;

        @Override
        public Integer call() throws IOException {
            ClusterFile file = clusterFile(clusterFile);
            if (file == null) {
                return Cli.FAILURE;
            }
            java.util.List<Path> written;
            try {
                written = org.viosbench.transport.TestCa.write(out, file.description().name(), java.util.List.copyOf(new java.util.TreeSet<>(file.addresses().keySet())));
            } catch (FileAlreadyExistsException e) {
                return fail(e.getFile() + ": exists; the files of a CA are never overwritten (use an empty directory)");
            }
            com.fasterxml.jackson.databind.node.ObjectNode json = Json.object().put("ok", true).put("dir", out.toString());
            written.forEach(p -> json.withArray("files").add(p.getFileName().toString()));
            Json.print(spec.commandLine().getOut(), json);
            return Cli.OK;
        }
    }
}
