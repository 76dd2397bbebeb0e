package org.viosbench.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.viosbench.protocol.Errno;
import org.viosbench.engine.Layer;
import org.viosbench.engine.Trace;
import org.viosbench.engine.TraceKind;
import org.viosbench.engine.kcluster.KCluster;

import io.netty.buffer.ByteBuf;

/**
 * A kcluster end that applies the cluster's {@link Faults} to what this VIOS sends. Without any
 * fault set, packets go straight to the end it wraps. A lost packet still counts as sent: the
 * sender cannot tell, as on a real network. Every fault applied to a packet is traced.
 */
final class FaultKCluster extends ForwardingKCluster {
    /** Longest a packet is held back for reordering when nothing follows it. */
    private static final long REORDER_HOLD_MILLIS = 50;

    private final Faults faults;
    private final Trace trace;
    private final Map<Integer, ByteBuf> held = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.LongAdder lost = new java.util.concurrent.atomic.LongAdder();

    FaultKCluster(KCluster inner, Faults faults, Trace trace) {
        super(inner);
        this.faults = faults;
        this.trace = trace;
    }

    /** Packets lost to a fault (drop, partition) so far. */
    long lost() {
        return lost.sum();
    }

    @Override
    public Errno send(int destination, ByteBuf packet) {
        if (!faults.active()) {
            return inner.send(destination, packet);
        }
        if (!inner.isMember(destination)) {
            return Errno.ENXIO;
        }
        deliver(destination, packet);
        return Errno.OK;
    }

    @Override
    public int[] broadcast(ByteBuf packet) {
        if (!faults.active()) {
            return inner.broadcast(packet);
        }
        List<Integer> sent = new ArrayList<>();
        for (int m : inner.members()) {
            if (m != localId() && inner.isReachable(m)) {
                deliver(m, packet);
                sent.add(m);
            }
        }
        return sent.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Applies the link's faults to one packet. */
    private void deliver(int to, ByteBuf packet) {
        int self = localId();
        if (faults.partitioned(self, to)) {
            fault(to, packet, "partition: lost");
            return;
        }
        Faults.Rule rule = faults.rule(self, to);
        if (rule.drop() > 0 && faults.nextDouble() < rule.drop()) {
            fault(to, packet, "drop: lost");
            return;
        }
        int copies = rule.duplicate() > 0 && faults.nextDouble() < rule.duplicate() ? 2 : 1;
        if (copies == 2) {
            fault(to, packet, "duplicate: sent twice");
        }
        long delay = rule.delay().toMillis();
        if (!rule.jitter().isZero()) {
            delay += (long) (faults.nextDouble() * rule.jitter().toMillis());
        }
        boolean reorder = rule.reorder() > 0 && faults.nextDouble() < rule.reorder();
        for (int i = 0; i < copies; i++) {
            if (reorder && i == 0) {
                hold(to, packet);
            } else if (delay > 0) {
                fault(to, packet, "delay: " + delay + " ms");
                ByteBuf bytes = packet.duplicate();
                ClusterScheduler.shared().schedule(() -> release(to, bytes), delay, TimeUnit.MILLISECONDS);
            } else {
                release(to, packet);
            }
        }
    }

    /** Keeps {@code packet} back until the next packet on the link has gone (or a short while passed). */
    private void hold(int to, ByteBuf packet) {
        ByteBuf previous = held.put(to, packet.duplicate());
        fault(to, packet, "reorder: held back");
        if (previous != null) {
            inner.send(to, previous);
        }
        ClusterScheduler.shared().schedule(() -> {
            ByteBuf still = held.remove(to);
            if (still != null) {
                inner.send(to, still);
            }
        }, REORDER_HOLD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Sends {@code packet}, then whatever was held back on the link (so the held one arrives after it). */
    private void release(int to, ByteBuf packet) {
        inner.send(to, packet);
        ByteBuf behind = held.remove(to);
        if (behind != null) {
            inner.send(to, behind);
        }
    }

    private void fault(int to, ByteBuf packet, String what) {
        if (what.endsWith(": lost")) {
            lost.increment();
        }
        if (trace.enabled()) {
            trace.emitRaw(localId(), Layer.KCLUSTER, TraceKind.FAULT, packet, to, what);
        }
    }

}
