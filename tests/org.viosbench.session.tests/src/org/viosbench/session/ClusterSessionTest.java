package org.viosbench.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.viosbench.engine.TraceEvent;
import org.viosbench.engine.TraceKind;
import org.viosbench.protocol.MessageType;
import org.viosbench.topology.Samples;
import org.viosbench.topology.Topology;
import org.viosbench.topology.Vios;
import org.viosbench.trace.RecordedTrace;
import org.viosbench.trace.TraceCursor;

/** A topology running as a real embedded cluster, driven through its session. */
class ClusterSessionTest {

    private static FireSpec broadcastFrom(int source) {
        return new FireSpec(source, 20, MessageType.DATA, true, new int[0], 10, "hi".getBytes(), FireSpec.ALL, 0, 3000, 1);
    }

    @Test
    void theTimelineHoldsTheClusterFromItsStartWhoeverLooksLater() throws Exception {
        Topology t = Samples.build("small");
        try (ClusterSession s = ClusterSession.start(t)) {
            List<SentRequest> fired = s.fire(broadcastFrom(1));
            fired.addAll(s.fire(broadcastFrom(2)));
            for (SentRequest r : fired) {
                assertTrue(r.request().future().get(5, TimeUnit.SECONDS).success(), r.refusal());
            }
            // a view that opens only now still sees everything: the VIOSes starting, then both broadcasts hop by hop
            RecordedTrace trace = s.trace();
            assertEquals("started", trace.event(0).outcome(), trace.event(0).toString());
            assertEquals(t.vioses().size(), trace.events().stream().filter(e -> "started".equals(e.outcome())).count());
            for (SentRequest r : fired) {
                long id = r.messageId();
                assertTrue(s.isFired(id));
                List<TraceEvent> sends = trace.events().stream().filter(e -> e.messageId() == id && e.kind() == TraceKind.TRANSMIT
                        && !e.response()).toList();
                assertEquals(t.vioses().size() - 1, sends.size(), "one send per receiver of the broadcast");
                sends.forEach(e -> assertNotNull(e.packet(), "with its packet: " + e));
                TraceCursor c = new TraceCursor(trace);
                c.jumpToTime(Long.MAX_VALUE);
                assertEquals("success", c.queue(id).completion());
            }
            assertEquals(0, s.timeline().letGo());
            assertEquals(s.timeline().appended(), s.timeline().events().size());

            // the captured packets are the timeline's sends, not a copy: each broadcast once, then its three responses
            List<CapturedPacket> packets = s.packets();
            assertEquals(2 * t.vioses().size(), packets.size(), packets.toString());
            CapturedPacket request = packets.stream().filter(p -> p.from().equals("vios1") && p.to().equals("broadcast")).findFirst().orElseThrow();
            TraceEvent send = trace.events().stream().filter(e -> e.kind() == TraceKind.TRANSMIT && e.messageId() == fired.get(0).messageId()
                    && !e.response()).findFirst().orElseThrow();
            assertSame(send.packet(), request.bytes(), "the bytes are the trace event's own");
            assertEquals(t.vioses().size() - 1, packets.stream().filter(p -> p.to().equals("vios1")).count(), "every VIOS answered vios1");
        }
    }

    @Test
    void aSmallTimelineKeepsTheNewestEventsAndCountsTheOthers() throws Exception {
        try (ClusterSession s = ClusterSession.start(Samples.build("small"), 30)) {
            s.fire(broadcastFrom(1)).get(0).request().future().get(5, TimeUnit.SECONDS);
            Timeline tl = s.timeline();
            long all = tl.appended();
            assertTrue(all > 30, "starting 4 VIOSes, a broadcast to 3 and its responses make more than 30 events: " + all);
            assertEquals(30, tl.events().size());
            assertEquals(all - 30, tl.letGo());
            assertEquals(TraceKind.COMPLETE, tl.events().get(29).kind(), "the newest is kept: " + tl.events().get(29));
            assertEquals(List.of(), tl.since(all));
            assertEquals(1, tl.since(all - 1).size());
            assertEquals(30, tl.since(0).size(), "what was let go is skipped");
        }
    }

    @Test
    void listenersHearTypedChanges() throws Exception {
        Topology t = Samples.build("small");
        List<SessionEvent> heard = new CopyOnWriteArrayList<>();
        Vios victim = t.vioses().get(t.vioses().size() - 1);
        ClusterSession s = ClusterSession.start(t);
        try {
            s.addListener(heard::add);
            SentRequest r = s.fire(broadcastFrom(1)).get(0);
            r.request().future().get(5, TimeUnit.SECONDS);
            s.kill(victim);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (heard.stream().noneMatch(e -> e instanceof SessionEvent.Membership m && m.vios() == (int) victim.id())
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            s.close();
        }
        assertTrue(heard.stream().anyMatch(e -> e instanceof SessionEvent.Requests q && q.request() != null), heard.toString());
        assertTrue(heard.stream().anyMatch(e -> e instanceof SessionEvent.Captured), heard.toString());
        assertTrue(heard.stream().anyMatch(e -> e instanceof SessionEvent.Faults f && f.what().contains("killed")), heard.toString());
        assertTrue(heard.stream().anyMatch(e -> e instanceof SessionEvent.Membership m && m.vios() == (int) victim.id()),
                "the others notice the kill: " + heard);
        assertTrue(heard.get(heard.size() - 1) instanceof SessionEvent.Stopped, heard.toString());
        assertFalse(s.isRunning());
    }

    @Test
    void aTopologyWithErrorsIsRefusedWithThem() {
        Topology t = new Topology("empty");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ClusterSession.start(t));
        assertTrue(e.getMessage().contains("no VIOS"), e.getMessage());
    }
}
