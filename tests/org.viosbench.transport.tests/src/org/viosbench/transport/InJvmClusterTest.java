package org.viosbench.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.viosbench.testing.Eventually;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.viosbench.engine.Daemon;
import org.viosbench.engine.EntryState;
import org.viosbench.protocol.Errno;
import org.viosbench.engine.Layer;
import org.viosbench.engine.Message;
import org.viosbench.engine.QueueEntry;
import org.viosbench.engine.Reply;
import org.viosbench.engine.Request;
import org.viosbench.engine.RequestResult;
import org.viosbench.engine.SyscallException;
import org.viosbench.engine.TraceEvent;
import org.viosbench.engine.TraceKind;
import org.viosbench.engine.ViosNode;
import org.viosbench.engine.VkeIdentity;
import org.viosbench.protocol.MessageType;
import org.viosbench.protocol.Packet;
import org.viosbench.protocol.PacketEncoder;
import org.viosbench.protocol.PacketHeader;
import org.viosbench.protocol.SubHeader;
import org.viosbench.protocol.Wire;

/** The protocol engine end to end on real in-JVM clusters: daemon → syscall → VKE → kcluster → VKE → daemon → queue. */
class InJvmClusterTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static void assertEcho(byte[] request, QueueEntry response) {
        byte[] p = response.payload();
        assertArrayEquals(request, Arrays.copyOf(p, p.length - 1));
        assertEquals(response.responder(), p[p.length - 1], "the answer names its VIOS");
    }

    @Test
    void unicastRequestIsAnsweredAndMatched() throws Exception {
        try (TestCluster c = new TestCluster(2)) {
            Request r = c.node(0).daemon(TestCluster.SENDER).send(Message.to(1).targetDaemon(TestCluster.ECHO)
                    .payload(bytes("hello")).expectAll().build());
            RequestResult result = r.await(WAIT);
            assertTrue(result.success(), result::toString);
            assertEquals(1, result.responses().size());
            assertEcho(bytes("hello"), result.responses().get(0));
            assertEquals(List.of(), c.node(0).correlator().openQueues());
        }
    }

    @Test
    void multicastToASubsetGetsExactlyThoseResponses() throws Exception {
        try (TestCluster c = new TestCluster(4)) {
            RequestResult result = c.node(0).daemon(TestCluster.SENDER).send(Message.to(2, 3)
                    .targetDaemon(TestCluster.ECHO).payload(bytes("subset")).expectAll().build()).await(WAIT);
            assertTrue(result.success());
            assertEquals(List.of(2, 3), result.responses().stream().map(QueueEntry::responder).toList());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 2, 4, 16 })
    void broadcastReachesEveryOtherVios(int n) throws Exception {
        try (TestCluster c = new TestCluster(n)) {
            byte[] payload = new byte[256];
            payload[0] = 42;
            RequestResult result = c.node(0).daemon(TestCluster.SENDER).send(Message.broadcast()
                    .targetDaemon(TestCluster.ECHO).payload(payload).expectAll().build()).await(WAIT);
            assertTrue(result.success(), result::toString);
            assertEquals(n - 1, result.responses().size());
            for (QueueEntry e : result.responses()) {
                assertEcho(payload, e);
            }
        }
    }

    @Test
    void manyRequestsInFlightFromSeveralThreadsAreAllMatchedOnce() throws Exception {
        try (TestCluster c = new TestCluster(4)) {
            Daemon sender = c.node(0).daemon(TestCluster.SENDER);
            int threads = 8;
            int perThread = 400;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Integer>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        int ok = 0;
                        for (int i = 0; i < perThread; i++) {
                            byte[] payload = bytes(thread + ":" + i);
                            Message m = (i % 2 == 0 ? Message.broadcast() : Message.to(1 + i % 3))
                                    .targetDaemon(TestCluster.ECHO).payload(payload).expectAll().build();
                            RequestResult r = sender.send(m).await(WAIT);
                            for (QueueEntry e : r.responses()) {
                                assertEcho(payload, e);
                            }
                            ok += r.success() ? 1 : 0;
                        }
                        return ok;
                    }));
                }
                for (Future<Integer> f : done) {
                    assertEquals(perThread, f.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(List.of(), c.node(0).correlator().openQueues());
            assertEquals(0, c.node(0).correlator().duplicates() + c.node(0).correlator().late() + c.node(0).correlator().unexpected());
        }
    }

    @Test
    void slowResponderTimesOutAndItsLateAnswerIsCounted() throws Exception {
        try (TestCluster c = new TestCluster(3)) {
            CountDownLatch release = new CountDownLatch(1);
            c.node(2).registerHandler(TestCluster.ECHO, m -> {
                release.await(5, TimeUnit.SECONDS);
                return Reply.ok(bytes("late"));
            });
            RequestResult result = c.node(0).daemon(TestCluster.SENDER).send(Message.to(1, 2).targetDaemon(TestCluster.ECHO)
                    .expectAll().timeout(Duration.ofMillis(200)).build()).await(WAIT);
            assertFalse(result.success());
            assertEquals(EntryState.MATCHED, result.entries().get(0).state());
            assertEquals(EntryState.TIMED_OUT, result.entries().get(1).state());
            release.countDown();
            Eventually.await("the late answer is counted", () -> c.node(0).correlator().late() > 0);
            assertEquals(1, c.node(0).correlator().late());
        }
    }

    @Test
    void responderThatDiesMidRequestIsSuspectedNotWaitedFor() throws Exception {
        try (TestCluster c = new TestCluster(3)) {
            CountDownLatch inHandler = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            c.node(2).registerHandler(TestCluster.ECHO, m -> {
                inHandler.countDown();
                release.await(10, TimeUnit.SECONDS);
                return Reply.ok(new byte[0]);
            });
            Request r = c.node(0).daemon(TestCluster.SENDER).send(Message.to(1, 2).targetDaemon(TestCluster.ECHO)
                    .expectAll().timeout(Duration.ZERO).build());
            assertTrue(inHandler.await(5, TimeUnit.SECONDS));
            Thread killer = new Thread(() -> c.node(2).close());
            killer.start();
            RequestResult result = r.await(WAIT);
            release.countDown();
            killer.join();
            assertFalse(result.success());
            assertEquals(EntryState.MATCHED, result.entries().get(0).state());
            assertEquals(EntryState.SUSPECTED, result.entries().get(1).state());
            SyscallException gone = assertThrows(SyscallException.class, () -> c.node(0).daemon(TestCluster.SENDER)
                    .send(Message.to(2).targetDaemon(TestCluster.ECHO).build()));
            assertEquals(Errno.ENXIO, gone.errno());
        }
    }

    @Test
    void unknownDaemonGetsAnErrorResponseFromTheVke() throws Exception {
        try (TestCluster c = new TestCluster(2)) {
            RequestResult result = c.node(0).daemon(TestCluster.SENDER).send(Message.to(1).targetDaemon(999).expectAll().build())
                    .await(WAIT);
            assertFalse(result.success());
            QueueEntry e = result.entries().get(0);
            assertEquals(EntryState.ERROR, e.state());
            assertEquals(Errno.ENOENT.code(), e.errorCode());
            assertTrue(new String(e.payload(), StandardCharsets.UTF_8).contains("no daemon 999"));
        }
    }

    @Test
    void handlerExceptionsAndErrorRepliesComeBackAsErrors() throws Exception {
        try (TestCluster c = new TestCluster(3)) {
            c.node(1).registerHandler(5, m -> {
                throw new IllegalStateException("disk on fire");
            });
            c.node(2).registerHandler(5, m -> Reply.error(Errno.ETIMEDOUT, "backing device slow"));
            RequestResult result = c.node(0).daemon(TestCluster.SENDER).send(Message.to(1, 2).targetDaemon(5).expectAll().build())
                    .await(WAIT);
            assertEquals(Errno.EREMOTEIO.code(), result.entries().get(0).errorCode());
            assertTrue(new String(result.entries().get(0).payload(), StandardCharsets.UTF_8).contains("disk on fire"));
            assertEquals(Errno.ETIMEDOUT.code(), result.entries().get(1).errorCode());
        }
    }

    @Test
    void firstAndNOfMPolicies() throws Exception {
        try (TestCluster c = new TestCluster(4)) {
            CountDownLatch slow = new CountDownLatch(1);
            c.node(3).registerHandler(TestCluster.ECHO, m -> {
                slow.await(5, TimeUnit.SECONDS);
                return Reply.ok(new byte[0]);
            });
            Daemon d = c.node(0).daemon(TestCluster.SENDER);
            RequestResult first = d.send(Message.broadcast().targetDaemon(TestCluster.ECHO).expectFirst().build()).await(WAIT);
            assertTrue(first.success());
            assertTrue(first.count(EntryState.MATCHED) >= 1);
            RequestResult two = d.send(Message.broadcast().targetDaemon(TestCluster.ECHO).expectAtLeast(2).build()).await(WAIT);
            assertTrue(two.success());
            assertTrue(two.count(EntryState.MATCHED) >= 2);
            assertEquals(EntryState.CANCELLED, two.entries().get(2).state(), "VIOS 3 is still busy");
            slow.countDown();
            SyscallException tooMany = assertThrows(SyscallException.class,
                    () -> d.send(Message.to(1).targetDaemon(TestCluster.ECHO).expectAtLeast(2).build()));
            assertEquals(Errno.EINVAL, tooMany.errno());
        }
    }

    @Test
    void inquiryIsAnsweredByTheVkeWithItsDeviceIdentity() throws Exception {
        try (TestCluster c = new TestCluster(2)) {
            RequestResult result = c.node(0).daemon(TestCluster.SENDER).send(Message.to(1).type(MessageType.INQUIRY)
                    .targetDaemon(0).expectAll().build()).await(WAIT);
            assertTrue(result.success());
            VkeIdentity identity = VkeIdentity.fromInquiryData(result.responses().get(0).payload());
            assertEquals(c.node(1).syscall().inquiry(), identity);
            assertEquals(1, identity.vios());
        }
    }

    @Test
    void duplicateUnexpectedAndLateResponsesAreDroppedAndCounted() throws Exception {
        try (TestCluster c = new TestCluster(2)) {
            CountDownLatch hold = new CountDownLatch(1);
            c.node(1).registerHandler(TestCluster.ECHO, m -> {
                hold.await(5, TimeUnit.SECONDS);
                return Reply.ok(bytes("real"));
            });
            Request r = c.node(0).daemon(TestCluster.SENDER).send(Message.to(1).targetDaemon(TestCluster.ECHO).expectAll().build());
            // VIOS 1 forges an answer through its own system-call interface before the handler's
            byte[] forged = responseBytes(1, r.messageId(), "forged");
            assertEquals(Errno.OK, c.node(1).syscall().send(forged));
            RequestResult result = r.await(WAIT);
            assertEquals("forged", new String(result.responses().get(0).payload(), StandardCharsets.US_ASCII));
            hold.countDown(); // the handler's real answer now arrives for an entry already matched
            assertEquals(Errno.OK, c.node(1).syscall().send(responseBytes(1, 424242, "nobody asked")));
            Eventually.await("the duplicate and the unexpected answer are counted",
                    () -> c.node(0).correlator().duplicates() > 0 && c.node(0).correlator().unexpected() > 0);
            assertEquals(1, c.node(0).correlator().duplicates(), "the real answer for the matched entry is a duplicate");
            assertEquals(1, c.node(0).correlator().unexpected());
            assertEquals(0, c.node(0).correlator().late());
        }
    }

    static byte[] responseBytes(int from, long messageId, String payload) {
        return PacketEncoder.INSTANCE.encodeToArray(responsePacket(from, messageId, payload));
    }

    static Packet responsePacket(int from, long messageId, String payload) {
        return new Packet(new PacketHeader(MessageType.DATA, Wire.FLAG_RESPONSE, from, messageId, 0, 0),
                SubHeader.builder().targetDaemon(TestCluster.SENDER).build(), bytes(payload));
    }

    @Test
    void systemCallRefusesBadPacketsWithErrnos() throws Exception {
        try (TestCluster c = new TestCluster(2)) {
            ViosNode n = c.node(0);
            assertEquals(Errno.EINVAL, n.syscall().send(bytes("not a packet at all")));
            assertEquals(Errno.EINVAL, n.syscall().send(responseBytes(1, 1, "spoofed source")));
            assertEquals(Errno.EMSGSIZE, n.syscall().send(new byte[Wire.MAX_PACKET_LENGTH + 1]));
            SyscallException noVios = assertThrows(SyscallException.class,
                    () -> n.daemon(TestCluster.SENDER).send(Message.to(1, 77).targetDaemon(TestCluster.ECHO).expectAll().build()));
            assertEquals(Errno.ENXIO, noVios.errno());
            SyscallException tooBig = assertThrows(SyscallException.class, () -> n.daemon(TestCluster.SENDER)
                    .send(Message.to(1).payload(new byte[Wire.MAX_PAYLOAD_LENGTH + 1]).build()));
            assertEquals(Errno.EMSGSIZE, tooBig.errno());
            assertEquals(List.of(), n.correlator().openQueues(), "a refused send leaves no queue behind");
            n.close();
            SyscallException closed = assertThrows(SyscallException.class,
                    () -> n.daemon(TestCluster.SENDER).send(Message.to(1).targetDaemon(TestCluster.ECHO).build()));
            assertEquals(Errno.ESHUTDOWN, closed.errno());
        }
    }

    @Test
    void everyHopOfARequestAndItsResponseIsTraced() throws Exception {
        try (TestCluster c = new TestCluster(2)) {
            List<TraceEvent> events = new CopyOnWriteArrayList<>();
            c.trace.addListener(events::add);
            Request r = c.node(0).daemon(TestCluster.SENDER).send(Message.to(1).targetDaemon(TestCluster.ECHO).expectAll().build());
            assertTrue(r.await(WAIT).success());
            Eventually.await("the COMPLETE event", () -> events.stream().anyMatch(e -> e.kind() == TraceKind.COMPLETE));
            List<String> path = events.stream().filter(e -> e.messageId() == r.messageId())
                    .map(e -> e.vios() + " " + e.layer() + " " + e.kind()).toList();
            assertEquals(List.of(
                    "0 QUEUE QUEUE_CREATE", "0 DAEMON SEND", "0 SYSCALL COPY_IN", "0 VKE ROUTE", "0 KCLUSTER TRANSMIT",
                    "1 KCLUSTER RECEIVE", "1 VKE DELIVER", "1 SYSCALL COPY_OUT", "1 DAEMON HANDLE", "1 SYSCALL COPY_IN",
                    "1 VKE ROUTE", "1 KCLUSTER TRANSMIT", "0 KCLUSTER RECEIVE", "0 VKE DELIVER", "0 SYSCALL COPY_OUT",
                    "0 QUEUE MATCH", "0 QUEUE COMPLETE"), path);
            assertTrue(events.stream().allMatch(e -> e.layer() != null && e.timeNanos() > 0));
            assertTrue(events.stream().filter(e -> e.layer() == Layer.KCLUSTER).allMatch(e -> e.bytes() > 0));
        }
    }
}
