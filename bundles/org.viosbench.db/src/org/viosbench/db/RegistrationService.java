package org.viosbench.db;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.viosbench.protocol.Errno;
import org.viosbench.engine.AsyncMessageHandler;
import org.viosbench.engine.IncomingMessage;
import org.viosbench.engine.Reply;

/**
 * The registration daemon of the VIOS database node: a VIOS that joins sends REGISTER (payload:
 * its address, UTF-8); the service marks it UP in the VIOS database, logs the registration and
 * answers with the cluster configuration and status, one line per item:
 * {@code cluster NAME HEARTBEAT_MS FAILURE_MS}, then {@code vios ID NAME CEC STATE ROLE} per VIOS.
 * A VIOS the configuration does not hold is refused (EACCES).
 * <p>
 * The database work (a commit per registration) runs on a worker thread of its own, never on the
 * thread that delivers packets, whose heartbeats would wait; at most {@link #DEFAULT_BACKLOG}
 * registrations wait for it. One more is answered at once with EAGAIN (the registrar sends it
 * again later) and counted, so a burst of REGISTERs cannot stall the node or grow without bound.
 */
public final class RegistrationService implements AsyncMessageHandler, AutoCloseable {
    /** Registrations that may wait for the worker. */
    public static final int DEFAULT_BACKLOG = 64;
    private static final System.Logger LOG = System.getLogger(RegistrationService.class.getName());
    private final ViosDatabase db;
    private final int backlog;
    private final ThreadPoolExecutor worker;
    private final AtomicLong busy = new AtomicLong();
    /** Registrations accepted and not yet answered. */
    private final java.util.Set<CompletableFuture<Reply>> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public RegistrationService(ViosDatabase db) {
        this(db, DEFAULT_BACKLOG);
    }

    /** A service whose worker lets {@code backlog} registrations wait. */
    public RegistrationService(ViosDatabase db, int backlog) {
        this.db = db;
        this.backlog = backlog;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(backlog), r -> {
            Thread t = new Thread(r, "vios-registration");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public CompletionStage<Reply> handleLater(IncomingMessage m) {
        int vios = m.source();
        byte[] address = m.payloadBytes(); // a copy: the message's bytes are gone once this returns
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        try {
            pending.add(reply);
            worker.execute(() -> {
                try {
                    reply.complete(register(vios, address));
                } catch (DatabaseException | RuntimeException e) {
                    reply.completeExceptionally(e);
                } finally {
                    pending.remove(reply);
                }
            });
            return reply;
        } catch (RejectedExecutionException e) {
            pending.remove(reply);
            if (worker.isShutdown()) {
                return CompletableFuture.completedFuture(Reply.error(Errno.ESHUTDOWN, "the registration service has stopped"));
            }
            long n = busy.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "registration of VIOS {0} answered EAGAIN: {1} registrations wait already ({2} so far)",
                    Integer.toUnsignedString(vios), backlog, n);
            return CompletableFuture.completedFuture(Reply.error(Errno.EAGAIN, "the VIOS database node is busy (" + backlog
                    + " registrations waiting); try again"));
        }
    }

    /** Registrations answered EAGAIN because the backlog was full. */
    public long busyRefusals() {
        return busy.get();
    }

    /** Registers synchronously, on the caller's thread. */
    @Override
    public Reply handle(IncomingMessage m) throws DatabaseException {
        return register(m.source(), m.payloadBytes());
    }

    private Reply register(int source, byte[] payload) throws DatabaseException {
        long vios = Integer.toUnsignedLong(source);
        String address = new String(payload, StandardCharsets.UTF_8);
        synchronized (db) {
            ClusterConfigStore store = db.config();
            ClusterConfig config = store.load().orElse(null);
            if (config == null || config.vioses().stream().noneMatch(v -> v.id() == vios)) {
                return Reply.error(Errno.EACCES, "VIOS " + vios + " is not in the cluster configuration of the VIOS database");
            }
            store.recordState(vios, "UP", Instant.now(), "registered" + (address.isBlank() ? "" : " from " + address));
            StringBuilder sb = new StringBuilder();
            sb.append("cluster ").append(config.name()).append(' ').append(config.heartbeatMillis()).append(' ')
                    .append(config.failureTimeoutMillis()).append('\n');
            for (ClusterConfig.Vios v : config.vioses()) {
                sb.append("vios ").append(v.id()).append(' ').append(v.name()).append(' ').append(v.cecSerial()).append(' ')
                        .append(store.state(v.id()).orElse("UNKNOWN")).append(' ').append(v.role()).append('\n');
            }
            return Reply.ok(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Stops the worker; registrations still waiting are answered ESHUTDOWN. */
    @Override
    public void close() {
        worker.shutdownNow();
        for (CompletableFuture<Reply> f : pending) {
            f.complete(Reply.error(Errno.ESHUTDOWN, "the registration service has stopped"));
        }
        pending.clear();
    }
}
