package org.viosbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viosbench.testing.Eventually.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.viosbench.engine.EntryState;
import org.viosbench.protocol.Errno;
import org.viosbench.engine.Message;
import org.viosbench.engine.Reply;
import org.viosbench.engine.Request;
import org.viosbench.engine.RequestResult;
import org.viosbench.engine.SyscallException;
import org.viosbench.engine.Trace;
import org.viosbench.engine.TraceEvent;
import org.viosbench.engine.TraceKind;

/** The embedded cluster: lifecycle, heartbeat membership and fault injection, on real engines. */
class EmbeddedClusterTest {
    static final int ECHO = 10;
    static final int SENDER = 20;
    static final Duration WAIT = Duration.ofSeconds(10);

    static ClusterDescription cluster(int n) {
        return ClusterDescription.of(n, ECHO).withTiming(Duration.ofMillis(50), Duration.ofMillis(300));
    }

    static RequestResult broadcast(EmbeddedCluster c, int from) throws Exception {
        return c.node(from).daemon(SENDER).send(Message.broadcast().targetDaemon(ECHO).payload(new byte[] { 7 }).expectAll().build())
                .await(WAIT);
    }

    @Test
    void startsEveryViosFromTheDescription() throws Exception {
        try (EmbeddedCluster c = EmbeddedCluster.start(cluster(4))) {
            assertEquals(List.of(0, 1, 2, 3), c.ids());
            assertEquals(ClusterState.OK, c.state());
            RequestResult r = broadcast(c, 2);
            assertTrue(r.success());
            assertEquals(3, r.responses().size());
            assertEquals(7, r.responses().get(0).payload()[0], "the built-in echo daemon answers");
            assertEquals("cec1", c.spec(2).cec());
        }
    }

    @Test
    void killedViosIsSuspectedAndItsPendingEntriesEndThenItRestarts() throws Exception {
        Trace trace = new Trace();
        List<TraceEvent> events = new CopyOnWriteArrayList<>();
        trace.addListener(events::add);
        try (EmbeddedCluster c = EmbeddedCluster.start(cluster(4), trace, 1)) {
            List<String> seen = new CopyOnWriteArrayList<>();
            c.addListener(new ClusterListener() {
                @Override
                public void viosStateChanged(int viewer, int vios, ViosState state, String reason) {
                    if (viewer == 0) {
                        seen.add(vios + " " + state);
                    }
                }

                @Override
                public void clusterStateChanged(ClusterState state) {
                    seen.add("cluster " + state);
                }
            });
            CountDownLatch inHandler = new CountDownLatch(1);
            c.registerHandler(3, ECHO, m -> {
                inHandler.countDown();
                Thread.sleep(2000);
                return Reply.ok(new byte[0]);
            });
            // the listener came after the start: let the start's own joins settle, then watch only what the kill does
            await("the others UP in VIOS 0's view", () -> c.state() == ClusterState.OK && c.view(0).size() >= 3
                    && c.view(0).values().stream().allMatch(st -> st == ViosState.UP));
            Request r = c.node(0).daemon(SENDER).send(Message.broadcast().targetDaemon(ECHO).expectAll().timeout(Duration.ZERO).build());
            assertTrue(inHandler.await(5, TimeUnit.SECONDS));
            seen.clear();
            long killedAt = System.nanoTime();
            c.kill(3);
            RequestResult result = r.await(WAIT);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            assertFalse(result.success());
            assertEquals(EntryState.SUSPECTED, result.entries().get(2).state());
            assertEquals(2, result.count(EntryState.MATCHED));
            assertTrue(tookMillis < 2000, "suspected after " + tookMillis + " ms, failure timeout is 300 ms");
            await("cluster DEGRADED", () -> c.state() == ClusterState.DEGRADED);
            assertEquals(ViosState.SUSPECTED, c.view(0).get(3));
            assertFalse(c.isRunning(3));
            assertTrue(events.stream().anyMatch(e -> e.kind() == TraceKind.MEMBERSHIP && e.peer() == 3
                    && e.outcome().startsWith("SUSPECTED")), "membership events reach the trace");

            RequestResult without = broadcast(c, 0);
            assertTrue(without.success(), "a broadcast only waits for VIOSes in the view");
            assertEquals(2, without.responses().size());

            c.restart(3);
            await("VIOS 3 up again", () -> c.view(0).get(3) == ViosState.UP);
            await("cluster OK", () -> c.state() == ClusterState.OK);
            int mark = events.size();
            RequestResult after = broadcast(c, 0);
            assertEquals(3, after.responses().size(), () -> after.entries() + "\n" + events.subList(mark, events.size()).stream()
                    .filter(e -> e.kind() != TraceKind.MEMBERSHIP).map(Object::toString).collect(java.util.stream.Collectors.joining("\n")));
            // listeners are told on their own thread: wait for the restart's UP to reach this one
            await("listener events", () -> seen.contains("cluster OK") && seen.lastIndexOf("3 UP") > seen.indexOf("3 SUSPECTED"));
            assertTrue(seen.indexOf("3 SUSPECTED") >= 0, seen.toString());
            assertTrue(seen.contains("cluster DEGRADED"), seen.toString());
        }
    }

    @Test
    void stoppedViosLeavesAtOnceAndCannotBeAddressed() throws Exception {
        try (EmbeddedCluster c = EmbeddedCluster.start(cluster(3))) {
            c.stop(2);
            await("VIOS 2 left", () -> !c.view(0).containsKey(2) || c.view(0).get(2) == ViosState.DOWN);
            assertEquals(ViosState.DOWN, c.state(2));
            SyscallException e = assertThrows(SyscallException.class,
                    () -> c.node(0).daemon(SENDER).send(Message.to(2).targetDaemon(ECHO).build()));
            assertEquals(Errno.ENXIO, e.errno());
            assertThrows(IllegalStateException.class, () -> c.node(2));
            c.restart(2);
            assertTrue(c.node(0).daemon(SENDER).send(Message.to(2).targetDaemon(ECHO).expectAll().build()).await(WAIT).success());
        }
    }

    @Test
    void viosAddedWhileRunningJoinsButNotRequestsAlreadyRunning() throws Exception {
        try (EmbeddedCluster c = EmbeddedCluster.start(cluster(3))) {
            CountDownLatch release = new CountDownLatch(1);
            c.registerHandler(1, ECHO, m -> {
                release.await(5, TimeUnit.SECONDS);
                return Reply.ok(new byte[0]);
            });
            Request running = c.node(0).daemon(SENDER).send(Message.broadcast().targetDaemon(ECHO).expectAll().build());
            c.add(new ViosSpec(7, "vios7", "cec9", List.of(ECHO)));
            release.countDown();
            RequestResult first = running.await(WAIT);
            assertEquals(2, first.entries().size(), "the joiner is not added to a running request");
            assertTrue(first.success());
            await("VIOS 7 in VIOS 0's view", () -> c.view(0).get(7) == ViosState.UP);
            assertEquals(3, broadcast(c, 0).responses().size());
            c.remove(7);
            assertEquals(List.of(0, 1, 2), c.ids());
            assertThrows(IllegalArgumentException.class, () -> c.add(new ViosSpec(1, "other", "cec0", List.of())));
        }
    }

    @Test
    void droppedLinkTimesOutThenHeals() throws Exception {
        Trace trace = new Trace();
        List<TraceEvent> faults = new CopyOnWriteArrayList<>();
        trace.addListener(e -> {
            if (e.kind() == TraceKind.FAULT) {
                faults.add(e);
            }
        });
        try (EmbeddedCluster c = EmbeddedCluster.start(cluster(2).withTiming(Duration.ofMillis(50), Duration.ofSeconds(5)), trace, 1)) {
            c.faults().drop(0, 1, 1.0);
            RequestResult lost = c.node(0).daemon(SENDER).send(Message.to(1).targetDaemon(ECHO).expectAll()
                    .timeout(Duration.ofMillis(200)).build()).await(WAIT);
            assertEquals(EntryState.TIMED_OUT, lost.entries().get(0).state());
            assertTrue(faults.stream().anyMatch(e -> e.outcome().startsWith("drop")), faults.toString());
            assertTrue(faults.stream().anyMatch(e -> e.outcome().startsWith("set 0->1")), "setting a fault is traced");
            c.faults().heal();
            assertTrue(c.node(0).daemon(SENDER).send(Message.to(1).targetDaemon(ECHO).expectAll().build()).await(WAIT).success());
        }
    }

    @Test
    void delayDuplicateAndReorder() throws Exception {
        try (EmbeddedCluster c = EmbeddedCluster.start(cluster(2).withTiming(Duration.ofMillis(50), Duration.ofSeconds(5)))) {
            c.faults().delay(0, 1, Duration.ofMillis(150), Duration.ZERO);
            RequestResult slow = c.node(0).daemon(SENDER).send(Message.to(1).targetDaemon(ECHO).expectAll().build()).await(WAIT);
            assertTrue(slow.success());
            assertTrue(slow.elapsedNanos() >= TimeUnit.MILLISECONDS.toNanos(140), "elapsed " + slow.elapsedNanos());
            c.faults().heal();

            c.faults().duplicate(1, 0, 1.0);
            assertTrue(c.node(0).daemon(SENDER).send(Message.to(1).targetDaemon(ECHO).expectAll().build()).await(WAIT).success());
            await("the duplicate response is counted", () -> c.node(0).correlator().duplicates() == 1);
            c.faults().heal();

            List<String> order = new CopyOnWriteArrayList<>();
            c.registerHandler(1, 30, m -> {
                order.add(new String(m.payloadBytes(), StandardCharsets.US_ASCII));
                return null;
            });
            c.faults().reorder(0, 1, 1.0);
            c.node(0).daemon(SENDER).send(Message.to(1).targetDaemon(30).payload("first".getBytes(StandardCharsets.US_ASCII)).build());
            c.faults().reorder(0, 1, 0);
            c.node(0).daemon(SENDER).send(Message.to(1).targetDaemon(30).payload("second".getBytes(StandardCharsets.US_ASCII)).build());
            await("both arrived", () -> order.size() == 2);
            assertEquals(List.of("second", "first"), order);
        }
    }

    @Test
    void partitionWithoutMajorityTakesTheClusterDownAndHealingRestoresIt() throws Exception {
        try (EmbeddedCluster c = EmbeddedCluster.start(cluster(4))) {
            c.faults().partition(Set.of(0, 1), Set.of(2, 3));
            await("VIOS 0 suspects 2 and 3", () -> c.view(0).get(2) == ViosState.SUSPECTED && c.view(0).get(3) == ViosState.SUSPECTED);
            assertEquals(ViosState.UP, c.view(0).get(1));
            assertEquals(ClusterState.DOWN, c.state(), "2 of 4 up is no majority");
            RequestResult half = broadcast(c, 0);
            assertEquals(1, half.entries().size(), "only VIOS 1 is in VIOS 0's view");
            c.faults().heal();
            await("cluster OK", () -> c.state() == ClusterState.OK);
            assertEquals(3, broadcast(c, 0).responses().size());
        }
    }

    @Test
    void descriptionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new ClusterDescription("x",
                List.of(new ViosSpec(1, "a", "c", List.of()), new ViosSpec(1, "b", "c", List.of())),
                ClusterDescription.DEFAULT_HEARTBEAT, ClusterDescription.DEFAULT_FAILURE_TIMEOUT));
        assertThrows(IllegalArgumentException.class, () -> ClusterDescription.of(2).withTiming(Duration.ofMillis(100), Duration.ofMillis(150)));
        assertThrows(IllegalArgumentException.class, () -> new ViosSpec(1, "a", "c", List.of(70_000)));
        assertEquals(ClusterState.DEGRADED, ClusterState.of(3, 4));
        assertEquals(ClusterState.DOWN, ClusterState.of(2, 4));
    }

    /** What each VIOS's kcluster end counts (lscluster -s shows it), each figure made to move by what it counts. */
    @Test
    void everyViosCountsWhatItsKclusterSees() throws Exception {
        try (EmbeddedCluster c = EmbeddedCluster.start(cluster(3).withTiming(Duration.ofMillis(50), Duration.ofMillis(400)))) {
            assertTrue(broadcast(c, 0).success());
            await("the broadcast's two responses counted", () -> c.statistics(0).packetsReceived() >= 2);
            KClusterStatistics zero = c.statistics(0);
            assertEquals(2, zero.packetsSent(), "one broadcast to two VIOSes: " + zero);
            assertEquals(1, c.statistics(1).packetsSent(), "VIOS 1 answered once: " + c.statistics(1));
            await("heartbeats both ways", () -> c.statistics(1).heartbeatsSent() >= 4 && c.statistics(1).heartbeatsReceived() >= 4);
            assertEquals(0, zero.dropped() + zero.duplicates() + zero.outOfOrder() + zero.nodeDownEvents(), zero.toString());

            c.faults().drop(0, 1, 1.0); // lost on the way (a heartbeat or two may be lost too)
            c.node(0).daemon(SENDER).send(Message.to(1).targetDaemon(ECHO).build());
            assertTrue(c.statistics(0).dropped() >= 1, c.statistics(0).toString());
            c.faults().heal();

            c.faults().duplicate(0, 2, 1.0); // VIOS 2 gets the request twice
            c.node(0).daemon(SENDER).send(Message.to(2).targetDaemon(ECHO).build());
            await("the second copy counted", () -> c.statistics(2).duplicates() == 1);
            c.faults().heal();

            c.registerHandler(2, 30, m -> null);
            c.faults().reorder(0, 2, 1.0); // held back, then overtaken by the next request
            c.node(0).daemon(SENDER).send(Message.to(2).targetDaemon(30).build());
            c.faults().reorder(0, 2, 0);
            c.node(0).daemon(SENDER).send(Message.to(2).targetDaemon(30).build());
            await("the overtaken request counted", () -> c.statistics(2).outOfOrder() == 1);

            c.kill(1);
            await("VIOS 0 saw VIOS 1 go", () -> c.statistics(0).nodeDownEvents() == 1);
            assertEquals(null, c.statistics(1), "a VIOS that does not run counts nothing");
            c.restart(1);
            await("restarted, it counts from zero again", () -> c.statistics(1) != null && c.statistics(1).nodeDownEvents() == 0);
        }
    }
}
