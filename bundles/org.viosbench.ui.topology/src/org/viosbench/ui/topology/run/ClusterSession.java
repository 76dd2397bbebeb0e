package org.viosbench.ui.topology.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.viosbench.cluster.ClusterListener;
import org.viosbench.cluster.ClusterState;
import org.viosbench.cluster.EmbeddedCluster;
import org.viosbench.cluster.ViosState;
import org.viosbench.engine.Request;
import org.viosbench.engine.SyscallException;
import org.viosbench.engine.Trace;
import org.viosbench.topology.Conversions;
import org.viosbench.topology.Problem;
import org.viosbench.topology.Topology;
import org.viosbench.topology.Validator;
import org.viosbench.topology.Vios;

/**
 * The drawn topology running as an embedded cluster: every VIOS with its daemons, heartbeat
 * membership, and the requests fired from the editor. Listeners hear of membership changes and of
 * requests (on cluster threads: hand over to the UI thread).
 */
public final class ClusterSession implements AutoCloseable {
    /** At most this many fired requests are kept for the Response Queue view. */
    public static final int KEPT = 500;

    private final Topology topology;
    private final EmbeddedCluster cluster;
    private final List<SentRequest> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private int fired;
    private final java.util.Map<Vios, String> faults = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<Long> firedIds = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Map<Long, Integer> senders = new java.util.concurrent.ConcurrentHashMap<>();
    /** The thread inside {@link #fire} while it sends: what it sends before send() returns the id is ours too. */
    private volatile Thread firing;
    private final java.util.Deque<CapturedPacket> packets = new java.util.ArrayDeque<>();
    /** The trace events of fired messages (the last {@value #KEPT_EVENTS}). */
    private final java.util.Deque<org.viosbench.engine.TraceEvent> events = new java.util.ArrayDeque<>();
    public static final int KEPT_EVENTS = 50_000;
    private int captured;

    private ClusterSession(Topology topology, EmbeddedCluster cluster) {
        this.topology = topology;
        this.cluster = cluster;
    }

    /**
     * Starts {@code topology} as drawn.
     *
     * @throws IllegalStateException when it has validation errors (they are named) or cannot start
     */
    public static ClusterSession start(Topology topology) {
        List<Problem> errors = Validator.validate(topology).stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            StringBuilder s = new StringBuilder("the topology has " + errors.size() + " error(s); fix them to run it:");
            errors.stream().limit(5).forEach(p -> s.append("\n- ").append(p.element() == null ? "" : p.element().label() + ": ").append(p.message()));
            throw new IllegalStateException(s.toString());
        }
        if (topology.vioses().isEmpty()) {
            throw new IllegalStateException("the topology has no VIOS to run");
        }
        EmbeddedCluster cluster;
        try {
            cluster = EmbeddedCluster.start(Conversions.toClusterDescription(topology), new Trace(), 1);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the cluster did not start: " + e.getMessage(), e);
        }
        ClusterSession s = new ClusterSession(topology, cluster);
        cluster.addListener(new ClusterListener() {
            @Override
            public void viosStateChanged(int viewer, int vios, ViosState state, String reason) {
                s.changed();
            }

            @Override
            public void clusterStateChanged(ClusterState state) {
                s.changed();
            }
        });
        cluster.setPacketTap(s::tap);
        cluster.trace().addListener(e -> {
            if (s.isFired(e.messageId())) {
                synchronized (s.events) {
                    s.events.addLast(e);
                    if (s.events.size() > KEPT_EVENTS) {
                        s.events.removeFirst();
                    }
                }
            }
        });
        RunLock.set(topology, true);
        return s;
    }

    public EmbeddedCluster cluster() {
        return cluster;
    }

    public Topology topology() {
        return topology;
    }

    /** The state of VIOS {@code v} as the cluster's coordinator sees it. */
    public ViosState state(Vios v) {
        return cluster.state((int) v.id());
    }

    /** Fires {@code spec} (repeat times); each becomes a row of the Response Queue view, sent or refused. */
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
                org.viosbench.engine.Message message = spec.message();
                Request req;
                firing = Thread.currentThread();
                try {
                    req = cluster.node(spec.source()).daemon(spec.sendingDaemon()).send(message);
                } finally {
                    firing = null;
                }
                firedIds.add(req.messageId());
                senders.put(req.messageId(), spec.source());
                r = new SentRequest(number, from, to, spec.policy(), req, null, System.nanoTime());
                req.future().whenComplete((result, error) -> changed());
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
        }
        changed();
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

    /** Engine threads: keeps a copy of the packets of fired requests and their responses (not heartbeats). */
    private void tap(int from, int to, io.netty.buffer.ByteBuf packet) {
        int at = packet.readerIndex();
        if (packet.readableBytes() < org.viosbench.protocol.Wire.OFF_MESSAGE_ID + 8
                || !isFired(packet.getLong(at + org.viosbench.protocol.Wire.OFF_MESSAGE_ID))) {
            return;
        }
        byte[] bytes = new byte[packet.readableBytes()];
        packet.getBytes(at, bytes);
        synchronized (packets) {
            packets.addLast(new CapturedPacket(++captured, System.nanoTime(), name(from), to == org.viosbench.cluster.PacketTap.BROADCAST
                    ? "broadcast" : name(to), bytes));
            while (packets.size() > KEPT) {
                packets.removeFirst();
            }
        }
        changed();
    }

    /**
     * Sends raw packet bytes (an edited packet) through the system call of the VIOS its header names
     * as source, as its sending daemon would; the VKE checks them like any other.
     */
    public org.viosbench.engine.Errno resend(byte[] packet) {
        if (packet.length < org.viosbench.protocol.Wire.FIXED_HEADER_LENGTH) {
            return org.viosbench.engine.Errno.EINVAL;
        }
        int source = java.nio.ByteBuffer.wrap(packet).getInt(org.viosbench.protocol.Wire.OFF_SOURCE);
        if (!cluster.ids().contains(source) || !cluster.isRunning(source)) {
            return org.viosbench.engine.Errno.ENXIO;
        }
        long id = java.nio.ByteBuffer.wrap(packet).getLong(org.viosbench.protocol.Wire.OFF_MESSAGE_ID);
        firedIds.add(id);
        firing = Thread.currentThread();
        try {
            return cluster.node(source).syscall().send(packet);
        } finally {
            firing = null;
            changed();
        }
    }

    /** Every traced hop of fired message {@code messageId} (request and responses), in order. */
    public List<org.viosbench.engine.TraceEvent> events(long messageId) {
        synchronized (events) {
            return events.stream().filter(e -> e.messageId() == messageId).toList();
        }
    }

    /** The packets of the fired requests and their responses, as sent (the last {@value #KEPT}), oldest first. */
    public List<CapturedPacket> packets() {
        synchronized (packets) {
            return List.copyOf(packets);
        }
    }

    /** The VIOS that fired request {@code messageId}, or null (unknown, or still inside its send). */
    public Integer senderOf(long messageId) {
        return senders.get(messageId);
    }

    /** Whether {@code messageId} is one of the requests fired from the editor (or a response to one). */
    public boolean isFired(long messageId) {
        return firedIds.contains(messageId) || (Thread.currentThread() == firing && messageId != -1 && firedIds.add(messageId));
    }

    /** The fault injected on {@code v} (for its figure), or null. */
    public String fault(Vios v) {
        return faults.get(v);
    }

    /** Drops {@code percent} % of the packets {@code v} sends and receives. */
    public void drop(Vios v, int percent) {
        int id = (int) v.id();
        cluster.faults().drop(id, org.viosbench.cluster.Faults.ANY, percent / 100.0);
        cluster.faults().drop(org.viosbench.cluster.Faults.ANY, id, percent / 100.0);
        faults.put(v, "DROP " + percent + "%");
        changed();
    }

    /** Delays the packets {@code v} sends and receives by {@code millis} ms, give or take {@code jitter}. */
    public void delay(Vios v, int millis, int jitter) {
        int id = (int) v.id();
        cluster.faults().delay(id, org.viosbench.cluster.Faults.ANY, java.time.Duration.ofMillis(millis), java.time.Duration.ofMillis(jitter));
        cluster.faults().delay(org.viosbench.cluster.Faults.ANY, id, java.time.Duration.ofMillis(millis), java.time.Duration.ofMillis(jitter));
        faults.put(v, "DELAY " + millis + " ms");
        changed();
    }

    /** Cuts {@code v} off from every other VIOS (a partition); the others suspect it. */
    public void isolate(Vios v) {
        java.util.Set<Integer> others = new java.util.HashSet<>();
        topology.vioses().stream().filter(o -> o != v).forEach(o -> others.add((int) o.id()));
        cluster.faults().partition(java.util.Set.of((int) v.id()), others);
        faults.put(v, "CUT OFF");
        changed();
    }

    /** Cuts the kcluster link between {@code a} and {@code b} both ways; each suspects the other. */
    public void cut(Vios a, Vios b) {
        cluster.faults().partition(java.util.Set.of((int) a.id()), java.util.Set.of((int) b.id()));
        faults.merge(a, "LINK CUT", (x, y) -> x);
        faults.merge(b, "LINK CUT", (x, y) -> x);
        changed();
    }

    /** Removes every injected fault. */
    public void heal() {
        cluster.faults().heal();
        faults.clear();
        changed();
    }

    public void kill(Vios v) {
        cluster.kill((int) v.id());
        changed();
    }

    public void restart(Vios v) {
        cluster.restart((int) v.id());
        changed();
    }

    private String name(int id) {
        Vios v = topology.vios(Integer.toUnsignedLong(id));
        return v == null ? "VIOS " + Integer.toUnsignedString(id) : v.name();
    }

    /** {@code l} runs (on a cluster thread or the caller's) after membership or requests changed. */
    public void addListener(Runnable l) {
        listeners.add(l);
    }

    public void removeListener(Runnable l) {
        listeners.remove(l);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    /** Stops every VIOS; open requests end. The topology can be edited again. */
    @Override
    public void close() {
        try {
            cluster.close();
        } finally {
            RunLock.set(topology, false);
            changed();
        }
    }
}
