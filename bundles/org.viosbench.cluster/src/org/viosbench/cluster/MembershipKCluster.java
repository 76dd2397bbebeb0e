package org.viosbench.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.viosbench.protocol.Errno;
import org.viosbench.engine.Layer;
import org.viosbench.engine.Trace;
import org.viosbench.engine.TraceKind;
import org.viosbench.engine.kcluster.KCluster;
import org.viosbench.engine.kcluster.KClusterReceiver;
import org.viosbench.engine.kcluster.MembershipListener;
import org.viosbench.protocol.Decoded;
import org.viosbench.protocol.MessageType;
import org.viosbench.protocol.Packet;
import org.viosbench.protocol.PacketDecoder;
import org.viosbench.protocol.PacketEncoder;
import org.viosbench.protocol.PacketHeader;
import org.viosbench.protocol.SubHeader;
import org.viosbench.protocol.Wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * CAA-style membership for one VIOS, layered on its kcluster end: broadcasts a HEARTBEAT packet
 * every interval, counts every arriving packet as a life sign (heartbeats are consumed here,
 * everything else goes on to the VKE), and suspects a VIOS unheard of for the failure timeout. A suspected VIOS leaves this VIOS's
 * view ({@link #members()}, {@link #isReachable(int)}, broadcasts) and the engine's listeners get
 * {@code nodeLeft}, which ends its pending response-queue entries as SUSPECTED. Heard again, it is
 * UP again (but not added to requests already running).
 */
final class MembershipKCluster extends ForwardingKCluster {
    private static final System.Logger LOG = System.getLogger(MembershipKCluster.class.getName());
    /** Heartbeat ticks that threw (each logged). */
    private volatile long tickFailures;


    private static final class Peer {
        volatile long lastHeard;
        ViosState state = ViosState.UP;

        Peer(long now) {
            lastHeard = now;
        }
    }

    /** A state change to announce once the lock is released. */
    private record Change(int vios, ViosState state, String reason) {
    }

    private final Trace trace;
    private final ClusterListener clusterListener;
    private final long intervalNanos;
    private final long timeoutNanos;
    private final Map<Integer, Peer> peers = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<MembershipListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong heartbeatIds = new AtomicLong();
    private final ScheduledFuture<?> ticker;
    private volatile boolean allUp = true;
    private final java.util.concurrent.atomic.LongAdder sent = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder received = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder heartbeatsSent = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder heartbeatsReceived = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder refusedSends = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder duplicates = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder outOfOrder = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder downEvents = new java.util.concurrent.atomic.LongAdder();
    /** Per sender, the highest request message id that arrived from it. */
    private final Map<Integer, long[]> highestRequest = new ConcurrentHashMap<>();

    MembershipKCluster(KCluster inner, Trace trace, ClusterListener clusterListener, long intervalMillis, long timeoutMillis) {
        super(inner);
        this.trace = trace;
        this.clusterListener = clusterListener;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long now = System.nanoTime();
        for (int m : inner.members()) {
            if (m != inner.localId()) {
                peers.put(m, new Peer(now));
            }
        }
        inner.addMembershipListener(new MembershipListener() {
            @Override
            public void nodeJoined(int vios) {
                // a peer that joins (first, or again after it went DOWN) was not UP before: its joining is a change, announced
                Peer p = peers.computeIfAbsent(vios, v -> {
                    Peer fresh = new Peer(System.nanoTime());
                    fresh.state = ViosState.DOWN;
                    return fresh;
                });
                p.lastHeard = System.nanoTime();
                announce(change(vios, p, ViosState.UP, "joined"));
            }

            @Override
            public void nodeLeft(int vios, String reason) {
                Peer p = peers.get(vios);
                if (p != null) {
                    announce(change(vios, p, ViosState.DOWN, reason));
                    peers.remove(vios);
                }
            }
        });
        this.ticker = ClusterScheduler.shared().scheduleAtFixedRate(this::tick, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** This VIOS's view: every other VIOS it knows and its state. */
    Map<Integer, ViosState> view() {
        Map<Integer, ViosState> view = new TreeMap<>();
        for (Map.Entry<Integer, Peer> e : peers.entrySet()) {
            synchronized (this) {
                view.put(e.getKey(), e.getValue().state);
            }
        }
        return view;
    }

    /** Stops sending heartbeats (the VIOS crashed or closes). */
    void stopHeartbeats() {
        ticker.cancel(false);
    }

    /** When the last tick ran; a tick much later than the interval means this VIOS itself was paused. */
    private long lastTick = System.nanoTime();

    private void tick() {
        try {
            long now0 = System.nanoTime();
            long gap = now0 - lastTick;
            lastTick = now0;
            if (gap > timeoutNanos) {
                // this VIOS was stopped (SIGSTOP, a debugger, a long pause): the others' silence was ours; give each a
                // fresh failure timeout from now instead of suspecting everyone at once and believing itself alone
                LOG.log(System.Logger.Level.INFO, "VIOS {0} was paused for {1} ms; its peers get a fresh failure timeout",
                        Integer.toUnsignedString(inner.localId()), TimeUnit.NANOSECONDS.toMillis(gap));
                for (Peer p : peers.values()) {
                    p.lastHeard = Math.max(p.lastHeard, now0);
                }
            }
            for (Map.Entry<Integer, Peer> e : peers.entrySet()) {
                Peer p = e.getValue();
                long arrived = inner.lastArrivalNanos(e.getKey());
                long last = arrived == Long.MIN_VALUE ? p.lastHeard : Math.max(p.lastHeard, arrived);
                if (p.state == ViosState.SUSPECTED && now0 - last < timeoutNanos) {
                    announce(change(e.getKey(), p, ViosState.UP, "heard again"));
                }
            }
            Packet hb = new Packet(new PacketHeader(MessageType.HEARTBEAT, Wire.FLAG_BROADCAST, inner.localId(),
                    heartbeatIds.incrementAndGet(), 0), SubHeader.builder().targetDaemon(0).build(), new byte[0]);
            heartbeatsSent.add(inner.broadcast(Unpooled.wrappedBuffer(PacketEncoder.INSTANCE.encodeToArray(hb))).length);
            long now = System.nanoTime();
            List<Change> changes = new ArrayList<>();
            for (Map.Entry<Integer, Peer> e : peers.entrySet()) {
                Peer p = e.getValue();
                long arrived = inner.lastArrivalNanos(e.getKey());
                long last = arrived == Long.MIN_VALUE ? p.lastHeard : Math.max(p.lastHeard, arrived);
                long silent = now - last;
                if (silent > timeoutNanos) {
                    Change c = change(e.getKey(), p, ViosState.SUSPECTED,
                            "no heartbeat for " + TimeUnit.NANOSECONDS.toMillis(silent) + " ms");
                    if (c != null) {
                        changes.add(c);
                    }
                }
            }
            changes.forEach(this::announce);
        } catch (RuntimeException e) {
            // keep ticking: a failed heartbeat must not end failure detection
            tickFailures++;
            LOG.log(System.Logger.Level.ERROR, "heartbeat tick of VIOS " + Integer.toUnsignedString(inner.localId()) + " failed (" + tickFailures
                    + " so far); failure detection goes on", e);
        }
    }

    /** Receive path: records a life sign, consumes heartbeats, passes everything else on. */
    private void heard(int from, ByteBuf packet, KClusterReceiver next) {
        // life signs are counted at arrival by the kcluster end (lastArrivalNanos); here only heartbeats stop
        if (packet.readableBytes() > Wire.OFF_TYPE + 1
                && packet.getUnsignedShort(packet.readerIndex() + Wire.OFF_TYPE) == MessageType.HEARTBEAT.code()) {
            Decoded d = PacketDecoder.decode(packet);
            if (d.ok() && ((Packet) d).header().type() == MessageType.HEARTBEAT) {
                heartbeatsReceived.increment();
                Peer p = peers.get(from);
                if (p != null) {
                    p.lastHeard = System.nanoTime();
                    heardAgain(from, p);
                }
                return;
            }
        }
        Peer p = peers.get(from);
        if (p != null) {
            heardAgain(from, p); // before the packet goes up: a request from a suspected VIOS is answered, not dropped
        }
        received.increment();
        countOrder(from, packet);
        next.receive(from, packet);
    }

    /** Counts a request whose message id from its sender is not above every one seen before: again, or late. */
    private void countOrder(int from, ByteBuf packet) {
        int at = packet.readerIndex();
        if (packet.readableBytes() < Wire.OFF_MESSAGE_ID + 8 || (packet.getUnsignedShort(at + Wire.OFF_FLAGS) & Wire.FLAG_RESPONSE) != 0) {
            return;
        }
        long id = packet.getLong(at + Wire.OFF_MESSAGE_ID);
        long[] highest = highestRequest.computeIfAbsent(from, f -> new long[] { Long.MIN_VALUE });
        synchronized (highest) {
            if (id == highest[0]) {
                duplicates.increment();
            } else if (id < highest[0]) {
                outOfOrder.increment();
            } else {
                highest[0] = id;
            }
        }
    }

    /** What this VIOS's kcluster end counted since it started; {@code correlatorDuplicates} are the duplicate responses its engine saw. */
    KClusterStatistics statistics(long correlatorDuplicates) {
        long lost = refusedSends.sum();
        if (inner instanceof FaultKCluster f) {
            lost += f.lost();
        } else if (inner instanceof org.viosbench.transport.TcpKCluster t) {
            lost += t.refusedFrames() + t.malformedFrames() + t.refusedFull();
        }
        return new KClusterStatistics(sent.sum(), received.sum(), heartbeatsSent.sum(), heartbeatsReceived.sum(), lost,
                duplicates.sum() + correlatorDuplicates, outOfOrder.sum(), downEvents.sum());
    }

    /** A packet from a VIOS this one suspects is a life sign: UP again at once, not at the next tick. */
    private void heardAgain(int from, Peer p) {
        if (p.state == ViosState.SUSPECTED) {
            p.lastHeard = System.nanoTime();
            announce(change(from, p, ViosState.UP, "heard again"));
        }
    }

    /** Moves {@code p} to {@code state}; returns the change to announce, or null when nothing changed. */
    private Change change(int vios, Peer p, ViosState state, String reason) {
        synchronized (this) {
            if (p.state == state) {
                return null;
            }
            p.state = state;
            allUp = peers.values().stream().allMatch(x -> x.state == ViosState.UP);
        }
        return new Change(vios, state, reason);
    }

    private void announce(Change c) {
        if (c == null) {
            return;
        }
        int self = inner.localId();
        if (c.state() != ViosState.UP) {
            downEvents.increment();
        }
        if (trace.enabled()) {
            trace.emit(self, Layer.KCLUSTER, TraceKind.MEMBERSHIP, -1, c.vios(), -1, c.state() + ": " + c.reason());
        }
        for (MembershipListener l : listeners) {
            if (c.state() == ViosState.UP) {
                l.nodeJoined(c.vios());
            } else {
                l.nodeLeft(c.vios(), c.reason());
            }
        }
        clusterListener.viosStateChanged(self, c.vios(), c.state(), c.reason());
    }

    private boolean up(int vios) {
        if (vios == inner.localId() || allUp) {
            return true;
        }
        Peer p = peers.get(vios);
        synchronized (this) {
            return p == null || p.state == ViosState.UP;
        }
    }


    @Override
    public void bind(KClusterReceiver receiver) {
        inner.bind((from, packet) -> heard(from, packet, receiver));
    }


    @Override
    public Errno send(int destination, ByteBuf packet) {
        Errno e = inner.send(destination, packet);
        (e == Errno.OK ? sent : refusedSends).increment();
        return e;
    }

    @Override
    public int[] broadcast(ByteBuf packet) {
        if (allUp) {
            int[] to = inner.broadcast(packet);
            sent.add(to.length);
            return to;
        }
        List<Integer> reached = new ArrayList<>();
        for (int m : members()) {
            if (m != localId()) {
                if (inner.send(m, packet) == Errno.OK) {
                    reached.add(m);
                } else {
                    refusedSends.increment();
                }
            }
        }
        sent.add(reached.size());
        return reached.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public int[] members() {
        int[] all = inner.members();
        return allUp ? all : Arrays.stream(all).filter(this::up).toArray();
    }


    @Override
    public boolean isReachable(int vios) {
        return up(vios) && inner.isReachable(vios);
    }


    @Override
    public void addMembershipListener(MembershipListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeMembershipListener(MembershipListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        stopHeartbeats();
        inner.close();
    }
}
