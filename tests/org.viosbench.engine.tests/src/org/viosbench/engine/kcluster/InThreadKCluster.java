package org.viosbench.engine.kcluster;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.viosbench.protocol.Errno;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * A kcluster for tests that runs on the test's own thread, as Netty's {@code EmbeddedChannel}
 * does for a pipeline: a send only queues a copy of the packet; {@link #deliverNext()} and
 * {@link #deliverAll()} hand queued packets to their receivers' VKEs on the calling thread. So a
 * test sees every hop of the engine happen in order, one step at a time, and nothing runs behind
 * its back.
 */
public final class InThreadKCluster {

    /** A packet on its way. */
    public record InFlight(int from, int to, byte[] bytes) {
    }

    private final Map<Integer, End> ends = new TreeMap<>();
    private final Deque<InFlight> queue = new ArrayDeque<>();

    /** The end of VIOS {@code id} (a new member). */
    public synchronized KCluster join(int id) {
        End e = new End(id);
        ends.put(id, e);
        for (End other : ends.values()) {
            if (other != e) {
                other.listeners.forEach(l -> l.nodeJoined(id));
            }
        }
        return e;
    }

    /** The packets sent and not yet delivered, oldest first. */
    public synchronized List<InFlight> inFlight() {
        return List.copyOf(queue);
    }

    /** Delivers the oldest packet on the calling thread; false when none waits. */
    public boolean deliverNext() {
        InFlight p;
        End to;
        synchronized (this) {
            p = queue.pollFirst();
            if (p == null) {
                return false;
            }
            to = ends.get(p.to());
        }
        if (to != null && to.open && to.receiver != null) {
            to.receiver.receive(p.from(), Unpooled.wrappedBuffer(p.bytes()));
        }
        return true;
    }

    /** Delivers until nothing waits (responses included); returns how many were delivered. */
    public int deliverAll() {
        int n = 0;
        while (deliverNext()) {
            n++;
        }
        return n;
    }

    private final class End implements KCluster {
        final int id;
        volatile KClusterReceiver receiver;
        volatile boolean open = true;
        final List<MembershipListener> listeners = new CopyOnWriteArrayList<>();

        End(int id) {
            this.id = id;
        }

        @Override
        public int localId() {
            return id;
        }

        @Override
        public void bind(KClusterReceiver r) {
            receiver = r;
        }

        @Override
        public Errno send(int destination, ByteBuf packet) {
            synchronized (InThreadKCluster.this) {
                if (!open) {
                    return Errno.ESHUTDOWN;
                }
                if (!ends.containsKey(destination)) {
                    return Errno.ENXIO;
                }
                queue.addLast(new InFlight(id, destination, ByteBufUtil.getBytes(packet)));
                return Errno.OK;
            }
        }

        @Override
        public int[] broadcast(ByteBuf packet) {
            synchronized (InThreadKCluster.this) {
                int[] to = ends.keySet().stream().mapToInt(Integer::intValue).filter(m -> m != id).toArray();
                for (int m : to) {
                    queue.addLast(new InFlight(id, m, ByteBufUtil.getBytes(packet)));
                }
                return to;
            }
        }

        @Override
        public int[] members() {
            synchronized (InThreadKCluster.this) {
                return ends.keySet().stream().mapToInt(Integer::intValue).toArray();
            }
        }

        @Override
        public boolean isMember(int vios) {
            return Arrays.stream(members()).anyMatch(m -> m == vios);
        }

        @Override
        public boolean isReachable(int vios) {
            return isMember(vios);
        }

        @Override
        public org.viosbench.engine.kcluster.Idle awaitIdle() {
            return org.viosbench.engine.kcluster.Idle.PARK;
        }

        @Override
        public void addMembershipListener(MembershipListener l) {
            listeners.add(l);
        }

        @Override
        public void removeMembershipListener(MembershipListener l) {
            listeners.remove(l);
        }

        @Override
        public void close() {
            synchronized (InThreadKCluster.this) {
                if (!open) {
                    return;
                }
                open = false;
                ends.remove(id);
                queue.removeIf(p -> p.to() == id || p.from() == id);
            }
            for (End other : List.copyOf(ends.values())) {
                other.listeners.forEach(l -> l.nodeLeft(id, "closed"));
            }
        }
    }
}
