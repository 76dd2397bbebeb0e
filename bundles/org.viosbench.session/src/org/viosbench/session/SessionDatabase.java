package org.viosbench.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.viosbench.cluster.ViosState;
import org.viosbench.db.ClusterConfig;
import org.viosbench.db.DatabaseException;
import org.viosbench.db.RegistrationService;
import org.viosbench.db.ViosDatabase;
import org.viosbench.topology.Vios;
import org.viosbench.topology.ViosRole;

/**
 * The VIOS database of a running cluster, as the patent's cluster has one: on attach the topology's configuration is
 * written to it (all or nothing; logical units already stored are kept), the database VIOS (role DB_PRIMARY, else the
 * lowest id) runs the registration service and every other VIOS registers with it, as in the multi-process mode; from
 * then on every change of a VIOS's state as the database VIOS sees it, and every change of the cluster's state, is
 * recorded with its reason, and the run's trace goes into the database's trace store (a run named after the topology
 * and the time; it starts when the database is attached, a moment after the cluster). Writes happen on a thread of their own (never on an engine or UI thread), at most
 * {@link #BACKLOG} waiting; what cannot be written is counted and logged.
 */
public final class SessionDatabase implements AutoCloseable {
    /** Writes that may wait; beyond, a change is dropped (counted, logged). */
    public static final int BACKLOG = 1024;
    private static final System.Logger LOG = System.getLogger(SessionDatabase.class.getName());

    private final ClusterSession session;
    private final ViosDatabase db;
    private final RegistrationService registration;
    private final int databaseVios;
    private final ThreadPoolExecutor writer;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final SessionListener recorder;
    /** The run's trace going into the database's trace store, over a connection of its own (its transactions apart). */
    private ViosDatabase traceDb;
    private org.viosbench.db.TraceRecorder traceRecorder;

    private SessionDatabase(ClusterSession session, ViosDatabase db, int databaseVios) {
        this.session = session;
        this.db = db;
        this.databaseVios = databaseVios;
        this.registration = new RegistrationService(db);
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(BACKLOG),
                r -> Thread.ofPlatform().daemon().name("viosbench-db-recorder").unstarted(r));
        this.recorder = e -> {
            switch (e) {
                case SessionEvent.Membership m when m.viewer() == databaseVios -> write("VIOS " + Integer.toUnsignedString(m.vios()) + " " + m.state(),
                        () -> db.config().recordState(Integer.toUnsignedLong(m.vios()), m.state().name(), Instant.now(), m.reason()));
                case SessionEvent.Cluster c -> write("cluster " + c.state(), () -> db.config().recordClusterState(c.state().name(), Instant.now(),
                        "as VIOS " + Integer.toUnsignedString(databaseVios) + " sees it"));
                default -> {
                    // requests, packets and faults are the trace's
                }
            }
        };
    }

    /**
     * Attaches {@code db} to {@code session}: writes the configuration, starts registration, records changes from now on.
     * The session closes it when it stops (and {@code db} with it).
     *
     * @throws DatabaseException when the configuration cannot be written (nothing is then changed, and nothing attached)
     */
    static SessionDatabase attach(ClusterSession session, ViosDatabase db) throws DatabaseException {
        ClusterConfig drawn = Conversions.toClusterConfig(session.topology());
        List<ClusterConfig.LogicalUnit> lus = db.config().load().map(ClusterConfig::logicalUnits).orElse(List.of());
        synchronized (db) {
            db.config().save(new ClusterConfig(drawn.name(), drawn.heartbeatMillis(), drawn.failureTimeoutMillis(), drawn.cecs(), drawn.vioses(),
                    drawn.lpars(), drawn.mappings(), lus));
        }
        Vios dbVios = session.topology().vioses().stream().filter(v -> v.role() == ViosRole.DB_PRIMARY).findFirst()
                .orElse(session.topology().vioses().stream().min((a, b) -> Long.compare(a.id(), b.id())).orElseThrow());
        SessionDatabase d = new SessionDatabase(session, db, (int) dbVios.id());
        d.write("VIOS " + dbVios.name() + " UP", () -> db.config().recordState(dbVios.id(), ViosState.UP.name(), Instant.now(),
                "the VIOS database node"));
        org.viosbench.cluster.ClusterState now = session.cluster().state();
        d.write("cluster " + now, () -> db.config().recordClusterState(now.name(), Instant.now(), "when the database was attached"));
        session.addListener(d.recorder);
        session.cluster().useDatabase(d.databaseVios, d.registration, Duration.ofMillis(500), 5);
        d.recordTrace();
        return d;
    }

    /** Keeps the run's trace, from now on, as a run of the database's trace store (a failure is logged; the rest goes on). */
    private void recordTrace() {
        try {
            traceDb = ViosDatabase.open(db.location());
            traceRecorder = new org.viosbench.db.TraceRecorder(traceDb, session.topology().name() + " "
                    + java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(java.time.LocalDateTime.now().withNano(0)));
            session.cluster().trace().addListener(traceRecorder);
        } catch (DatabaseException e) {
            LOG.log(System.Logger.Level.WARNING, "the run's trace is not kept in the VIOS database", e);
            if (traceDb != null) {
                traceDb.close();
                traceDb = null;
            }
        }
    }

    /** The trace store's run this run's trace goes to, or -1 when it is not kept. */
    public long traceRun() {
        return traceRecorder == null ? -1 : traceRecorder.run();
    }

    /** Trace events stored so far, and those that could not be (the recorder's queue full). */
    public long[] traceEvents() {
        return traceRecorder == null ? new long[] { 0, 0 } : new long[] { traceRecorder.written(), traceRecorder.dropped() };
    }

    private interface Write {
        void run() throws DatabaseException;
    }

    private void write(String what, Write w) {
        try {
            writer.execute(() -> {
                try {
                    synchronized (db) {
                        w.run();
                    }
                    written.incrementAndGet();
                } catch (DatabaseException | RuntimeException e) {
                    failed.incrementAndGet();
                    LOG.log(System.Logger.Level.WARNING, "the VIOS database did not record " + what, e);
                }
            });
        } catch (RejectedExecutionException e) {
            failed.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "the VIOS database's recorder is " + (writer.isShutdown() ? "closed" : "behind by " + BACKLOG
                    + " changes") + "; not recorded: " + what);
        }
    }

    /** The database. Reading it from another thread: synchronize on it, as the recorder does. */
    public ViosDatabase database() {
        return db;
    }

    /** The VIOS that runs the registration service. */
    public int databaseVios() {
        return databaseVios;
    }

    /** Changes recorded so far. */
    public long recorded() {
        return written.get();
    }

    /** Changes that could not be recorded (each logged). */
    public long failures() {
        return failed.get();
    }

    /** Waits until every change handed to the recorder so far is written (or {@code max} passes); for views and tests. */
    public boolean settle(Duration max) throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        try {
            writer.execute(done::countDown);
        } catch (RejectedExecutionException e) {
            return false;
        }
        return done.await(max.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops recording and registering; waits up to 5 s for the writes under way (30 s for the trace); closes the database. */
    @Override
    public void close() {
        session.removeListener(recorder);
        if (traceRecorder != null) {
            session.cluster().trace().removeListener(traceRecorder);
            try {
                traceRecorder.close();
            } catch (DatabaseException e) {
                LOG.log(System.Logger.Level.WARNING, "part of the run's trace was not stored", e);
            }
            if (traceRecorder.dropped() > 0) {
                LOG.log(System.Logger.Level.WARNING, "{0} trace events of the run were not stored (the recorder fell behind)", traceRecorder.dropped());
            }
            traceDb.close();
        }
        registration.close();
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "the VIOS database's recorder did not finish within 5 s; {0} changes not written",
                        writer.getQueue().size());
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (db) {
            db.close();
        }
    }
}
