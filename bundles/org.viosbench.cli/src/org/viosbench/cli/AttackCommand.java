package org.viosbench.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

import org.viosbench.protocol.MessageType;
import org.viosbench.protocol.Packet;
import org.viosbench.protocol.PacketEncoder;
import org.viosbench.protocol.PacketHeader;
import org.viosbench.protocol.SubHeader;
import org.viosbench.protocol.Wire;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code viosbench attack}: what someone without the cluster key can do to a node of a
 * multi-process cluster on this machine, each attack reported as got through or refused. Against an
 * authenticated cluster every attack is refused; against an {@code --insecure} one they get through.
 * For demos and tests: it refuses any address that is not loopback.
 */
@picocli.CommandLine.Command(name = "attack", description = { "Attack one node of a cluster on this machine as someone without the key would:",
        "forge (a request in another VIOS's name), replay (the same frame twice, then with sequence+1), heartbeat (keep a VIOS \"UP\" in the target's eyes),",
        "flood (more connections than a node takes), trickle (a frame a byte at a time). One JSON line per attack: gotThrough true",
        "or false, and why. Loopback addresses only." })
final class AttackCommand extends LeafCommand {
    static final List<String> ATTACKS = List.of("forge", "replay", "heartbeat", "flood", "trickle");

    @Option(names = "--cluster", required = true, paramLabel = "FILE", description = "The cluster file of the nodes.")
    java.nio.file.Path clusterFile;

    @Option(names = "--target", required = true, paramLabel = "ID", description = "The VIOS to attack.")
    int target;

    @Option(names = "--as", paramLabel = "ID", description = "The VIOS whose name the forged packets use (default: another VIOS of the file).")
    Integer as;

    @Option(names = "--attack", split = ",", paramLabel = "A", description = "Which: forge, replay, heartbeat, flood, trickle (default: all but trickle, which takes up to 22 s).")
    List<String> attacks;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ClusterFile file = clusterFile(clusterFile);
        if (file == null) {
            return Cli.FAILURE;
        }
        InetSocketAddress address = file.addresses().get(target);
        if (address == null) {
            throw new ParameterException(spec.commandLine(), "--target: VIOS " + target + " is not in " + clusterFile);
        }
        if (address.getAddress() == null || !address.getAddress().isLoopbackAddress()) {
            throw new ParameterException(spec.commandLine(), "--target: " + address + " is not a loopback address; attack only runs on this machine");
        }
        int name = as != null ? as : file.addresses().keySet().stream().filter(i -> i != target).findFirst().orElse(target + 1);
        List<String> which = attacks == null ? ATTACKS.subList(0, 4) : attacks;
        for (String a : which) {
            if (!ATTACKS.contains(a)) {
                throw new ParameterException(spec.commandLine(), "--attack: " + a + " is not one of " + ATTACKS);
            }
        }
        for (String a : which) {
            ObjectNode out = Json.object().put("attack", a).put("target", target);
            switch (a) {
                case "forge" -> frames(address, out, List.of(packet(MessageType.DATA, name, 0)));
                case "replay" -> { // the same frame twice, then again with the next sequence number (checksums made right)
                    byte[] p = packet(MessageType.DATA, name, 0);
                    frames(address, out, List.of(p, p, packet(MessageType.DATA, name, 1)));
                }
                case "heartbeat" -> frames(address, out, List.of(packet(MessageType.HEARTBEAT, name, 0)));
                case "flood" -> flood(address, out, 4 * file.addresses().size() + 8);
                default -> trickle(address, out);
            }
            Json.print(spec.commandLine().getOut(), out);
        }
        return Cli.OK;
    }

    /** A well-formed packet in VIOS {@code from}'s name with header sequence {@code sequence}, to the target's echo daemon. */
    private byte[] packet(MessageType type, int from, int sequence) {
        PacketHeader h = type == MessageType.HEARTBEAT ? new PacketHeader(type, Wire.FLAG_BROADCAST, from, 1, sequence)
                : new PacketHeader(type, 0, from, ((long) from << 32) | 0x7fff_0001L, sequence, new int[] { target });
        return PacketEncoder.INSTANCE.encodeToArray(new Packet(h, SubHeader.builder().targetDaemon(10).build(), "forged".getBytes()));
    }

    /** Sends {@code packets}, each as a frame as the insecure protocol frames it; through if the node keeps the connection. */
    private static void frames(InetSocketAddress to, ObjectNode out, List<byte[]> packets) throws IOException {
        try (Socket s = new Socket(to.getAddress(), to.getPort())) {
            s.setSoTimeout(300);
            DataInputStream in = new DataInputStream(s.getInputStream());
            boolean challenged = false;
            try {
                int n = in.readInt();
                in.readFully(new byte[Math.min(n, 64)]);
                challenged = true;
            } catch (SocketTimeoutException e) {
                // an insecure node says nothing first
            }
            out.put("challenged", challenged);
            DataOutputStream o = new DataOutputStream(s.getOutputStream());
            for (byte[] packet : packets) {
                o.writeInt(packet.length);
                o.write(packet);
            }
            o.flush();
            boolean closed = closedWithin(s, 1000);
            out.put("gotThrough", !closed).put("detail", closed ? "the node closed the connection: frames without the key are refused"
                    : "the node kept the connection and took the " + (packets.size() > 1 ? packets.size() + " frames" : "frame") + " as VIOS "
                            + Integer.toUnsignedString(java.nio.ByteBuffer.wrap(packets.get(0)).getInt(Wire.OFF_SOURCE)) + "'s");
            out.put("frames", packets.size());
        }
    }

    private static boolean closedWithin(Socket s, int millis) throws IOException {
        s.setSoTimeout(millis);
        try {
            while (true) {
                if (s.getInputStream().read() == -1) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true; // reset
        }
    }

    private static void flood(InetSocketAddress to, ObjectNode out, int limit) throws IOException, InterruptedException {
        List<Socket> held = new ArrayList<>();
        int tries = limit + 50;
        try {
            for (int i = 0; i < tries; i++) {
                held.add(new Socket(to.getAddress(), to.getPort()));
            }
            Thread.sleep(500);
            int open = 0;
            for (Socket s : held) {
                if (!closedWithin(s, 20)) {
                    open++;
                }
            }
            out.put("opened", tries).put("stillOpen", open).put("gotThrough", open >= tries).put("detail", open >= tries
                    ? "every connection held open" : (tries - open) + " of " + tries + " connections closed by the node");
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private static void trickle(InetSocketAddress to, ObjectNode out) throws IOException, InterruptedException {
        try (Socket s = new Socket(to.getAddress(), to.getPort())) {
            DataOutputStream o = new DataOutputStream(s.getOutputStream());
            o.writeInt(200); // a frame of 200 bytes, then one byte every 100 ms
            o.flush();
            long end = System.nanoTime() + 22_000_000_000L; // the node checks every 10 s: a frame still open at two checks is cut
            boolean closed = false;
            while (System.nanoTime() < end && !closed) {
                try {
                    o.write(0);
                    o.flush();
                } catch (IOException e) {
                    closed = true;
                    break;
                }
                closed = closedWithin(s, 100);
            }
            out.put("gotThrough", !closed).put("detail", closed ? "the node closed the connection of the trickled frame"
                    : "a frame trickled for 22 s still held the connection");
        }
    }
}
