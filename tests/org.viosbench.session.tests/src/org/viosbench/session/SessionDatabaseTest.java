package org.viosbench.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viosbench.testing.Eventually.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viosbench.db.ClusterConfig;
import org.viosbench.db.ClusterConfigStore;
import org.viosbench.db.ViosDatabase;
import org.viosbench.session.shell.ViosShell;
import org.viosbench.topology.Samples;
import org.viosbench.topology.Topology;

/** A running cluster with its VIOS database (real Derby on disk): configuration, registration, every state change recorded. */
class SessionDatabaseTest {
    @TempDir
    Path tmp;

    private static List<String> events(ViosDatabase db, long vios) throws Exception {
        synchronized (db) {
            return db.config().registrationLog(1000).stream().filter(l -> l.vios() == vios).map(l -> l.event() + " " + l.detail()).toList();
        }
    }

    @Test
    void theClusterRegistersAndItsStateChangesAreRecorded() throws Exception {
        Topology t = Samples.build("small"); // vios1 is the DB_PRIMARY
        Path dir = tmp.resolve("small-db");
        try (ViosDatabase seed = ViosDatabase.open(dir)) { // a logical unit stored before: kept
            seed.config().save(new ClusterConfig("old", 100, 1000, List.of(), List.of(), List.of(), List.of(),
                    List.of(new ClusterConfig.LogicalUnit("lu_boot01", 20480))));
        }
        try (ClusterSession s = ClusterSession.start(t)) {
            SessionDatabase d = s.attachDatabase(ViosDatabase.open(dir));
            assertEquals(1, d.databaseVios());
            ViosDatabase db = d.database();
            synchronized (db) {
                ClusterConfig stored = db.config().load().orElseThrow();
                assertEquals(Conversions.toClusterConfig(t).vioses(), stored.vioses(), "the drawn configuration");
                assertEquals(16, stored.mappings().size());
                assertEquals(List.of(new ClusterConfig.LogicalUnit("lu_boot01", 20480)), stored.logicalUnits());
            }
            for (long v = 2; v <= 4; v++) {
                long vios = v;
                await("VIOS " + v + " registered", () -> {
                    try {
                        return events(db, vios).stream().anyMatch(e -> e.startsWith("UP registered"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            assertEquals(List.of("UP the VIOS database node"), events(db, 1));

            s.kill(t.vios(3));
            await("vios1 suspects vios3, and it is recorded", () -> {
                try {
                    d.settle(Duration.ofSeconds(5));
                    synchronized (db) {
                        return db.config().state(3).orElseThrow().equals("SUSPECTED");
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            d.settle(Duration.ofSeconds(5));
            synchronized (db) {
                assertEquals("DEGRADED", db.config().clusterState().orElseThrow());
                List<ClusterConfigStore.LogEntry> history = db.config().clusterStateLog(10);
                assertEquals("DEGRADED", history.get(history.size() - 1).event());
                ClusterConfigStore.NodeRow three = db.config().nodes().get(2);
                assertEquals("vios3", three.name());
                assertTrue(three.lastHeartbeat() != null);
            }
            assertTrue(events(db, 3).get(events(db, 3).size() - 1).startsWith("SUSPECTED no heartbeat for "), events(db, 3).toString());

            s.restart(t.vios(3));
            await("vios3 registered again after its restart", () -> {
                try {
                    return events(db, 3).stream().filter(e -> e.startsWith("UP registered")).count() == 2;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            d.settle(Duration.ofSeconds(5));
            await("the cluster is OK again in the database", () -> {
                try {
                    d.settle(Duration.ofSeconds(5));
                    synchronized (db) {
                        return db.config().clusterState().orElseThrow().equals("OK");
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // the shell's lu -list reads the database
            assertTrue(new ViosShell(s, t.vios(2)).run("lu -list").output().contains("lu_boot01            20480"));
            assertEquals(0, d.failures());
            assertTrue(d.recorded() >= 4, "recorded " + d.recorded());
            assertThrows(IllegalStateException.class, () -> s.attachDatabase(ViosDatabase.open(tmp.resolve("other"))), "one database per run");
            assertTrue(d.traceRun() > 0);
            await("the run's trace reaches the store", () -> d.traceEvents()[0] > 0);
        }
        // the session closed the database: it opens again, with everything recorded
        try (ViosDatabase again = ViosDatabase.open(dir)) {
            assertTrue(again.config().registrationLog(1000).size() >= 6);
            // the run's trace is there, whole: the kill's suspicion and the restart's registration among its events
            org.viosbench.db.TraceStore.Run run = again.traces().runs().get(0);
            assertTrue(run.name().startsWith("small "), run.name());
            List<org.viosbench.engine.TraceEvent> events = again.traces().events(run.id(), 0, 1_000_000);
            assertEquals(run.events(), events.size());
            assertTrue(events.stream().anyMatch(e -> e.kind() == org.viosbench.engine.TraceKind.MEMBERSHIP && e.vios() == 1
                    && String.valueOf(e.outcome()).startsWith("SUSPECTED")), "vios1 suspecting vios3 is in the stored trace");
        }
    }

    @Test
    void aConfigurationTheDatabaseRefusesAttachesNothing() throws Exception {
        Topology t = Samples.build("small");
        try (ClusterSession s = ClusterSession.start(t)) {
            ViosDatabase db = ViosDatabase.open(tmp.resolve("db"));
            s.close();
            assertThrows(IllegalStateException.class, () -> s.attachDatabase(db), "a stopped cluster gets no database");
            db.close();
        }
    }
}
