package org.viosbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.viosbench.protocol.Decoded;
import org.viosbench.protocol.DecodeFailure;
import org.viosbench.protocol.Packet;
import org.viosbench.protocol.PacketDecoder;
import org.viosbench.protocol.PacketEncoder;
import org.viosbench.protocol.Wire;
import org.viosbench.json.InputException;
import org.viosbench.json.JsonAt;
import org.viosbench.json.StrictJson;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code viosbench packet decode|encode}: the packet codec from the command line. */
@Command(name = "packet", description = "Decode packet bytes to JSON, or encode JSON to packet bytes (docs/protocol.md).",
        subcommands = { PacketCommand.Decode.class, PacketCommand.Encode.class }, mixinStandardHelpOptions = false)
final class PacketCommand extends GroupCommand {

    /** Where the packet bytes come from: exactly one of --hex and --file. */
    static final class Source {
        @Option(names = "--hex", paramLabel = "HEX", description = "The packet as hex digits (spaces allowed).")
        String hex;

        @Option(names = "--file", paramLabel = "FILE", description = "A file holding the raw packet bytes.")
        Path file;
    }

    @Command(name = "decode", description = { "Decode one packet and print it as JSON: every header field, every sub-header "
            + "entry, the payload as hex.", "A malformed packet prints a JSON error with the reason and byte offset and exits 1." })
    static final class Decode implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        @Override
        public Integer call() throws IOException {
            byte[] bytes;
            if (source.hex != null) {
                try {
                    bytes = PacketJson.hex(source.hex, "--hex");
                } catch (org.viosbench.json.InputException e) {
                    throw new ParameterException(spec.commandLine(), e.getMessage());
                }
            } else {
                try {
                    bytes = readFile(source.file, Wire.FRAME_LENGTH_FIELD + Wire.MAX_PACKET_LENGTH);
                } catch (InputException e) {
                    Json.print(spec.commandLine().getOut(), error("file", source.file + ": " + e.getMessage()));
                    return Cli.FAILURE;
                }
                if (bytes == null) {
                    Json.print(spec.commandLine().getOut(), error("file", source.file + ": no such file"));
                    return Cli.FAILURE;
                }
            }
            Decoded d = PacketDecoder.decode(Unpooled.wrappedBuffer(bytes));
            if (d instanceof Packet p) {
                Json.print(spec.commandLine().getOut(), PacketJson.toJson(p));
                return Cli.OK;
            }
            Json.print(spec.commandLine().getOut(), PacketJson.failureJson((DecodeFailure) d));
            return Cli.FAILURE;
        }
    }

    @Command(name = "encode", description = { "Encode the packet described by a JSON file (the form 'packet decode' prints) "
            + "and print its bytes as hex.", "Lengths and checksums are computed; a bad file prints a JSON error with its JSON path and exits 1." })
    static final class Encode implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Option(names = "--json", paramLabel = "FILE", required = true, description = "The packet as JSON; - reads standard input.")
        Path json;

        @Override
        public Integer call() throws IOException {
            try {
                byte[] text = json.toString().equals("-") ? readStdin(16 << 20) : readFile(json, 16 << 20);
                if (text == null) {
                    Json.print(spec.commandLine().getOut(), error("file", json + ": no such file"));
                    return Cli.FAILURE;
                }
                Packet p = PacketJson.fromJson(JsonAt.root(StrictJson.parse(org.viosbench.json.InputFiles.text(text))));
                spec.commandLine().getOut().println(ByteBufUtil.hexDump(PacketEncoder.INSTANCE.encodeToArray(p)));
                return Cli.OK;
            } catch (InputException e) {
                ObjectNode err = error(e.where().startsWith("/") ? "packet" : "json", e.getMessage());
                err.put("path", e.where());
                Json.print(spec.commandLine().getOut(), err);
                return Cli.FAILURE;
            }
        }
    }

    private static ObjectNode error(String kind, String message) {
        ObjectNode n = Json.object();
        n.put("ok", false);
        n.put("error", kind);
        n.put("detail", message);
        return n;
    }

    /** The file's bytes, or null when it does not exist; refuses what is not a regular file or is larger than {@code limit}. */
    private static byte[] readFile(Path file, long limit) throws IOException, InputException {
        try {
            return org.viosbench.json.InputFiles.bytes(file, limit);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Standard input, at most {@code limit} bytes. */
    private static byte[] readStdin(long limit) throws IOException, InputException {
        byte[] b = System.in.readNBytes((int) limit + 1);
        if (b.length > limit) {
            throw new InputException("standard input", "more than " + limit + " bytes; at most " + limit + " are read");
        }
        return b;
    }
}
