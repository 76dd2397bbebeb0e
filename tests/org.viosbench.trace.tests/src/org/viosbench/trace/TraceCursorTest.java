package org.viosbench.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.viosbench.engine.EntryState;
import org.viosbench.engine.Layer;
import org.viosbench.engine.TraceEvent;
import org.viosbench.engine.TraceKind;

/** The cursor over a trace shaped as the engine writes one: a broadcast from VIOS 1 answered by 2, suspecting 3. */
class TraceCursorTest {

    /** The events of one broadcast request 7 from VIOS 1 to 2 and 3: 2 answers, 3 is suspected. */
    static RecordedTrace broadcast() {
        List<TraceEvent> e = new ArrayList<>();
        long t = 1000;
        e.add(new TraceEvent(t++, 1, Layer.QUEUE, TraceKind.QUEUE_CREATE, 7, -1, 2, "ALL"));
        e.add(new TraceEvent(t++, 1, Layer.DAEMON, TraceKind.SEND, 7, -1, 60, "DATA"));
        e.add(new TraceEvent(t++, 1, Layer.SYSCALL, TraceKind.COPY_IN, 7, -1, 60, "ok"));
        e.add(new TraceEvent(t++, 1, Layer.VKE, TraceKind.ROUTE, 7, -1, 60, "broadcast to 2"));
        e.add(new TraceEvent(t++, 1, Layer.KCLUSTER, TraceKind.TRANSMIT, 7, 2, 60, "broadcast")); // 4
        e.add(new TraceEvent(t++, 1, Layer.KCLUSTER, TraceKind.TRANSMIT, 7, 3, 60, "broadcast")); // 5
        e.add(new TraceEvent(t++, 2, Layer.KCLUSTER, TraceKind.RECEIVE, 7, 1, 60, "ok")); // 6
        e.add(new TraceEvent(t++, 2, Layer.VKE, TraceKind.DELIVER, 7, 10, 60, "ok"));
        e.add(new TraceEvent(t++, 2, Layer.SYSCALL, TraceKind.COPY_OUT, 7, 10, 60, "ok"));
        e.add(new TraceEvent(t++, 2, Layer.DAEMON, TraceKind.HANDLE, 7, 1, 5, "ok"));
        e.add(new TraceEvent(t++, 2, Layer.KCLUSTER, TraceKind.TRANSMIT, 7, 1, 50, "response")); // 10
        e.add(new TraceEvent(t++, 1, Layer.KCLUSTER, TraceKind.RECEIVE, 7, 2, 50, "ok")); // 11
        e.add(new TraceEvent(t++, 1, Layer.QUEUE, TraceKind.MATCH, 7, 2, 50, "matched")); // 12
        e.add(new TraceEvent(t++, 3, Layer.KCLUSTER, TraceKind.MEMBERSHIP, -1, 3, -1, "killed")); // 13
        e.add(new TraceEvent(t++, 1, Layer.KCLUSTER, TraceKind.MEMBERSHIP, -1, 3, -1, "SUSPECTED: no heartbeat for 300 ms")); // 14
        e.add(new TraceEvent(t++, 1, Layer.QUEUE, TraceKind.SUSPECT, 7, 3, -1, "suspected")); // 15
        e.add(new TraceEvent(t++, 1, Layer.QUEUE, TraceKind.COMPLETE, 7, -1, 1, "FAILED")); // 16
        e.add(new TraceEvent(t++, 1, Layer.KCLUSTER, TraceKind.MEMBERSHIP, -1, 3, -1, "UP: heard again")); // 17
        // as the engine traces them: every event of message 7 with the facts of its packet (10-12 the response)
        for (int i = 0; i < e.size(); i++) {
            if (e.get(i).messageId() == 7) {
                boolean response = i >= 10 && i <= 12;
                e.set(i, e.get(i).withFacts(org.viosbench.protocol.MessageType.DATA, response ? org.viosbench.protocol.Wire.FLAG_RESPONSE
                        : org.viosbench.protocol.Wire.FLAG_BROADCAST | org.viosbench.protocol.Wire.FLAG_RESPONSE_REQUESTED));
            }
        }
        return new RecordedTrace(e, Map.of(1, "vios1", 2, "vios2", 3, "vios3"));
    }

    @Test
    void aMessagesTypeComesFromItsSend() {
        List<TraceEvent> e = new ArrayList<>();
        e.add(new TraceEvent(1, 1, Layer.DAEMON, TraceKind.SEND, 7, 2, 60, "PING"));
        e.add(new TraceEvent(2, 2, Layer.KCLUSTER, TraceKind.RECEIVE, 7, 1, 60, "ok"));
        e.add(new TraceEvent(3, 2, Layer.KCLUSTER, TraceKind.RECEIVE, 8, 1, 60, "ok"));
        RecordedTrace t = new RecordedTrace(e, java.util.Map.of());
        assertEquals("PING", t.typeOf(7));
        assertEquals(null, t.typeOf(8), "no SEND of message 8 in this trace");
    }

    @Test
    void steppingForwardAndBackShowsTheQueueAsItWas() {
        TraceCursor c = new TraceCursor(broadcast());
        assertNull(c.current());
        assertNull(c.queue(7), "not created before the first event");
        assertFalse(c.stepBack());
        c.stepForward();
        QueueState created = c.queue(7);
        assertEquals(2, created.pending());
        assertEquals("ALL", created.policy());
        assertTrue(created.open());
        c.jumpToEvent(12); // the match of VIOS 2
        assertEquals(Map.of(2, EntryState.MATCHED), c.queue(7).ended());
        assertEquals(1, c.queue(7).pending());
        assertEquals(List.of(7L), c.openQueues().stream().map(QueueState::messageId).toList());
        c.stepBack();
        assertEquals(Map.of(), c.queue(7).ended(), "stepping back takes the match back");
        assertEquals(2, c.queue(7).pending());
        c.jumpToEvent(16);
        QueueState done = c.queue(7);
        assertEquals("FAILED", done.completion());
        assertEquals(Map.of(2, EntryState.MATCHED, 3, EntryState.SUSPECTED), done.ended());
        assertEquals(List.of(), c.openQueues());
        while (c.stepForward()) {
            // to the end
        }
        assertEquals(18, c.position());
    }

    @Test
    void membershipViewsAtTheCursor() {
        TraceCursor c = new TraceCursor(broadcast());
        c.jumpToEvent(13);
        assertEquals(Map.of(), c.viewOf(1));
        c.jumpToEvent(14);
        assertEquals(Map.of(3, "SUSPECTED"), c.viewOf(1));
        c.jumpToEvent(17);
        assertEquals(Map.of(3, "UP"), c.viewOf(1));
        c.stepBack();
        assertEquals(Map.of(3, "SUSPECTED"), c.viewOf(1), "back: as it was");
    }

    @Test
    void causalityAndTime() {
        RecordedTrace t = broadcast();
        assertEquals(List.of(6), t.receiptsOf(4), "the send to VIOS 2 arrived as event 6");
        assertEquals(List.of(), t.receiptsOf(5), "the send to VIOS 3 never arrived");
        assertEquals(List.of(11), t.receiptsOf(10), "the response arrived back");
        assertEquals(List.of(10), t.responsesOf(7));
        assertEquals(15, t.eventsOf(7).length, "all but the three membership events");
        TraceCursor c = new TraceCursor(t);
        c.jumpToTime(1006);
        assertEquals(6, c.position());
        c.jumpToTime(0);
        assertEquals(0, c.position());
        c.jumpToTime(Long.MAX_VALUE);
        assertEquals(t.size(), c.position());
    }
}
