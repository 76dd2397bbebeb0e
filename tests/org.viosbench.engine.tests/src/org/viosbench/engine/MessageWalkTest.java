package org.viosbench.engine;

import org.viosbench.protocol.Errno;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.viosbench.engine.kcluster.InThreadKCluster;
import org.viosbench.protocol.MessageType;

/**
 * The engine's walk of one message, hop by hop, on an in-thread kcluster: daemon → system call →
 * VKE → kcluster → VKE → system call → daemon → response queue. Every hop is a trace event that
 * carries the facts of its packet; every kcluster send carries the packet bytes it sent.
 */
class MessageWalkTest {

    private final InThreadKCluster kcluster = new InThreadKCluster();
    private final List<TraceEvent> events = new ArrayList<>();
    private final Trace trace = new Trace();
    private final List<ViosNode> nodes = new ArrayList<>();

    MessageWalkTest() {
        trace.addListener(events::add);
    }

    private ViosNode node(int id) {
        ViosNode n = new ViosNode("vios" + id, kcluster.join(id), trace);
        n.registerHandler(10, m -> Reply.ok(("echo " + new String(m.payloadBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        nodes.add(n);
        return n;
    }

    @AfterEach
    void close() {
        nodes.forEach(ViosNode::close);
    }

    /** "vios kind" for each event from {@code from} on. */
    private List<String> hops(int from) {
        return events.subList(from, events.size()).stream().map(e -> e.vios() + " " + e.kind()).toList();
    }

    @Test
    void aRequestWalksDownTheSenderAcrossKclusterUpTheReceiverAndItsResponseComesBackToTheQueue() throws Exception {
        ViosNode sender = node(0);
        node(1);
        Request r = sender.daemon(20).send(Message.to(1).type(MessageType.DATA).targetDaemon(10)
                .payload("hi".getBytes(StandardCharsets.UTF_8)).expectAll().build());
        // nothing crossed yet: the request went down the sender's layers and waits on the kcluster
        assertEquals(List.of("0 QUEUE_CREATE", "0 SEND", "0 COPY_IN", "0 ROUTE", "0 TRANSMIT"), hops(0));
        assertEquals(1, kcluster.inFlight().size());
        TraceEvent transmit = events.get(4);
        assertArrayEquals(kcluster.inFlight().get(0).bytes(), transmit.packet(), "the send carries the very bytes that cross");
        assertEquals(r.messageId(), transmit.messageId());
        for (TraceEvent e : events) {
            assertEquals(MessageType.DATA, e.type(), e + " names the packet's type");
            assertFalse(e.response(), e + " is about the request");
        }

        int mark = events.size();
        assertTrue(kcluster.deliverNext());
        assertEquals(List.of("1 RECEIVE", "1 DELIVER", "1 COPY_OUT", "1 HANDLE", "1 COPY_IN", "1 ROUTE", "1 TRANSMIT"), hops(mark));
        for (TraceEvent e : events.subList(mark, mark + 4)) {
            assertFalse(e.response(), "up the receiver, " + e + " is about the request");
        }
        for (TraceEvent e : events.subList(mark + 4, events.size())) {
            assertTrue(e.response(), "back down the receiver, " + e + " is about the response");
        }
        assertNotNull(events.get(events.size() - 1).packet(), "the response's send carries its packet");
        assertFalse(r.future().isDone());

        mark = events.size();
        assertTrue(kcluster.deliverNext());
        assertEquals(List.of("0 RECEIVE", "0 DELIVER", "0 COPY_OUT", "0 MATCH", "0 COMPLETE"), hops(mark));
        assertTrue(events.get(mark + 3).response(), "the match is about the response matched");
        assertFalse(events.get(mark + 4).response(), "the completion is about the request");
        RequestResult result = r.future().getNow(null);
        assertTrue(result.success());
        assertEquals("echo hi", new String(result.responses().get(0).payload(), StandardCharsets.UTF_8));
        assertEquals(List.of(), sender.correlator().openQueues(), "the matched entry and its queue are gone");
        for (TraceEvent e : events) {
            if (e.kind() != TraceKind.TRANSMIT) {
                assertNull(e.packet(), "only sends carry packets: " + e);
            }
        }
    }

    @Test
    void aBroadcastTracesOneSendPerReceiverEachCarryingThePacket() throws Exception {
        ViosNode sender = node(0);
        node(1);
        node(2);
        sender.daemon(20).send(Message.broadcast().type(MessageType.PING).targetDaemon(10).expectAll().build());
        List<TraceEvent> sends = events.stream().filter(e -> e.kind() == TraceKind.TRANSMIT).toList();
        assertEquals(List.of(1, 2), sends.stream().map(TraceEvent::peer).toList());
        List<InThreadKCluster.InFlight> crossing = kcluster.inFlight();
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(crossing.get(i).bytes(), sends.get(i).packet());
            assertTrue(sends.get(i).broadcast());
            assertEquals(MessageType.PING, sends.get(i).type());
        }
        assertEquals(2 + 2, kcluster.deliverAll(), "two requests, two responses");
        assertEquals(2, events.stream().filter(e -> e.kind() == TraceKind.MATCH).count());
    }

    @Test
    void anUntracedBroadcastSendsTheSameBytesAsATracedOne() throws Exception {
        ViosNode sender = node(0);
        node(1);
        node(2);
        Trace quiet = new Trace();
        InThreadKCluster other = new InThreadKCluster();
        ViosNode q0 = new ViosNode("vios0", other.join(0), quiet);
        ViosNode q1 = new ViosNode("vios1", other.join(1), quiet);
        ViosNode q2 = new ViosNode("vios2", other.join(2), quiet);
        try {
            Message m = Message.broadcast().type(MessageType.DATA).targetDaemon(10).payload(new byte[] { 1, 2, 3 }).build();
            sender.daemon(20).send(m);
            q0.daemon(20).send(m);
            assertFalse(quiet.enabled());
            assertEquals(kcluster.inFlight().size(), other.inFlight().size());
            for (int i = 0; i < kcluster.inFlight().size(); i++) {
                assertEquals(kcluster.inFlight().get(i).to(), other.inFlight().get(i).to());
                assertArrayEquals(kcluster.inFlight().get(i).bytes(), other.inFlight().get(i).bytes());
            }
        } finally {
            q0.close();
            q1.close();
            q2.close();
        }
    }

    @Test
    void aListenerThatThrowsIsCountedAndTheMessageStillArrives() throws Exception {
        ViosNode sender = node(0);
        node(1);
        trace.addListener(e -> {
            throw new IllegalStateException("a buggy view");
        });
        Request r = sender.daemon(20).send(Message.to(1).targetDaemon(10).expectAll().build());
        kcluster.deliverAll();
        assertTrue(r.future().getNow(null).success());
        assertEquals(events.size(), trace.listenerFailures(), "every event's failure counted");
    }

    @Test
    void aHandlerThatThrowsIsAnsweredCountedAndVisibleInTheTrace() throws Exception {
        ViosNode sender = node(0);
        ViosNode receiver = node(1);
        receiver.registerHandler(11, m -> {
            throw new IllegalStateException("disk on fire");
        });
        Request r = sender.daemon(20).send(Message.to(1).targetDaemon(11).expectAll().build());
        kcluster.deliverAll();
        RequestResult result = r.future().getNow(null);
        assertFalse(result.success());
        assertEquals(Errno.EREMOTEIO.code(), result.entries().get(0).errorCode());
        assertEquals(1, receiver.daemon(11).handlerFailures());
        TraceEvent handle = events.stream().filter(e -> e.kind() == TraceKind.HANDLE).findFirst().orElseThrow();
        assertTrue(handle.outcome().contains("handler threw IllegalStateException: disk on fire"), handle.outcome());
        assertTrue(events.stream().anyMatch(e -> e.kind() == TraceKind.MATCH_ERROR && e.error()), "the error response is matched as such");
    }
}
