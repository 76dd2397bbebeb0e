package org.viosbench.cluster.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.viosbench.cluster.ClusterDescription;
import org.viosbench.engine.EntryState;
import org.viosbench.engine.Layer;
import org.viosbench.engine.Message;
import org.viosbench.engine.Request;
import org.viosbench.engine.RequestResult;
import org.viosbench.engine.TraceEvent;
import org.viosbench.engine.TraceKind;

/** Step mode on the real engines: every delivery, drop, delay, timeout and kill is the user's. */
class StepClusterTest {
    private static final int DAEMON = 10;

    private static Message unicast(int to, long timeoutMillis) {
        return Message.to(to).targetDaemon(DAEMON).payload("ping".getBytes(StandardCharsets.US_ASCII)).expectAll()
                .timeout(Duration.ofMillis(timeoutMillis)).build();
    }

    private static Message broadcast() {
        return Message.broadcast().targetDaemon(DAEMON).payload(new byte[] { 1, 2, 3 }).expectAll().timeout(Duration.ofMillis(5)).build();
    }

    private static List<TraceKind> kinds(List<TraceEvent> events, Layer layer) {
        return events.stream().filter(e -> e.layer() == layer).map(TraceEvent::kind).toList();
    }

    @Test
    void nothingMovesUntilTheUserDeliversThenTheResponseIsMatched() throws Exception {
        try (StepCluster c = StepCluster.start(ClusterDescription.of(2, DAEMON), 1)) {
            Request r = c.fire(0, DAEMON, unicast(1, 1000));
            List<Pending> p = c.pending();
            assertEquals(1, p.size());
            assertEquals(0, p.get(0).from());
            assertEquals(1, p.get(0).to());
            assertFalse(p.get(0).response());
            assertEquals(r.messageId(), p.get(0).messageId());
            assertEquals(0, c.nowNanos(), "sending takes no virtual time");
            assertFalse(r.queue().isDone());
            assertTrue(c.events().stream().noneMatch(e -> e.kind() == TraceKind.RECEIVE), "nothing arrives by itself");

            assertTrue(c.deliverNext());
            assertEquals(StepCluster.LINK_NANOS, c.nowNanos(), "the clock moved to the arrival");
            Pending response = c.pending().get(0);
            assertTrue(response.response());
            assertEquals(1, response.from());
            assertFalse(r.queue().isDone(), "the response has not arrived yet");

            assertTrue(c.deliverNext());
            RequestResult result = r.future().getNow(null);
            assertTrue(result != null && result.success(), "matched and complete: " + r.queue());
            assertEquals(2 * StepCluster.LINK_NANOS, c.nowNanos());
            assertTrue(c.pending().isEmpty());
            assertTrue(c.isQuiet(), "the timeout was cancelled when the request completed");
            assertEquals(List.of(TraceKind.QUEUE_CREATE, TraceKind.MATCH, TraceKind.COMPLETE), kinds(c.events(), Layer.QUEUE));
            assertFalse(c.deliverNext(), "nothing left");
            // 92 B: 48 header (one destination) + 40 sub-header (five entries) + 4 payload; the response 48 + 12 + 4
            assertEquals(List.of("fire DATA from VIOS 0 daemon 10 to [1]: m1", "deliver next: #1 VIOS 0 → 1 DATA request m1, 92 B, due 0.050 ms",
                    "deliver next: #2 VIOS 1 → 0 DATA response m1, 64 B, due 0.100 ms"), c.log());
        }
    }

    @Test
    void twoViosesRequestsNeverShareAMessageId() throws Exception {
        try (StepCluster c = StepCluster.start(ClusterDescription.of(3, DAEMON), 1)) {
            Request a = c.fire(1, DAEMON, unicast(2, 100));
            Request b = c.fire(2, DAEMON, unicast(1, 100));
            assertNotEquals(a.messageId(), b.messageId());
            assertEquals(1, org.viosbench.engine.MessageIds.sender(a.messageId()));
            assertEquals(2, org.viosbench.engine.MessageIds.sender(b.messageId()));
            c.runToQuiet(100);
            assertTrue(a.future().getNow(null).success() && b.future().getNow(null).success());
            assertEquals(List.of("VIOS 1 m1.1", "VIOS 2 m2.1"), List.copyOf(BranchComparison.outcomes(c.events()).keySet()));
        }
    }

    @Test
    void pickingALaterDeliveryFirstReordersTheRun() throws Exception {
        try (StepCluster c = StepCluster.start(ClusterDescription.of(4, DAEMON), 1)) {
            c.fire(0, DAEMON, broadcast());
            List<Pending> fan = c.pending();
            assertEquals(List.of(1, 2, 3), fan.stream().map(Pending::to).toList(), "a broadcast fans out to every other VIOS");
            java.util.Map<Integer, byte[]> packets = c.packets();
            assertEquals(3, packets.size(), "each send carries its packet");
            for (java.util.Map.Entry<Integer, byte[]> p : packets.entrySet()) {
                TraceEvent send = c.events().get(p.getKey());
                assertEquals(TraceKind.TRANSMIT, send.kind());
                Pending waiting = fan.stream().filter(f -> f.to() == send.peer()).findFirst().orElseThrow();
                assertTrue(java.util.Arrays.equals(c.packet(waiting.id()), p.getValue()), "the bytes of the send to " + send.peer());
            }
            c.deliver(fan.get(2).id()); // VIOS 3 first
            c.deliver(fan.get(0).id()); // then VIOS 1
            List<Integer> receivers = c.events().stream().filter(e -> e.kind() == TraceKind.RECEIVE).map(TraceEvent::vios).toList();
            assertEquals(List.of(3, 1), receivers);
            assertEquals(List.of(2, 0, 0), c.pending().stream().map(Pending::to).toList(),
                    "VIOS 2's request is still due first, then the two responses");
        }
    }

    @Test
    void aDroppedRequestTimesOutOnlyWhenTheClockIsLetPastItsTimeout() throws Exception {
        try (StepCluster c = StepCluster.start(ClusterDescription.of(2, DAEMON), 1)) {
            Request r = c.fire(0, DAEMON, unicast(1, 3));
            c.drop(c.pending().get(0).id());
            assertTrue(c.pending().isEmpty());
            assertFalse(r.queue().isDone(), "no time passed: the request still waits");
            assertEquals(List.of(3_000_000L), c.timers());
            assertTrue(c.advanceToNextTimer());
            assertEquals(3_000_000L, c.nowNanos());
            RequestResult result = r.future().getNow(null);
            assertFalse(result.success());
            assertEquals(1, result.count(EntryState.TIMED_OUT));
            assertTrue(c.events().stream().anyMatch(e -> e.kind() == TraceKind.DROP && "dropped in step mode".equals(e.outcome())));
            assertTrue(c.isQuiet());
        }
    }

    @Test
    void aResponseDelayedPastTheTimeoutArrivesLate() throws Exception {
        try (StepCluster c = StepCluster.start(ClusterDescription.of(2, DAEMON), 1)) {
            Request r = c.fire(0, DAEMON, unicast(1, 1));
            c.deliverNext();
            long response = c.pending().get(0).id();
            c.delay(response, Duration.ofMillis(2));
            assertEquals(StepCluster.LINK_NANOS * 2 + 2_000_000, c.pending().get(0).dueNanos());
            c.deliverNext();
            List<TraceKind> queue = kinds(c.events(), Layer.QUEUE);
            assertEquals(List.of(TraceKind.QUEUE_CREATE, TraceKind.TIMEOUT, TraceKind.COMPLETE, TraceKind.LATE), queue,
                    "the timeout ran when the clock passed it, before the late response arrived");
            assertFalse(r.future().getNow(null).success());
        }
    }

    @Test
    void killingAViosLosesItsPacketsAndSuspectsItInOpenQueues() throws Exception {
        try (StepCluster c = StepCluster.start(ClusterDescription.of(3, DAEMON), 1)) {
            Request r = c.fire(0, DAEMON, broadcast());
            c.kill(2);
            assertEquals(List.of(1), c.pending().stream().map(Pending::to).toList());
            assertFalse(c.isAlive(2));
            c.runToQuiet(100);
            RequestResult result = r.future().getNow(null);
            assertEquals(1, result.count(EntryState.MATCHED));
            assertEquals(1, result.count(EntryState.SUSPECTED));
            assertThrows(IllegalStateException.class, () -> c.fire(2, DAEMON, unicast(0, 10)), "a killed VIOS cannot send");
        }
    }

    /** A run with random deliveries, drops and a kill, driven by {@code seed}. */
    private static StepCluster randomRun(long seed) throws Exception {
        StepCluster c = StepCluster.start(ClusterDescription.of(4, DAEMON), seed);
        c.fire(0, DAEMON, broadcast());
        c.fire(1, DAEMON, unicast(2, 2));
        c.fire(3, DAEMON, broadcast());
        for (int i = 0; i < 4; i++) {
            c.deliverRandom();
        }
        c.drop(c.pending().get(0).id());
        c.fire(2, DAEMON, unicast(0, 2));
        for (int i = 0; i < 3; i++) {
            c.deliverRandom();
        }
        c.kill(3);
        while (c.deliverRandom() || c.advanceToNextTimer()) {
            // until quiet
        }
        return c;
    }

    @Test
    void theSameSeedAndChoicesGiveTheSameTraceAndOtherSeedsOtherTraces() throws Exception {
        List<TraceEvent> first;
        List<Choice> choices;
        try (StepCluster a = randomRun(7)) {
            first = a.events();
            choices = a.choices();
        }
        try (StepCluster b = randomRun(7)) {
            assertEquals(first, b.events(), "same seed, same choices: the same trace, time stamps included");
        }
        try (StepCluster replay = StepCluster.replay(ClusterDescription.of(4, DAEMON), 7, choices)) {
            assertEquals(first, replay.events(), "replaying the recorded choices gives the same trace");
        }
        Set<List<TraceEvent>> traces = new HashSet<>();
        for (long seed = 1; seed <= 4; seed++) {
            try (StepCluster c = randomRun(seed)) {
                traces.add(c.events());
            }
        }
        assertTrue(traces.size() > 1, "the seed picks the random deliveries");
    }

    @Test
    void aBranchForkedAtAnyPointStartsAsTheRunWasThenAndCanTakeAnotherWay() throws Exception {
        try (StepCluster main = StepCluster.start(ClusterDescription.of(3, DAEMON), 3)) {
            List<Integer> eventsAfter = new ArrayList<>();
            main.fire(0, DAEMON, broadcast());
            eventsAfter.add(main.events().size());
            main.deliverNext();
            eventsAfter.add(main.events().size());
            main.deliverNext();
            eventsAfter.add(main.events().size());
            main.runToQuiet(50);
            List<TraceEvent> all = main.events();
            for (int k = 1; k <= 3; k++) {
                try (StepCluster branch = main.fork(k)) {
                    assertEquals(all.subList(0, eventsAfter.get(k - 1)), branch.events(), "branch after " + k + " choices");
                    assertEquals(k, branch.choices().size());
                }
            }
            try (StepCluster branch = main.fork(1)) {
                branch.drop(branch.pending().get(0).id()); // the request to VIOS 1 is lost in this branch
                branch.runToQuiet(50);
                BranchComparison cmp = BranchComparison.of(main.events(), branch.events());
                assertEquals(eventsAfter.get(0), cmp.commonPrefix());
                assertEquals(TraceKind.DROP, cmp.firstB().kind());
                assertEquals(List.of("VIOS 0 m1"), cmp.differing());
                assertTrue(cmp.outcomesA().get("VIOS 0 m1").startsWith("success (2 matched"), cmp.outcomesA().toString());
                assertTrue(cmp.outcomesB().get("VIOS 0 m1").startsWith("failed (1 matched, 0 error, 1 timed out"), cmp.outcomesB().toString());
                assertTrue(cmp.summary().contains("VIOS 0 m1: A success"), cmp.summary());
            }
            try (StepCluster same = main.fork(main.choices().size())) {
                assertTrue(BranchComparison.of(main.events(), same.events()).identical());
            }
        }
    }

    @Test
    void wrongChoicesAreRefusedWithAReasonAndChangeNothing() throws Exception {
        try (StepCluster c = StepCluster.start(ClusterDescription.of(2, DAEMON), 1)) {
            c.fire(0, DAEMON, unicast(1, 100));
            List<Choice> before = c.choices();
            List<TraceEvent> events = c.events();
            String noSuch = assertThrows(java.util.NoSuchElementException.class, () -> c.deliver(99)).getMessage();
            assertTrue(noSuch.contains("#99"), noSuch);
            assertThrows(IllegalArgumentException.class, () -> c.delay(c.pending().get(0).id(), Duration.ZERO));
            assertThrows(IllegalArgumentException.class, () -> c.fork(5));
            assertThrows(java.util.NoSuchElementException.class, () -> c.kill(9));
            assertEquals(before, c.choices());
            assertEquals(events, c.events());
            assertEquals(1, c.pending().size());
        }
        StepCluster closed = StepCluster.start(ClusterDescription.of(2, DAEMON), 1);
        closed.close();
        assertThrows(IllegalStateException.class, closed::deliverNext);
    }

    @Test
    void theVirtualTimerRunsDueTasksInOrderAndNeverGoesBack() {
        VirtualTimer t = new VirtualTimer();
        List<String> ran = new ArrayList<>();
        t.newTimeout(x -> ran.add("b"), 2, java.util.concurrent.TimeUnit.MILLISECONDS);
        t.newTimeout(x -> ran.add("a"), 1, java.util.concurrent.TimeUnit.MILLISECONDS);
        io.netty.util.Timeout cancelled = t.newTimeout(x -> ran.add("never"), 1, java.util.concurrent.TimeUnit.MILLISECONDS);
        t.newTimeout(x -> ran.add("a2"), 1, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertTrue(cancelled.cancel());
        assertEquals(2, t.advanceTo(1_500_000));
        assertEquals(List.of("a", "a2"), ran);
        t.advanceTo(10);
        assertEquals(1_500_000, t.nanos(), "the clock never goes back");
        assertEquals(2_000_000, t.nextDue());
        t.advanceTo(5_000_000);
        assertEquals(List.of("a", "a2", "b"), ran);
        assertEquals(-1, t.nextDue());
        assertNotEquals(0, t.nanos());
    }
}
