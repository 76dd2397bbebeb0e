package org.viosbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viosbench.cluster.ClusterDescription;
import org.viosbench.cluster.EmbeddedCluster;
import org.viosbench.cluster.Registrar;
import org.viosbench.cluster.ViosSpec;
import org.viosbench.db.ClusterConfig;
import org.viosbench.db.RegistrationService;
import org.viosbench.db.ViosDatabase;

/** Registration of joining VIOSes with the VIOS database node, on a real embedded cluster and a real Derby database. */
class RegistrationTest {

    @TempDir
    Path tmp;

    static ClusterConfig config() {
        return new ClusterConfig("reg", 50, 300, List.of(new ClusterConfig.Cec("CEC-A", "cec0")),
                List.of(new ClusterConfig.Vios(0, "vios0", "CEC-A", null, "DB_PRIMARY"), new ClusterConfig.Vios(1, "vios1", "CEC-A", null, "MEMBER"),
                        new ClusterConfig.Vios(2, "vios2", "CEC-A", null, "MEMBER")),
                List.of(), List.of(), List.of());
    }

    static byte[] address(String a) {
        return a.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aJoiningViosRegistersAndGetsTheConfigurationResendingWhenTheDatabaseIsSlow() throws Exception {
        try (ViosDatabase db = ViosDatabase.open(tmp.resolve("db"));
                EmbeddedCluster c = EmbeddedCluster.start(ClusterDescription.of(3).withTiming(Duration.ofMillis(50), Duration.ofMillis(300)))) {
            db.config().save(config());
            RegistrationService service = new RegistrationService(db);
            AtomicInteger calls = new AtomicInteger();
            c.registerHandler(0, Registrar.REGISTRATION_DAEMON, m -> {
                if (calls.incrementAndGet() == 1) {
                    Thread.sleep(300); // the first request finds the VIOS database busy
                }
                return service.handle(m);
            });

            Registrar.Result fast = Registrar.register(c.node(1).daemon(20), 0, address("127.0.0.1:7401"), Duration.ofMillis(250), 3);
            assertTrue(fast.ok(), fast.error());
            assertEquals(2, fast.attempts(), "the first answer came too late: sent again");
            String reply = new String(fast.reply(), StandardCharsets.UTF_8);
            assertTrue(reply.startsWith("cluster reg 50 300\n"), reply);
            assertTrue(reply.contains("vios 1 vios1 CEC-A UP MEMBER"), reply);
            assertEquals("UP", db.config().state(1).orElseThrow());

            Registrar.Result second = Registrar.register(c.node(2).daemon(20), 0, address(""), Duration.ofMillis(200), 3);
            assertTrue(second.ok());
            assertEquals(1, second.attempts());

            c.add(new ViosSpec(3, "vios3", "CEC-A", List.of()));
            Registrar.Result unknown = Registrar.register(c.node(3).daemon(20), 0, address(""), Duration.ofMillis(200), 3);
            assertFalse(unknown.ok());
            assertEquals(1, unknown.attempts(), "a refusal is final");
            assertTrue(unknown.error().contains("not in the cluster configuration"), unknown.error());
            assertTrue(unknown.error().contains("errno 13"), unknown.error());
        }
    }

    /**
     * A burst of REGISTERs while the database is slow: the delivering thread never waits for the database,
     * a bounded number wait for the worker, the rest are answered EAGAIN at once and registered when sent
     * again; nothing is lost.
     */
    @Test
    void aBurstOfRegistrationsNeverBlocksDeliveryAndIsBounded() throws Exception {
        try (ViosDatabase db = ViosDatabase.open(tmp.resolve("db3"));
                EmbeddedCluster c = EmbeddedCluster.start(ClusterDescription.of(3).withTiming(Duration.ofMillis(50), Duration.ofMillis(300)));
                RegistrationService service = new RegistrationService(db, 2)) {
            db.config().save(config());
            c.registerHandler(0, Registrar.REGISTRATION_DAEMON, service);
            java.util.List<org.viosbench.engine.Request> requests = new java.util.ArrayList<>();
            long start = System.nanoTime();
            synchronized (db) { // the database is busy: the worker waits on it
                for (int i = 0; i < 8; i++) {
                    requests.add(c.node(1 + i % 2).daemon(20).send(org.viosbench.engine.Message.to(0)
                            .type(org.viosbench.protocol.MessageType.REGISTER).targetDaemon(Registrar.REGISTRATION_DAEMON)
                            .payload(address("")).expectAll().timeout(Duration.ofSeconds(5)).build()));
                }
                org.viosbench.testing.Eventually.await("the burst answered EAGAIN beyond the backlog", () -> service.busyRefusals() == 5);
            }
            int again = 0;
            int registered = 0;
            for (org.viosbench.engine.Request r : requests) {
                org.viosbench.engine.QueueEntry e = r.await().entries().get(0);
                if (e.state() == org.viosbench.engine.EntryState.MATCHED) {
                    registered++;
                } else {
                    assertEquals(org.viosbench.protocol.Errno.EAGAIN.code(), e.errorCode(), e.toString());
                    again++;
                }
            }
            assertEquals(3, registered, "one at the worker and two waiting: registered once the database was free");
            assertEquals(5, again);
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(4).toNanos(), "nobody waited out a timeout");
            Registrar.Result retried = Registrar.register(c.node(2).daemon(20), 0, address(""), Duration.ofMillis(500), 3);
            assertTrue(retried.ok(), retried.error());
            assertEquals("UP", db.config().state(2).orElseThrow());
        }
    }

    @Test
    void aDatabaseNodeWithoutItsServiceYetIsAskedAgain() throws Exception {
        try (ViosDatabase db = ViosDatabase.open(tmp.resolve("db2"));
                EmbeddedCluster c = EmbeddedCluster.start(ClusterDescription.of(3).withTiming(Duration.ofMillis(50), Duration.ofMillis(300)))) {
            db.config().save(config());
            Thread late = new Thread(() -> {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
                c.registerHandler(0, Registrar.REGISTRATION_DAEMON, new RegistrationService(db));
            });
            late.start();
            Registrar.Result r = Registrar.register(c.node(1).daemon(20), 0, address(""), Duration.ofMillis(200), 5);
            late.join();
            assertTrue(r.ok(), r.error());
            assertTrue(r.attempts() >= 2, "the first attempt found no service: " + r.attempts());
        }
    }

    @Test
    void aMissingDatabaseNodeEndsAfterTheBoundedResends() throws Exception {
        try (EmbeddedCluster c = EmbeddedCluster.start(ClusterDescription.of(3).withTiming(Duration.ofMillis(50), Duration.ofMillis(300)))) {
            c.kill(0); // the VIOS database node is gone
            long start = System.nanoTime();
            Registrar.Result r = Registrar.register(c.node(1).daemon(20), 0, address(""), Duration.ofMillis(150), 3);
            long took = (System.nanoTime() - start) / 1_000_000;
            assertFalse(r.ok());
            assertEquals(3, r.attempts());
            assertTrue(r.error().contains("after 3 attempts"), r.error());
            assertTrue(took < 3000, "bounded: took " + took + " ms");
        }
    }

    @Test
    void theEmbeddedClusterRegistersEveryJoiningViosWithTheDatabaseNode() throws Exception {
        try (ViosDatabase db = ViosDatabase.open(tmp.resolve("db3"));
                EmbeddedCluster c = EmbeddedCluster.start(ClusterDescription.of(3).withTiming(Duration.ofMillis(50), Duration.ofMillis(300)))) {
            db.config().save(config());
            java.util.concurrent.BlockingQueue<String> outcomes = new java.util.concurrent.LinkedBlockingQueue<>();
            c.addListener(new org.viosbench.cluster.ClusterListener() {
                @Override
                public void registered(int vios, Registrar.Result result) {
                    outcomes.add(vios + ":" + result.ok() + ":" + result.attempts());
                }
            });
            java.util.concurrent.atomic.AtomicInteger traced = new java.util.concurrent.atomic.AtomicInteger();
            c.trace().addListener(e -> {
                if (e.outcome() != null && e.outcome().startsWith("registered with the VIOS database node")) {
                    traced.incrementAndGet();
                }
            });
            c.useDatabase(0, new RegistrationService(db), Duration.ofMillis(300), 3);
            java.util.Set<String> first = new java.util.TreeSet<>(java.util.List.of(poll(outcomes), poll(outcomes)));
            assertEquals(java.util.Set.of("1:true:1", "2:true:1"), first, "the running VIOSes register at once; not the database node itself");
            assertEquals("UP", db.config().state(1).orElseThrow());
            assertEquals("UP", db.config().state(2).orElseThrow());

            c.restart(2);
            assertEquals("2:true:1", poll(outcomes), "a restarted VIOS registers again");
            c.add(new ViosSpec(3, "vios3", "CEC-A", List.of()));
            assertEquals("3:false:1", poll(outcomes), "a VIOS the configuration does not hold is refused, at once");
            c.kill(0);
            c.restart(1);
            assertEquals("1:false:3", poll(outcomes), "with the database node dead, the resends are bounded");
            assertEquals(3, traced.get(), "each successful registration is in the trace");
        }
    }

    private static String poll(java.util.concurrent.BlockingQueue<String> q) throws InterruptedException {
        String s = q.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(s != null, "no registration outcome within 10 s");
        return s;
    }
}
