package org.viosbench.engine;

import org.viosbench.protocol.Errno;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.viosbench.protocol.MessageType;
import org.viosbench.protocol.Packet;
import org.viosbench.protocol.PacketHeader;
import org.viosbench.protocol.ResponseSpec;
import org.viosbench.protocol.SubHeader;
import org.viosbench.protocol.Wire;

/** The correlator and its response queues, without any network. */
class ResponseQueueTest {

    private final Trace trace = new Trace();
    private final Correlator correlator = new Correlator(0, trace, EngineTimer.shared());

    static Packet response(long id, int responder, int errorCode) {
        SubHeader.Builder sub = SubHeader.builder().targetDaemon(1);
        int flags = Wire.FLAG_RESPONSE;
        if (errorCode >= 0) {
            flags |= Wire.FLAG_ERROR;
            sub.errorCode(errorCode);
        }
        return new Packet(new PacketHeader(MessageType.DATA, flags, responder, id, 0, 0), sub.build(), new byte[] { (byte) responder });
    }

    @Test
    void allPolicyCompletesWhenEveryEntryIsMatchedAndRemoved() throws Exception {
        long id = correlator.nextMessageId();
        ResponseQueue q = correlator.register(id, new int[] { 1, 2, 3 }, ResponseSpec.all(3), 0);
        assertEquals(List.of(q), correlator.openQueues());
        correlator.onResponse(response(id, 2, -1));
        assertArrayEquals(new int[] { 1, 3 }, q.pendingResponders(), "the matched entry left the pending set");
        assertFalse(q.isDone());
        correlator.onResponse(response(id, 1, -1));
        correlator.onResponse(response(id, 3, -1));
        RequestResult r = q.future().get(1, TimeUnit.SECONDS);
        assertTrue(r.success());
        assertEquals(3, r.responses().size());
        assertEquals(3, r.responses().get(2).payload()[0]);
        assertEquals(List.of(), correlator.openQueues(), "a completed queue is removed");
    }

    @Test
    void duplicateLateAndUnexpectedResponsesAreCountedNeverMatchedTwice() throws Exception {
        long id = correlator.nextMessageId();
        ResponseQueue q = correlator.register(id, new int[] { 1, 2 }, ResponseSpec.all(2), 0);
        correlator.onResponse(response(id, 1, -1));
        correlator.onResponse(response(id, 1, -1));
        assertEquals(1, correlator.duplicates());
        correlator.onResponse(response(id, 9, -1));
        assertEquals(1, correlator.unexpected(), "responder 9 has no entry");
        correlator.onResponse(response(id, 2, -1));
        assertTrue(q.future().get(1, TimeUnit.SECONDS).success());
        correlator.onResponse(response(id, 2, -1));
        assertEquals(2, correlator.duplicates(), "a second copy after completion is still a duplicate");
        assertEquals(0, correlator.late());
        correlator.onResponse(response(999_999, 1, -1));
        assertEquals(2, correlator.unexpected(), "an id this VIOS never issued");
        assertEquals(2, q.future().get().responses().size());
    }

    @Test
    void firstPolicyCancelsTheRest() throws Exception {
        long id = correlator.nextMessageId();
        ResponseQueue q = correlator.register(id, new int[] { 1, 2, 3 }, ResponseSpec.first(3), 0);
        correlator.onResponse(response(id, 3, 2)); // an error response does not satisfy FIRST
        assertFalse(q.isDone());
        correlator.onResponse(response(id, 2, -1));
        RequestResult r = q.future().get(1, TimeUnit.SECONDS);
        assertTrue(r.success());
        assertEquals(1, r.count(EntryState.ERROR));
        assertEquals(1, r.count(EntryState.MATCHED));
        assertEquals(1, r.count(EntryState.CANCELLED));
        correlator.onResponse(response(id, 1, -1));
        assertEquals(1, correlator.late());
    }

    @Test
    void nOfMFailsAsSoonAsItCannotBeMet() throws Exception {
        long id = correlator.nextMessageId();
        ResponseQueue q = correlator.register(id, new int[] { 1, 2, 3, 4 }, ResponseSpec.nOfM(3, 4), 0);
        correlator.onResponse(response(id, 1, -1));
        correlator.onMemberLeft(2, "test");
        assertFalse(q.isDone(), "3 of the remaining 3 can still make it");
        correlator.onResponse(response(id, 3, Errno.EREMOTEIO.code()));
        RequestResult r = q.future().get(1, TimeUnit.SECONDS);
        assertFalse(r.success());
        assertEquals(EntryState.SUSPECTED, r.entries().get(1).state());
        assertEquals(Errno.EREMOTEIO.code(), r.entries().get(2).errorCode());
        assertEquals(EntryState.CANCELLED, r.entries().get(3).state());
    }

    @Test
    void timeoutEndsEveryPendingEntry() throws Exception {
        long id = correlator.nextMessageId();
        ResponseQueue q = correlator.register(id, new int[] { 1, 2 }, ResponseSpec.all(2), 50);
        correlator.onResponse(response(id, 1, -1));
        RequestResult r = q.future().get(2, TimeUnit.SECONDS);
        assertFalse(r.success());
        assertEquals(EntryState.MATCHED, r.entries().get(0).state());
        assertEquals(EntryState.TIMED_OUT, r.entries().get(1).state());
        assertTrue(r.elapsedNanos() >= TimeUnit.MILLISECONDS.toNanos(45), "elapsed " + r.elapsedNanos());
        assertEquals(List.of(), correlator.openQueues());
    }

    @Test
    void shutdownAbortsOpenRequestsAndLaterOnes() throws Exception {
        ResponseQueue q = correlator.register(correlator.nextMessageId(), new int[] { 1 }, ResponseSpec.all(1), 0);
        correlator.shutdown();
        assertEquals(EntryState.ABORTED, q.future().get(1, TimeUnit.SECONDS).entries().get(0).state());
        ResponseQueue later = correlator.register(correlator.nextMessageId(), new int[] { 1 }, ResponseSpec.all(1), 0);
        assertFalse(later.future().get(1, TimeUnit.SECONDS).success());
        assertEquals(List.of(), correlator.openQueues());
    }

    @Test
    void listenersSeeCreationEntriesAndCompletion() throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        correlator.addListener(new ResponseQueueListener() {
            @Override
            public void created(ResponseQueue queue) {
                seen.add("created");
            }

            @Override
            public void entryEnded(ResponseQueue queue, QueueEntry entry) {
                seen.add(entry.responder() + ":" + entry.state());
            }

            @Override
            public void completed(ResponseQueue queue, RequestResult result) {
                seen.add("completed:" + result.success());
            }
        });
        List<TraceEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        trace.addListener(events::add);
        long id = correlator.nextMessageId();
        ResponseQueue q = correlator.register(id, new int[] { 4, 5 }, ResponseSpec.all(2), 0);
        correlator.onResponse(response(id, 5, -1));
        correlator.onResponse(response(id, 4, -1));
        q.future().get(1, TimeUnit.SECONDS);
        assertEquals(List.of("created", "5:MATCHED", "4:MATCHED", "completed:true"), seen);
        assertEquals(List.of(TraceKind.QUEUE_CREATE, TraceKind.MATCH, TraceKind.MATCH, TraceKind.COMPLETE),
                events.stream().map(TraceEvent::kind).toList());
        assertTrue(events.stream().allMatch(e -> e.layer() == Layer.QUEUE && e.messageId() == id));
    }
}
