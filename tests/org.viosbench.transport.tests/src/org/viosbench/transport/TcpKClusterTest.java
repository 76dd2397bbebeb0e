package org.viosbench.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viosbench.testing.Eventually.await;

import java.io.DataOutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.viosbench.engine.EntryState;
import org.viosbench.engine.Message;
import org.viosbench.engine.QueueEntry;
import org.viosbench.engine.Reply;
import org.viosbench.engine.Request;
import org.viosbench.engine.RequestResult;
import org.viosbench.engine.Trace;
import org.viosbench.engine.ViosNode;
import org.viosbench.protocol.PacketEncoder;
import org.viosbench.protocol.Wire;

/** Real VIOS engines talking kcluster over TCP on loopback. */
class TcpKClusterTest {
    static final int ECHO = 10;
    static final int SENDER = 20;
    static final Duration WAIT = Duration.ofSeconds(10);

    static Map<Integer, InetSocketAddress> freeAddresses(int n) throws Exception {
        Map<Integer, InetSocketAddress> map = new HashMap<>();
        for (int i = 0; i < n; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                map.put(i, new InetSocketAddress("127.0.0.1", s.getLocalPort()));
            }
        }
        return map;
    }

    static ViosNode node(int id, Map<Integer, InetSocketAddress> addresses, Trace trace) throws Exception {
        return node(id, addresses, trace, TcpKCluster.Delivery.IO_THREAD);
    }

    static ViosNode node(int id, Map<Integer, InetSocketAddress> addresses, Trace trace, TcpKCluster.Delivery delivery)
            throws Exception {
        ViosNode n = new ViosNode("vios" + id, TcpKCluster.start(id, addresses, delivery), trace);
        n.registerHandler(ECHO, m -> {
            byte[] in = m.payloadBytes();
            byte[] out = java.util.Arrays.copyOf(in, in.length + 1);
            out[in.length] = (byte) id;
            return Reply.ok(out);
        });
        return n;
    }

    /** An echoing VIOS on {@code k}, added to {@code nodes}. */
    static ViosNode echoNode(TcpKCluster k, Trace trace, List<ViosNode> nodes) {
        ViosNode n = new ViosNode("vios" + k.localId(), k, trace);
        n.registerHandler(ECHO, m -> org.viosbench.engine.Reply.ok(new byte[] { 1 }));
        nodes.add(n);
        return n;
    }

    /** Once the mesh is up, a broadcast from the first node expecting all is answered by every other one. */
    static void broadcastAnsweredByAll(List<ViosNode> nodes) throws Exception {
        awaitMesh(nodes);
        org.viosbench.engine.RequestResult r = nodes.get(0).daemon(SENDER).send(org.viosbench.engine.Message.broadcast().targetDaemon(ECHO)
                .expectAll().build()).await(WAIT);
        org.junit.jupiter.api.Assertions.assertTrue(r.success(), r.toString());
        org.junit.jupiter.api.Assertions.assertEquals(nodes.size() - 1, r.count(org.viosbench.engine.EntryState.MATCHED));
    }

    static void awaitMesh(List<ViosNode> nodes) throws InterruptedException {
        await("full mesh", () -> nodes.stream().allMatch(a -> nodes.stream().allMatch(b -> a.kcluster().isReachable(b.id()))));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(TcpKCluster.Delivery.class)
    void unicastAndBroadcastOverTcp(TcpKCluster.Delivery delivery) throws Exception {
        Map<Integer, InetSocketAddress> addresses = freeAddresses(4);
        Trace trace = new Trace();
        List<ViosNode> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                nodes.add(node(i, addresses, trace, delivery));
            }
            awaitMesh(nodes);
            byte[] payload = new byte[4096];
            payload[0] = 9;
            RequestResult one = nodes.get(0).daemon(SENDER).send(Message.to(2).targetDaemon(ECHO).payload(payload).expectAll().build())
                    .await(WAIT);
            assertTrue(one.success());
            assertEquals(4097, one.responses().get(0).payload().length);
            RequestResult all = nodes.get(1).daemon(SENDER).send(Message.broadcast().targetDaemon(ECHO).payload(new byte[] { 5 })
                    .expectAll().build()).await(WAIT);
            assertTrue(all.success(), all::toString);
            assertEquals(List.of(0, 2, 3), all.responses().stream().map(QueueEntry::responder).toList());
            for (QueueEntry e : all.responses()) {
                assertEquals(e.responder(), e.payload()[1]);
            }
            RequestResult self = nodes.get(3).daemon(SENDER).send(Message.to(3).targetDaemon(ECHO).expectAll().build()).await(WAIT);
            assertTrue(self.success(), "loopback to itself");
        } finally {
            nodes.forEach(ViosNode::close);
        }
    }

    /** Four ends on one shared I/O thread: traffic flows, one end closing leaves the others (and the thread) running. */
    @Test
    void endsSharingOneIoThread() throws Exception {
        Map<Integer, InetSocketAddress> addresses = freeAddresses(4);
        Trace trace = new Trace();
        List<ViosNode> nodes = new ArrayList<>();
        try (TcpIo io = TcpIo.threads(1)) {
            try {
                for (int i = 0; i < 4; i++) {
                    ViosNode n = new ViosNode("vios" + i, TcpKCluster.start(i, addresses, TcpKCluster.Delivery.IO_THREAD, io), trace);
                    n.registerHandler(ECHO, m -> Reply.ok(m.payloadBytes()));
                    nodes.add(n);
                }
                awaitMesh(nodes);
                assertEquals(org.viosbench.engine.kcluster.Idle.PARK, nodes.get(0).kcluster().awaitIdle(), "callers over TCP park at once, leaving the CPU to the I/O thread");
                List<Request> many = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    many.add(nodes.get(i % 4).daemon(SENDER).send(Message.broadcast().targetDaemon(ECHO).payload(new byte[] { (byte) i })
                            .expectAll().build()));
                }
                for (Request r : many) {
                    RequestResult result = r.await(WAIT);
                    assertTrue(result.success(), result::toString);
                    assertEquals(3, result.responses().size());
                }
                nodes.get(3).close();
                await("VIOS 3 gone", () -> !nodes.get(0).kcluster().isReachable(3));
                RequestResult after = nodes.get(0).daemon(SENDER).send(Message.broadcast().targetDaemon(ECHO).expectAll().build()).await(WAIT);
                assertTrue(after.success(), "the shared thread still serves the others: " + after);
                assertEquals(List.of(1, 2), after.responses().stream().map(QueueEntry::responder).toList());
            } finally {
                nodes.forEach(ViosNode::close);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> TcpIo.threads(0));
    }

    @Test
    void peerThatGoesAwayIsSuspectedAndReconnectsWhenBack() throws Exception {
        Map<Integer, InetSocketAddress> addresses = freeAddresses(3);
        Trace trace = new Trace();
        List<ViosNode> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                nodes.add(node(i, addresses, trace));
            }
            awaitMesh(nodes);
            CountDownLatch inHandler = new CountDownLatch(1);
            nodes.get(2).registerHandler(ECHO, m -> {
                inHandler.countDown();
                Thread.sleep(3000);
                return Reply.ok(new byte[0]);
            });
            Request r = nodes.get(0).daemon(SENDER).send(Message.broadcast().targetDaemon(ECHO).expectAll().timeout(Duration.ZERO).build());
            assertTrue(inHandler.await(5, TimeUnit.SECONDS));
            List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            nodes.get(0).kcluster().addMembershipListener((vios, reason) -> seen.add(vios + " left: " + reason));
            nodes.get(2).close();
            RequestResult result = r.await(WAIT);
            await("the membership event", () -> !seen.isEmpty());
            assertEquals(List.of("2 left: connection to VIOS 2 lost"), List.copyOf(seen));
            assertFalse(result.success());
            assertEquals(EntryState.MATCHED, result.entries().get(0).state());
            assertEquals(EntryState.SUSPECTED, result.entries().get(1).state(), "connection lost: the entry ends, no hang");
            await("VIOS 2 unreachable", () -> !nodes.get(0).kcluster().isReachable(2));
            RequestResult without = nodes.get(0).daemon(SENDER).send(Message.broadcast().targetDaemon(ECHO).expectAll().build()).await(WAIT);
            assertEquals(1, without.entries().size(), "a broadcast does not wait for an unconnected VIOS");
            org.viosbench.engine.SyscallException notConnected = assertThrows(org.viosbench.engine.SyscallException.class,
                    () -> nodes.get(0).daemon(SENDER).send(Message.to(2).targetDaemon(ECHO).expectAll().build()));
            assertEquals(org.viosbench.protocol.Errno.ENOTCONN, notConnected.errno());

            nodes.set(2, node(2, addresses, trace));
            await("VIOS 2 reconnected", () -> nodes.get(0).kcluster().isReachable(2) && nodes.get(2).kcluster().isReachable(0));
            assertTrue(nodes.get(0).daemon(SENDER).send(Message.to(2).targetDaemon(ECHO).expectAll().build()).await(WAIT).success());
        } finally {
            nodes.forEach(ViosNode::close);
        }
    }

    @Test
    void oversizedAndMalformedFramesAreDroppedAndTheConnectionCarriesOn() throws Exception {
        Map<Integer, InetSocketAddress> addresses = freeAddresses(2);
        TcpKCluster k = TcpKCluster.start(0, addresses);
        List<Integer> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        k.bind((from, packet) -> received.add(packet.readableBytes()));
        try (Socket s = new Socket(addresses.get(0).getAddress(), addresses.get(0).getPort());
                DataOutputStream out = new DataOutputStream(s.getOutputStream())) {
            out.writeInt(Wire.MAX_PACKET_LENGTH + 1);
            out.write(new byte[Wire.MAX_PACKET_LENGTH + 1]);
            byte[] good = PacketEncoder.INSTANCE.encodeToArray(InJvmClusterTest.responsePacket(1, 7, "after the bad frame"));
            out.writeInt(good.length);
            out.write(good);
            out.flush();
            await("the good frame", () -> received.size() == 1);
            assertEquals(good.length, received.get(0));
            assertEquals(1, k.malformedFrames());
        } finally {
            k.close();
        }
        assertThrows(IllegalArgumentException.class, () -> TcpKCluster.start(5, addresses));
    }
}
