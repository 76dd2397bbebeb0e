package org.viosbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viosbench.cluster.ClusterDescription;
import org.viosbench.cluster.EmbeddedCluster;
import org.viosbench.engine.EntryState;
import org.viosbench.engine.Message;
import org.viosbench.engine.Request;
import org.viosbench.engine.Trace;
import org.viosbench.engine.TraceEvent;
import org.viosbench.engine.TraceKind;
import org.viosbench.trace.QueueState;
import org.viosbench.trace.RecordedTrace;
import org.viosbench.trace.TraceCursor;
import org.viosbench.trace.TraceFile;

/** A real embedded cluster's trace, recorded, saved, reopened, and stepped through: the queues as they were. */
class RecordedRunTest {

    @TempDir
    Path tmp;

    @Test
    void queuesAndViewsAreReconstructedFromARecordedRun() throws Exception {
        List<TraceEvent> events = Collections.synchronizedList(new ArrayList<>());
        Trace trace = new Trace();
        trace.addListener(events::add);
        Request ok;
        Request suspected;
        try (EmbeddedCluster c = EmbeddedCluster.start(ClusterDescription.of(3, 10).withTiming(Duration.ofMillis(50), Duration.ofMillis(300)),
                trace, 1)) {
            ok = c.node(0).daemon(20).send(Message.broadcast().targetDaemon(10).payload(new byte[] { 1 }).expectAll()
                    .timeout(Duration.ofSeconds(5)).build());
            assertTrue(ok.await().success());
            c.kill(2);
            suspected = c.node(0).daemon(20).send(Message.to(1, 2).targetDaemon(10).expectAll().timeout(Duration.ofSeconds(5)).build());
            assertTrue(!suspected.await().success());
        }
        List<TraceEvent> sorted;
        synchronized (events) {
            sorted = new ArrayList<>(events);
        }
        sorted.sort(java.util.Comparator.comparingLong(TraceEvent::timeNanos)); // threads emit concurrently
        Path file = tmp.resolve("run.jsonl");
        TraceFile.write(new RecordedTrace(sorted, Map.of(0, "vios0", 1, "vios1", 2, "vios2")), file);
        RecordedTrace t = TraceFile.read(file);
        TraceCursor cursor = new TraceCursor(t);

        cursor.jumpToTime(Long.MAX_VALUE);
        QueueState first = cursor.queue(ok.messageId());
        assertEquals("success", first.completion());
        assertEquals(Map.of(1, EntryState.MATCHED, 2, EntryState.MATCHED), first.ended());
        QueueState second = cursor.queue(suspected.messageId());
        assertEquals("failed", second.completion());
        assertEquals(EntryState.MATCHED, second.ended().get(1));
        assertEquals(EntryState.SUSPECTED, second.ended().get(2));
        assertEquals("SUSPECTED", cursor.viewOf(0).get(2), "VIOS 0 saw VIOS 2 suspected");

        // back to just after the first match: one matched, one pending, still open
        int firstMatch = -1;
        for (int i : t.eventsOf(ok.messageId())) {
            if (t.event(i).kind() == TraceKind.MATCH) {
                firstMatch = i;
                break;
            }
        }
        cursor.jumpToEvent(firstMatch);
        QueueState half = cursor.queue(ok.messageId());
        assertTrue(half.open());
        assertEquals(1, half.ended().size());
        assertEquals(1, half.pending());
        assertTrue(cursor.openQueues().stream().anyMatch(q -> q.messageId() == ok.messageId()));
        cursor.jumpToEvent(-1);
        assertEquals(null, cursor.queue(ok.messageId()), "before it was created");

        // every kcluster send of the broadcast arrived
        for (int i : t.eventsOf(ok.messageId())) {
            if (t.event(i).kind() == TraceKind.TRANSMIT) {
                assertEquals(1, t.receiptsOf(i).size(), "send " + i + " " + t.event(i));
            }
        }
        assertEquals(2, t.responsesOf(ok.messageId()).size());
    }
}
