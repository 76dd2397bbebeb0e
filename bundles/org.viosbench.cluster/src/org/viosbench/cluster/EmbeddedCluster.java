package org.viosbench.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.viosbench.engine.Layer;
import org.viosbench.engine.MessageHandler;
import org.viosbench.engine.Reply;
import org.viosbench.engine.Trace;
import org.viosbench.engine.TraceKind;
import org.viosbench.engine.ViosNode;
import org.viosbench.transport.InJvmFabric;

/**
 * A running VIOS cluster inside this JVM: one {@link ViosNode} per VIOS of a
 * {@link ClusterDescription}, on the in-JVM kcluster, each with heartbeat membership and the
 * cluster's fault injection. VIOSes can be added, removed, stopped, killed and restarted while the
 * others keep running. The one API the UI, the command line and tests use. Thread-safe.
 */
public final class EmbeddedCluster implements AutoCloseable {

    /** The built-in handler of the daemons a {@link ViosSpec} lists: answers with the request's payload. */
    public static final MessageHandler ECHO = m -> Reply.ok(m.payloadBytes());

    /** One VIOS: what it is, and while it runs, its engine. */
    private static final class Member {
        final ViosSpec spec;
        final Map<Integer, MessageHandler> handlers = new ConcurrentHashMap<>();
        ViosNode node;
        MembershipKCluster membership;

        Member(ViosSpec spec) {
            this.spec = spec;
            for (int d : spec.daemons()) {
                handlers.put(d, ECHO);
            }
        }
    }

    private final ClusterDescription description;
    private final InJvmFabric fabric = new InJvmFabric();
    private final Trace trace;
    private final Faults faults;
    private final Map<Integer, Member> members = new TreeMap<>();
    private final CopyOnWriteArrayList<ClusterListener> listeners = new CopyOnWriteArrayList<>();
    private final ClusterListener relay = new ClusterListener() {
        @Override
        public void viosStateChanged(int viewer, int vios, ViosState state, String reason) {
            for (ClusterListener l : listeners) {
                l.viosStateChanged(viewer, vios, state, reason);
            }
            // not on this (kcluster or timer) thread: the cluster's lock may be held by a stop waiting for it
            ClusterScheduler.shared().execute(EmbeddedCluster.this::checkClusterState);
        }
    };
    private ClusterState lastState;
    private boolean closed;
    /** The VIOS database node, when registration is on. */
    private Integer databaseNode;
    private Duration registrationTimeout = Duration.ofSeconds(1);
    private int registrationAttempts = 5;

    private EmbeddedCluster(ClusterDescription description, Trace trace, long seed) {
        this.description = description;
        this.trace = trace;
        this.faults = new Faults(trace, seed);
    }

    /** Starts every VIOS of {@code description}, tracing into {@code trace}; fault choices seeded with {@code seed}. */
    public static EmbeddedCluster start(ClusterDescription description, Trace trace, long seed) {
        EmbeddedCluster c = new EmbeddedCluster(Objects.requireNonNull(description), Objects.requireNonNull(trace), seed);
        synchronized (c) {
            for (ViosSpec s : description.vioses()) {
                Member m = new Member(s);
                c.members.put(s.id(), m);
            }
            for (Member m : c.members.values()) {
                c.startMember(m, "started");
            }
            c.awaitFormation();
            c.lastState = c.state();
        }
        return c;
    }

    /** Starts every VIOS of {@code description} with a trace of its own and seed 1. */
    public static EmbeddedCluster start(ClusterDescription description) {
        return start(description, new Trace(), 1);
    }

    public ClusterDescription description() {
        return description;
    }

    public Trace trace() {
        return trace;
    }

    public Faults faults() {
        return faults;
    }

    /** Ids of every VIOS of the cluster, running or not, ascending. */
    public synchronized List<Integer> ids() {
        return List.copyOf(members.keySet());
    }

    public synchronized ViosSpec spec(int vios) {
        return member(vios).spec;
    }

    /** Whether VIOS {@code vios} runs now. */
    public synchronized boolean isRunning(int vios) {
        return member(vios).node != null;
    }

    /**
     * The engine of running VIOS {@code vios}.
     *
     * @throws IllegalStateException when it is stopped or killed
     */
    public synchronized ViosNode node(int vios) {
        Member m = member(vios);
        if (m.node == null) {
            throw new IllegalStateException("VIOS " + m.spec.name() + " is not running");
        }
        return m.node;
    }

    /** Sets the handler of daemon {@code daemon} on VIOS {@code vios}; it stays across restarts. */
    public synchronized void registerHandler(int vios, int daemon, MessageHandler handler) {
        Member m = member(vios);
        m.handlers.put(daemon, handler);
        if (m.node != null) {
            m.node.registerHandler(daemon, handler);
        }
    }

    /**
     * Makes VIOS {@code dbVios} the VIOS database node: {@code registrationService} answers on its
     * {@link Registrar#REGISTRATION_DAEMON} (across restarts), and every other VIOS registers with it,
     * those running now at once and the others whenever they start, restart or are added. A
     * registration without answer is resent, {@code attempts} times at most, {@code timeout} apart.
     * Outcomes reach {@link ClusterListener#registered} and the trace.
     */
    public synchronized void useDatabase(int dbVios, MessageHandler registrationService, Duration timeout, int attempts) {
        checkOpen();
        member(dbVios);
        if (attempts < 1 || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("registration needs at least one attempt and a positive timeout");
        }
        registerHandler(dbVios, Registrar.REGISTRATION_DAEMON, Objects.requireNonNull(registrationService));
        databaseNode = dbVios;
        registrationTimeout = timeout;
        registrationAttempts = attempts;
        for (Member m : members.values()) {
            if (m.node != null) {
                register(m);
            }
        }
    }

    /** Adds and starts a VIOS; the others see it join. */
    public synchronized void add(ViosSpec spec) {
        checkOpen();
        if (members.containsKey(spec.id())) {
            throw new IllegalArgumentException("VIOS id " + Integer.toUnsignedString(spec.id()) + " is taken");
        }
        if (members.values().stream().anyMatch(m -> m.spec.name().equals(spec.name()))) {
            throw new IllegalArgumentException("VIOS name " + spec.name() + " is taken");
        }
        Member m = new Member(spec);
        members.put(spec.id(), m);
        startMember(m, "added");
    }

    /** Stops VIOS {@code vios} and forgets it. */
    public synchronized void remove(int vios) {
        Member m = member(vios);
        if (m.node != null) {
            stopMember(m);
        } else {
            fabric.remove(vios);
        }
        members.remove(vios);
        event(vios, "removed");
    }

    /** Stops VIOS {@code vios} cleanly: its open requests end ABORTED, the others see it leave at once. */
    public synchronized void stop(int vios) {
        Member m = member(vios);
        if (m.node != null) {
            stopMember(m);
            event(vios, "stopped");
        }
    }

    /**
     * Kills VIOS {@code vios}: it stops at once without telling anybody; packets to it are lost and
     * the others suspect it when its heartbeats stay away for the failure timeout.
     */
    public synchronized void kill(int vios) {
        Member m = member(vios);
        if (m.node == null) {
            return;
        }
        fabric.crash(vios);
        m.membership.stopHeartbeats();
        ViosNode dead = m.node;
        m.node = null;
        m.membership = null;
        dead.close(); // its own callers get ABORTED; the crashed kcluster end says nothing to the others
        event(vios, "killed");
    }

    /** Starts VIOS {@code vios} again (stopping or killing it first if it runs). */
    public synchronized void restart(int vios) {
        Member m = member(vios);
        if (m.node != null) {
            stopMember(m);
        }
        startMember(m, "restarted");
    }

    /** What VIOS {@code viewer} thinks of the others (empty when it is not running). */
    public synchronized Map<Integer, ViosState> view(int viewer) {
        Member m = member(viewer);
        return m.membership == null ? Map.of() : m.membership.view();
    }

    /** What VIOS {@code vios}'s kcluster end counted since it last started; null when it is not running. */
    public synchronized KClusterStatistics statistics(int vios) {
        Member m = member(vios);
        return m.membership == null || m.node == null ? null : m.membership.statistics(m.node.correlator().duplicates());
    }

    /** The state of {@code vios} as the coordinator (lowest running id) sees it; DOWN when it does not run. */
    public synchronized ViosState state(int vios) {
        if (member(vios).node == null) {
            return ViosState.DOWN;
        }
        Member coordinator = coordinator();
        if (coordinator == null || coordinator.spec.id() == vios) {
            return ViosState.UP;
        }
        return coordinator.membership.view().getOrDefault(vios, ViosState.DOWN);
    }

    /** OK when every VIOS is up, DEGRADED with a majority up, DOWN otherwise (as the coordinator sees it). */
    public synchronized ClusterState state() {
        int up = 0;
        for (int id : members.keySet()) {
            if (state(id) == ViosState.UP) {
                up++;
            }
        }
        return ClusterState.of(up, members.size());
    }

    public void addListener(ClusterListener l) {
        listeners.add(l);
    }

    public void removeListener(ClusterListener l) {
        listeners.remove(l);
    }

    /** Stops every VIOS. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Member m : members.values()) {
            if (m.node != null) {
                m.membership.stopHeartbeats();
            }
        }
        List<Member> running = new ArrayList<>(members.values());
        Collections.reverse(running);
        for (Member m : running) {
            if (m.node != null) {
                stopMember(m);
            }
        }
        fabric.close();
    }

    private void startMember(Member m, String why) {
        checkOpen();
        int id = m.spec.id();
        FaultKCluster faulty = new FaultKCluster(fabric.join(id), faults, trace);
        MembershipKCluster membership = new MembershipKCluster(faulty, trace, relay,
                description.heartbeatInterval().toMillis(), description.failureTimeout().toMillis());
        ViosNode node = new ViosNode(m.spec.name(), membership, trace);
        m.handlers.forEach(node::registerHandler);
        m.node = node;
        m.membership = membership;
        event(id, why);
        register(m);
    }

    /** Registers the running VIOS of {@code m} with the VIOS database node, on a thread of its own, when registration is on. */
    private void register(Member m) {
        if (databaseNode == null || databaseNode == m.spec.id()) {
            return;
        }
        int vios = m.spec.id();
        int dbNode = databaseNode;
        ViosNode node = m.node;
        Duration timeout = registrationTimeout;
        int attempts = registrationAttempts;
        Thread.ofVirtual().name("viosbench-registration-" + m.spec.name()).start(() -> {
            Registrar.Result r;
            try {
                r = Registrar.register(node.daemon(Registrar.JOINING_DAEMON), dbNode,
                        ("embedded:" + node.name()).getBytes(java.nio.charset.StandardCharsets.UTF_8), timeout, attempts);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (m.node != node) {
                    return; // stopped or restarted meanwhile: this outcome is about a VIOS that no longer runs
                }
            }
            if (trace.enabled()) {
                trace.emit(vios, Layer.DAEMON, TraceKind.MEMBERSHIP, -1, dbNode, -1, r.ok()
                        ? "registered with the VIOS database node after " + r.attempts() + " attempt(s)"
                        : "registration failed: " + r.error());
            }
            for (ClusterListener l : listeners) {
                l.registered(vios, r);
            }
        });
    }

    /** Cluster formation: waits (at most 5 s) until every running VIOS has heard that the others joined. */
    private void awaitFormation() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            boolean formed = true;
            for (Member m : members.values()) {
                if (m.membership != null) {
                    Map<Integer, ViosState> view = m.membership.view();
                    for (Member other : members.values()) {
                        if (other != m && other.node != null && view.get(other.spec.id()) != ViosState.UP) {
                            formed = false;
                        }
                    }
                }
            }
            if (formed) {
                return;
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void stopMember(Member m) {
        ViosNode node = m.node;
        m.node = null;
        m.membership = null;
        node.close();
    }

    private Member coordinator() {
        for (Member m : members.values()) {
            if (m.node != null) {
                return m;
            }
        }
        return null;
    }

    private Member member(int vios) {
        Member m = members.get(vios);
        if (m == null) {
            throw new NoSuchElementException("no VIOS with id " + Integer.toUnsignedString(vios) + " in cluster " + description.name());
        }
        return m;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("cluster " + description.name() + " is closed");
        }
    }

    private void event(int vios, String what) {
        if (trace.enabled()) {
            trace.emit(vios, Layer.KCLUSTER, TraceKind.MEMBERSHIP, -1, vios, -1, what);
        }
        ClusterScheduler.shared().execute(this::checkClusterState);
    }

    private void checkClusterState() {
        ClusterState now;
        synchronized (this) {
            if (lastState == null) {
                return;
            }
            now = state();
            if (now == lastState) {
                return;
            }
            lastState = now;
        }
        for (ClusterListener l : listeners) {
            l.clusterStateChanged(now);
        }
    }
}
