package org.viosbench.engine;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.viosbench.engine.kcluster.KCluster;
import org.viosbench.engine.kcluster.MembershipListener;

import io.netty.util.Timer;

/**
 * The protocol engine of one VIOS: its daemons, system-call interface, VKE and correlator, on one
 * end of the kcluster interface. Closing it aborts its open requests and leaves the cluster.
 */
public final class ViosNode implements AutoCloseable {
    private final int id;
    private final String name;
    private final KCluster kcluster;
    private final Trace trace;
    private final SyscallInterface syscall;
    private final Vke vke;
    private final Correlator correlator;
    private final ConcurrentHashMap<Integer, Daemon> daemons = new ConcurrentHashMap<>();
    private final MembershipListener membership;

    /** A VIOS on {@code kcluster}, sharing {@code trace}, with timeouts on the shared engine timer. */
    public ViosNode(String name, KCluster kcluster, Trace trace) {
        this(name, kcluster, trace, EngineTimer.shared());
    }

    public ViosNode(String name, KCluster kcluster, Trace trace, Timer timer) {
        this.kcluster = Objects.requireNonNull(kcluster, "kcluster");
        this.id = kcluster.localId();
        this.name = Objects.requireNonNull(name, "name");
        this.trace = Objects.requireNonNull(trace, "trace");
        this.syscall = new SyscallInterface(id, trace);
        this.vke = new Vke(id, kcluster, syscall, trace);
        this.syscall.attach(vke);
        this.correlator = new Correlator(id, trace, timer);
        this.membership = (vios, reason) -> correlator.onMemberLeft(vios, reason);
        kcluster.addMembershipListener(membership);
        kcluster.bind(vke::receive);
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Trace trace() {
        return trace;
    }

    public SyscallInterface syscall() {
        return syscall;
    }

    public Vke vke() {
        return vke;
    }

    public Correlator correlator() {
        return correlator;
    }

    public KCluster kcluster() {
        return kcluster;
    }

    /** The daemon with handler id {@code daemonId}, registered with the VKE on first use. */
    public Daemon daemon(int daemonId) {
        if (daemonId < 0 || daemonId > 0xFFFF) {
            throw new IllegalArgumentException("daemon id must be 0..65535, not " + daemonId);
        }
        return daemons.computeIfAbsent(daemonId, k -> {
            Daemon d = new Daemon(this, k);
            syscall.open(d);
            return d;
        });
    }

    /** Registers {@code handler} as the receiving daemon {@code daemonId}; returns the daemon. */
    public Daemon registerHandler(int daemonId, MessageHandler handler) {
        Daemon d = daemon(daemonId);
        d.setHandler(handler);
        return d;
    }

    /** Stops this VIOS: open requests end ABORTED, other members see it leave. Idempotent. */
    @Override
    public void close() {
        syscall.close();
        correlator.shutdown();
        kcluster.removeMembershipListener(membership);
        kcluster.close();
    }

    @Override
    public String toString() {
        return "ViosNode[" + Integer.toUnsignedString(id) + " " + name + "]";
    }
}
