package org.viosbench.session;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.viosbench.cluster.ClusterListener;
import org.viosbench.cluster.ClusterState;
import org.viosbench.cluster.EmbeddedCluster;
import org.viosbench.cluster.Faults;
import org.viosbench.cluster.ViosState;
import org.viosbench.protocol.Errno;
import org.viosbench.engine.Request;
import org.viosbench.engine.SyscallException;
import org.viosbench.engine.Trace;
import org.viosbench.engine.TraceEvent;
import org.viosbench.protocol.Wire;
import org.viosbench.topology.Problem;
import org.viosbench.topology.Topology;
import org.viosbench.topology.Validator;
import org.viosbench.topology.Vios;
import org.viosbench.trace.RecordedTrace;


/**
 * A topology running as a cluster, and everything done to it: the one object through which a
 * running cluster is started, fired at, faulted, killed, restarted and stopped, whoever drives it
 * (the editor, a view, a script). It holds the cluster's whole {@link Timeline} from its start,
 * the requests fired with their response queues, and the packets of those requests, and publishes
 * typed {@link SessionEvent}s to its listeners. Thread-safe.
 */
public final class ClusterSession implements AutoCloseable {
    /** At most this many fired requests (and captured packets) are kept. */
    public static final int KEPT = 500;

    private final Topology topology;
    private final EmbeddedCluster cluster;
    private final Timeline timeline;
    private final List<SentRequest> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private int fired;
    private final Map<Vios, String> faults = new ConcurrentHashMap<>();
    /** Message ids of the requests fired here: known before their first hop (see {@code Daemon.send(Message, LongConsumer)}). */
    private final Set<Long> firedIds = ConcurrentHashMap.newKeySet();
    private final Map<Long, Integer> senders = new ConcurrentHashMap<>();
    private final Deque<CapturedPacket> packets = new ArrayDeque<>();
    private int captured;
    private volatile boolean closed;
    /** The trace time up to which people have been shown what happened (see {@link #shownUpTo()}). */
    private volatile long shownUpTo = Long.MAX_VALUE;

    private ClusterSession(Topology topology, EmbeddedCluster cluster, Timeline timeline) {
        this.topology = topology;
        this.cluster = cluster;
        this.timeline = timeline;
    }

    /**
     * Starts {@code topology} as drawn, in real time, keeping the newest {@link Timeline#DEFAULT_CAPACITY} events.
     *
     * @throws IllegalStateException when it has validation errors (they are named) or cannot start
     */
    public static ClusterSession start(Topology topology) {
        return start(topology, Timeline.DEFAULT_CAPACITY);
    }

    /** As {@link #start(Topology)}, keeping the newest {@code keptEvents} events in the timeline. */
    public static ClusterSession start(Topology topology, int keptEvents) {
        requireRunnable(topology);
        Timeline timeline = new Timeline(keptEvents);
        Trace trace = new Trace();
        trace.addListener(timeline); // before the start: the timeline holds the cluster's life from its first event
        CaptureSink sink = new CaptureSink();
        trace.addListener(sink);
        EmbeddedCluster cluster;
        try {
            cluster = EmbeddedCluster.start(Conversions.toClusterDescription(topology), trace, 1);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the cluster did not start: " + e.getMessage(), e);
        }
        ClusterSession s = new ClusterSession(topology, cluster, timeline);
        cluster.addListener(new ClusterListener() {
            @Override
            public void viosStateChanged(int viewer, int vios, ViosState state, String reason) {
                s.publish(new SessionEvent.Membership(viewer, vios, state, reason));
            }

            @Override
            public void clusterStateChanged(ClusterState state) {
                s.publish(new SessionEvent.Cluster(state));
            }
        });
        sink.session = s;
        return s;
    }

    /**
     * Refuses a topology that cannot run, whatever the kind of session: its validation errors (the
     * first five named), or no VIOS at all.
     *
     * @throws IllegalStateException saying why
     */
    static void requireRunnable(Topology topology) {
        List<Problem> errors = Validator.validate(topology).stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            StringBuilder s = new StringBuilder("the topology has " + errors.size() + " error(s); fix them to run it:");
            errors.stream().limit(5).forEach(p -> s.append("\n- ").append(p.element() == null ? "" : p.element().label() + ": ").append(p.message()));
            throw new IllegalStateException(s.toString());
        }
        if (topology.vioses().isEmpty()) {
            throw new IllegalStateException("the topology has no VIOS to run");
        }
    }

    public EmbeddedCluster cluster() {
        return cluster;
    }

    public Topology topology() {
        return topology;
    }

    /** Everything the cluster did since it started (within the timeline's capacity). */
    public Timeline timeline() {
        return timeline;
    }

    /** VIOS id → name, for traces. */
    public Map<Integer, String> names() {
        Map<Integer, String> names = new TreeMap<>();
        topology.vioses().forEach(v -> names.put((int) v.id(), v.name()));
        return names;
    }

    /** The timeline as a recorded trace (in time order, with the VIOS names). */
    public RecordedTrace trace() {
        return timeline.snapshot(names());
    }

    /**
     * The moment people are being shown: the trace time (ns) of the latest event an animation has
     * played, while one is behind the engine; {@link Long#MAX_VALUE} when everything is shown (no
     * animation, or it caught up). Views that show "now" (the trace cursor, the queues) stop there.
     */
    public long shownUpTo() {
        return shownUpTo;
    }

    /** Set by what animates the cluster: it has shown everything up to trace time {@code nanos} ({@link Long#MAX_VALUE}: all). */
    public void setShownUpTo(long nanos) {
        shownUpTo = nanos;
    }

    private volatile SessionDatabase database;

    /**
     * Gives this running cluster its VIOS database ({@link SessionDatabase}): the configuration written, registration with
     * the database VIOS, every state change recorded. The session closes it when it stops.
     *
     * @throws DatabaseException when the configuration cannot be written (nothing attached; the cluster runs on)
     * @throws IllegalStateException when the session has stopped or has a database already
     */
    public synchronized SessionDatabase attachDatabase(org.viosbench.db.ViosDatabase db) throws org.viosbench.db.DatabaseException {
        if (closed || database != null) {
            throw new IllegalStateException(closed ? "the cluster has stopped" : "the cluster has its database already");
        }
        database = SessionDatabase.attach(this, db);
        publish(new SessionEvent.Database("attached: " + db.location()));
        return database;
    }

    /**
     * Opens (creating or migrating) the embedded VIOS database in {@code directory} and attaches it; on any failure it is
     * closed again, nothing attached, and listeners hear why ({@link SessionEvent.Database}).
     */
    public SessionDatabase attachDatabase(java.nio.file.Path directory) throws org.viosbench.db.DatabaseException {
        org.viosbench.db.ViosDatabase db;
        try {
            db = org.viosbench.db.ViosDatabase.open(directory);
        } catch (org.viosbench.db.DatabaseException e) {
            publish(new SessionEvent.Database("not attached: " + e.getMessage()));
            throw e;
        }
        try {
            return attachDatabase(db);
        } catch (org.viosbench.db.DatabaseException | RuntimeException e) {
            db.close();
            publish(new SessionEvent.Database("not attached: " + e.getMessage()));
            throw e;
        }
    }

    /** The running cluster's VIOS database, or null when none is attached. */
    public SessionDatabase database() {
        return database;
    }

    /** Whether the session still runs. */
    public boolean isRunning() {
        return !closed;
    }

    /** The state of VIOS {@code v} as the cluster's coordinator sees it. */
    public ViosState state(Vios v) {
        return cluster.state((int) v.id());
    }

    /** Fires {@code spec} (repeat times); each becomes a request row, sent or refused. */
    public List<SentRequest> fire(FireSpec spec) {
        List<SentRequest> out = new ArrayList<>();
        String from = name(spec.source()) + " (daemon " + spec.sendingDaemon() + ")";
        String to = spec.describeTo(this::name) + " (daemon " + spec.targetDaemon() + ")";
        for (int i = 0; i < spec.repeat(); i++) {
            SentRequest r;
            int number;
            synchronized (this) {
                number = ++fired;
            }
            try {
                Request req = cluster.node(spec.source()).daemon(spec.sendingDaemon()).send(spec.message(), id -> {
                    firedIds.add(id);
                    senders.put(id, spec.source());
                });
                r = new SentRequest(number, from, to, spec.policy(), req, null, System.nanoTime());
                SentRequest row = r;
                req.future().whenComplete((result, error) -> publish(new SessionEvent.Requests(row)));
            } catch (SyscallException | IllegalStateException e) {
                r = new SentRequest(number, from, to, spec.policy(), null, e.getMessage(), System.nanoTime());
            }
            out.add(r);
            synchronized (sent) {
                sent.add(r);
                while (sent.size() > KEPT) {
                    sent.remove(0);
                }
            }
            publish(new SessionEvent.Requests(r));
        }
        return out;
    }

    /** The requests fired so far (the last {@value #KEPT}), oldest first. */
    public List<SentRequest> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** Whether some fired request is still open. */
    public boolean anyOpen() {
        return sent().stream().anyMatch(r -> r.state().equals("OPEN"));
    }

    /**
     * Engine threads: the trace's sends of fired requests and their responses (not heartbeats) are
     * the captured packets. The bytes are the trace event's own (no copy); a broadcast, traced as one
     * send per receiver of the same bytes, is captured once.
     */
    private static final class CaptureSink implements org.viosbench.engine.TraceListener {
        private volatile ClusterSession session;
        /** Per sending VIOS, the broadcast it is sending now (one TRANSMIT per receiver, the same bytes): captured once. */
        private final Map<Integer, byte[]> lastBroadcast = new java.util.HashMap<>();

        @Override
        public void onEvent(TraceEvent e) {
            ClusterSession s = session;
            if (s == null || e.kind() != org.viosbench.engine.TraceKind.TRANSMIT || e.packet() == null || !s.isFired(e.messageId())) {
                return;
            }
            synchronized (this) {
                // keyed by sender: broadcasts of several VIOSes at once interleave their sends
                if (e.broadcast() && e.packet() == lastBroadcast.get(e.vios())) {
                    return; // the same broadcast to the next receiver
                }
                if (e.broadcast()) {
                    lastBroadcast.put(e.vios(), e.packet());
                } else {
                    lastBroadcast.remove(e.vios());
                }
            }
            s.capture(e.vios(), e.broadcast() ? "broadcast" : s.name(e.peer()), e.packet());
        }
    }

    private void capture(int from, String to, byte[] bytes) {
        CapturedPacket p;
        synchronized (packets) {
            p = new CapturedPacket(++captured, System.nanoTime(), name(from), to, bytes);
            packets.addLast(p);
            while (packets.size() > KEPT) {
                packets.removeFirst();
            }
        }
        publish(new SessionEvent.Captured(p));
    }

    /**
     * Sends raw packet bytes (an edited packet) through the system call of the VIOS its header names
     * as source, as its sending daemon would; the VKE checks them like any other.
     */
    public Errno resend(byte[] packet) {
        if (packet.length < Wire.FIXED_HEADER_LENGTH) {
            return Errno.EINVAL;
        }
        int source = ByteBuffer.wrap(packet).getInt(Wire.OFF_SOURCE);
        if (!cluster.ids().contains(source) || !cluster.isRunning(source)) {
            return Errno.ENXIO;
        }
        firedIds.add(ByteBuffer.wrap(packet).getLong(Wire.OFF_MESSAGE_ID)); // the id is in the bytes: known before they leave
        try {
            return cluster.node(source).syscall().send(packet);
        } finally {
            publish(new SessionEvent.Requests(null));
        }
    }

    /** Every traced hop of fired message {@code messageId} (request and responses) the timeline keeps, in order. */
    public List<TraceEvent> events(long messageId) {
        return timeline.events().stream().filter(e -> e.messageId() == messageId).toList();
    }

    /** The packets of the fired requests and their responses, as sent (the last {@value #KEPT}), oldest first. */
    public List<CapturedPacket> packets() {
        synchronized (packets) {
            return List.copyOf(packets);
        }
    }

    /** The VIOS that fired request {@code messageId}, or null. */
    public Integer senderOf(long messageId) {
        return senders.get(messageId);
    }

    /** Whether {@code messageId} is one of the requests fired here (its responses share the id). */
    public boolean isFired(long messageId) {
        return firedIds.contains(messageId);
    }

    /** The fault injected on {@code v} (for its figure), or null. */
    public String fault(Vios v) {
        return faults.get(v);
    }

    /** Drops {@code percent} % of the packets {@code v} sends and receives. */
    public void drop(Vios v, int percent) {
        int id = (int) v.id();
        cluster.faults().drop(id, Faults.ANY, percent / 100.0);
        cluster.faults().drop(Faults.ANY, id, percent / 100.0);
        fault(v, "DROP " + percent + "%");
    }

    /** Delays the packets {@code v} sends and receives by {@code millis} ms, give or take {@code jitter}. */
    public void delay(Vios v, int millis, int jitter) {
        int id = (int) v.id();
        cluster.faults().delay(id, Faults.ANY, Duration.ofMillis(millis), Duration.ofMillis(jitter));
        cluster.faults().delay(Faults.ANY, id, Duration.ofMillis(millis), Duration.ofMillis(jitter));
        fault(v, "DELAY " + millis + " ms");
    }

    /** Cuts {@code v} off from every other VIOS (a partition); the others suspect it. */
    public void isolate(Vios v) {
        Set<Integer> others = new HashSet<>();
        topology.vioses().stream().filter(o -> o != v).forEach(o -> others.add((int) o.id()));
        cluster.faults().partition(Set.of((int) v.id()), others);
        fault(v, "CUT OFF");
    }

    /** Cuts the kcluster link between {@code a} and {@code b} both ways; each suspects the other. */
    public void cut(Vios a, Vios b) {
        cluster.faults().partition(Set.of((int) a.id()), Set.of((int) b.id()));
        faults.merge(a, "LINK CUT", (x, y) -> x);
        faults.merge(b, "LINK CUT", (x, y) -> x);
        publish(new SessionEvent.Faults("link " + a.name() + " - " + b.name() + " cut"));
    }

    /** Removes every injected fault. */
    public void heal() {
        cluster.faults().heal();
        faults.clear();
        publish(new SessionEvent.Faults("healed"));
    }

    public void kill(Vios v) {
        cluster.kill((int) v.id());
        publish(new SessionEvent.Faults(v.name() + " killed"));
    }

    /** Stops {@code v}'s cluster services cleanly (it leaves: the others see it DOWN at once); it stays stopped until restarted. */
    public void stopVios(Vios v) {
        cluster.stop((int) v.id());
        publish(new SessionEvent.Faults(v.name() + " stopped"));
    }

    public void restart(Vios v) {
        cluster.restart((int) v.id());
        publish(new SessionEvent.Faults(v.name() + " restarted"));
    }

    private void fault(Vios v, String what) {
        faults.put(v, what);
        publish(new SessionEvent.Faults(v.name() + ": " + what));
    }

    private String name(int id) {
        Vios v = topology.vios(Integer.toUnsignedLong(id));
        return v == null ? "VIOS " + Integer.toUnsignedString(id) : v.name();
    }

    public void addListener(SessionListener l) {
        listeners.add(l);
    }

    public void removeListener(SessionListener l) {
        listeners.remove(l);
    }

    private void publish(SessionEvent e) {
        if (closed && !(e instanceof SessionEvent.Stopped)) {
            return; // what the VIOSes do while they stop (and state checks queued before) comes after Stopped: not news
        }
        for (SessionListener l : listeners) {
            l.changed(e);
        }
    }

    /** Stops every VIOS; open requests end. */
    @Override
    public void close() {
        synchronized (this) { // not while a database is being attached
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            cluster.close();
        } finally {
            SessionDatabase d = database;
            if (d != null) {
                d.close();
            }
            publish(new SessionEvent.Stopped());
        }
    }
}
