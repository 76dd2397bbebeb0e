package org.viosbench.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viosbench.testing.Eventually.await;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viosbench.engine.Message;
import org.viosbench.engine.RequestResult;
import org.viosbench.engine.Trace;
import org.viosbench.engine.ViosNode;
import org.viosbench.protocol.Wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.DefaultPromise;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;

/** Authenticated kcluster connections: the handshake proves the key both ways, every frame is checked, forgeries and replays are refused. */
class AuthenticatedTest {

    @TempDir
    Path tmp;

    private static final ClusterKey KEY = ClusterKey.of(bytes(1));
    private static final ClusterKey OTHER = ClusterKey.of(bytes(2));

    private static byte[] bytes(int fill) {
        byte[] b = new byte[ClusterKey.LENGTH];
        java.util.Arrays.fill(b, (byte) fill);
        return b;
    }

    /** A connection between VIOS 1 (connecting) and VIOS 0 (accepting), in memory, handshake done. */
    private static final class Pair {
        final List<String> refused = new CopyOnWriteArrayList<>();
        final Promise<Void> ready = new DefaultPromise<>(ImmediateEventExecutor.INSTANCE);
        final EmbeddedChannel acceptor;
        final EmbeddedChannel connector;

        Pair(ClusterKey acceptorKey, ClusterKey connectorKey) {
            acceptor = new EmbeddedChannel(new Authenticated.Acceptor(acceptorKey, 0, Map.of(0, "", 1, "", 2, ""), refused::add));
            connector = new EmbeddedChannel(new Authenticated.Connector(connectorKey, 1, 0, ready));
            connector.writeInbound((ByteBuf) acceptor.readOutbound()); // challenge
            ByteBuf hello = connector.readOutbound();
            acceptor.writeInbound(hello);
            ByteBuf welcome = acceptor.readOutbound();
            if (welcome != null) {
                connector.writeInbound(welcome);
            }
        }

        /** A packet of {@code n} bytes naming {@code source}, signed by the connector. */
        ByteBuf signed(int source, int n) {
            ByteBuf p = Unpooled.buffer(n).writeZero(n);
            p.setInt(Wire.OFF_SOURCE, source);
            assertTrue(connector.writeOutbound(p));
            ByteBuf frame = connector.readOutbound();
            return Unpooled.copiedBuffer(frame); // the bytes as they would cross the wire
        }
    }

    @Test
    void aPeerWithTheKeyIsWelcomedAndItsFramesPass() {
        Pair p = new Pair(KEY, KEY);
        assertTrue(p.ready.isSuccess(), String.valueOf(p.ready.cause()));
        ByteBuf frame = p.signed(1, 60);
        assertEquals(60 + Authenticated.TRAILER, frame.readableBytes());
        p.acceptor.writeInbound(frame);
        ByteBuf packet = p.acceptor.readInbound();
        assertEquals(60, packet.readableBytes(), "the packet alone goes on, its trailer stripped");
        assertEquals(1, packet.getInt(Wire.OFF_SOURCE));
        packet.release();
        assertEquals(List.of(), p.refused);
    }

    @Test
    void withoutTheKeyNeitherSideIsTaken() {
        Pair wrongConnector = new Pair(KEY, OTHER);
        assertFalse(wrongConnector.ready.isSuccess(), "no welcome for a hello without the key");
        assertFalse(wrongConnector.acceptor.isOpen(), "the acceptor closed the connection");
        assertTrue(wrongConnector.refused.get(0).contains("without the cluster key"), wrongConnector.refused.toString());

        Pair wrongAcceptor = new Pair(OTHER, KEY); // a listener on a peer's port that does not hold the key
        assertFalse(wrongAcceptor.ready.isSuccess(), "a connector does not take an impostor for its peer");
    }

    /** A key rolled out node by node: "old, new", then "new, old", then "new"; each round's nodes talk with the round before's. */
    @Test
    void aNewKeyRollsOutWithoutDowntime() {
        byte[] oldKey = bytes(1);
        byte[] newKey = bytes(3);
        ClusterKey before = ClusterKey.of(oldKey);
        ClusterKey round1 = ClusterKey.of(oldKey, newKey);
        ClusterKey round2 = ClusterKey.of(newKey, oldKey);
        ClusterKey after = ClusterKey.of(newKey);
        ClusterKey[][] talking = { { before, round1 }, { round1, before }, { round1, round2 }, { round2, round1 }, { round2, after },
                { after, round2 } };
        for (ClusterKey[] pair : talking) {
            Pair p = new Pair(pair[0], pair[1]);
            assertTrue(p.ready.isSuccess(), "acceptor " + java.util.Arrays.asList(pair) + ": " + p.ready.cause());
            p.acceptor.writeInbound(p.signed(1, 60));
            ((ByteBuf) p.acceptor.readInbound()).release();
        }
        assertFalse(new Pair(before, after).ready.isSuccess(), "skipping the middle round: the old and the new key alone do not talk");
    }

    @Test
    void forgedTamperedReplayedAndMisattributedFramesAreRefused() {
        Pair p = new Pair(KEY, KEY);
        ByteBuf good = p.signed(1, 60);
        ByteBuf replay = good.copy();
        p.acceptor.writeInbound(good);
        ((ByteBuf) p.acceptor.readInbound()).release();

        p.acceptor.writeInbound(replay); // the same frame again
        assertNull(p.acceptor.readInbound());
        assertTrue(p.refused.get(0).contains("replayed"), p.refused.toString());

        ByteBuf tampered = p.signed(1, 60);
        tampered.setByte(Wire.OFF_MESSAGE_ID, 7); // one bit of the header changed
        p.acceptor.writeInbound(tampered);
        assertNull(p.acceptor.readInbound());
        assertTrue(p.refused.get(1).contains("tag does not match"), p.refused.toString());

        ByteBuf other = p.signed(2, 60); // signed, but in VIOS 2's name
        p.acceptor.writeInbound(other);
        assertNull(p.acceptor.readInbound());
        assertTrue(p.refused.get(2).contains("as its source"), p.refused.toString());
        assertFalse(p.acceptor.isOpen(), "closed after " + Authenticated.MAX_REFUSED + " refused frames");
    }

    @Test
    void aFrameBeforeTheHandshakeClosesTheConnection() {
        List<String> refused = new ArrayList<>();
        EmbeddedChannel acceptor = new EmbeddedChannel(new Authenticated.Acceptor(KEY, 0, Map.of(0, "", 1, ""), refused::add));
        ((ByteBuf) acceptor.readOutbound()).release(); // the challenge
        ByteBuf packet = Unpooled.buffer(60).writeZero(60);
        packet.setInt(Wire.OFF_SOURCE, 1);
        acceptor.writeInbound(packet);
        assertNull(acceptor.readInbound());
        assertFalse(acceptor.isOpen());
        assertTrue(refused.get(0).contains("before the handshake"), refused.toString());
    }

    @Test
    void keyFilesMustBeTheOwnersAloneAndHoldOneOrTwoKeys() throws Exception {
        Path f = tmp.resolve("cluster.key");
        ClusterKey.writeNew(f);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(1, ClusterKey.read(f).size());
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterKey.read(f)).getMessage().contains("mode must be 0600"));
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.writeString(f, ClusterKey.generate() + "\n" + ClusterKey.generate() + "\n");
        assertEquals(2, ClusterKey.read(f).size(), "a new key and the old one while it is rolled out");
        Files.writeString(f, "not hex\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterKey.read(f)).getMessage().contains("line 1"));
        assertFalse(KEY.toString().contains("01"), "a key never shows in a message");
    }

    @Test
    void aKeyedClusterWorksAndAForgerOnTheNetworkIsRefused() throws Exception {
        Map<Integer, InetSocketAddress> addresses = TcpKClusterTest.freeAddresses(3);
        Trace trace = new Trace();
        List<ViosNode> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                TcpKClusterTest.echoNode(TcpKCluster.start(i, addresses, TcpKCluster.Delivery.IO_THREAD, null, KEY), trace, nodes);
            }
            TcpKClusterTest.broadcastAnsweredByAll(nodes);

            // a forger without the key connects to VIOS 0 and sends a packet in VIOS 1's name
            TcpKCluster zero = (TcpKCluster) nodes.get(0).kcluster();
            try (Socket s = new Socket(addresses.get(0).getAddress(), addresses.get(0).getPort())) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] challenge = new byte[in.readInt()];
                in.readFully(challenge);
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                byte[] packet = new byte[60];
                java.nio.ByteBuffer.wrap(packet).putInt(Wire.OFF_SOURCE, 1);
                out.writeInt(packet.length);
                out.write(packet);
                out.flush();
                await("the forged frame refused", () -> zero.refusedFrames() >= 1);
                assertEquals(-1, in.read(), "and the forger's connection closed");
            }
            assertTrue(zero.isReachable(1), "VIOS 1 is still fine in VIOS 0's eyes");
            RequestResult after = nodes.get(0).daemon(TcpKClusterTest.SENDER).send(Message.to(1).targetDaemon(TcpKClusterTest.ECHO)
                    .expectAll().build()).await(TcpKClusterTest.WAIT);
            assertTrue(after.success(), after.toString());
        } finally {
            nodes.forEach(ViosNode::close);
        }
    }

    @Test
    void aNodeWithAnotherKeyNeverJoins() throws Exception {
        Map<Integer, InetSocketAddress> addresses = TcpKClusterTest.freeAddresses(2);
        TcpKCluster a = TcpKCluster.start(0, addresses, TcpKCluster.Delivery.IO_THREAD, null, KEY);
        TcpKCluster b = TcpKCluster.start(1, addresses, TcpKCluster.Delivery.IO_THREAD, null, OTHER);
        try {
            await("both refused the other's handshake", () -> a.refusedFrames() >= 1 && b.refusedFrames() >= 1);
            assertFalse(a.isReachable(1));
            assertFalse(b.isReachable(0));
        } finally {
            a.close();
            b.close();
        }
    }
}
