package org.viosbench.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;

import org.viosbench.transport.ClusterKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code viosbench cluster keygen}: what a multi-process cluster shares. */
@Command(name = "cluster", description = "Work with the files a multi-process cluster shares.", subcommands = { ClusterCommand.Keygen.class })
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
}
