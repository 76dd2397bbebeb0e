package org.viosbench.transport;

import java.util.ArrayList;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.viosbench.engine.Errno;
import org.viosbench.engine.kcluster.KCluster;
import org.viosbench.engine.kcluster.KClusterReceiver;
import org.viosbench.engine.kcluster.MembershipListener;

import io.netty.buffer.ByteBuf;
import io.netty.util.internal.PlatformDependent;

/**
 * One VIOS on the {@link InJvmFabric}. Senders put (source, bytes) into this endpoint's lock-free
 * inbox; one delivery thread drains it in batches and calls the receiver. An idle delivery thread
 * spins briefly, then yields, then parks; a sender unparks it only when it is parked. Membership
 * events are delivered on the same thread, in order with packets.
 */
final class InJvmEndpoint implements KCluster {
    private static final int SPINS = 20;
    private static final int YIELDS = 10;
    private static final int BATCH = 256;
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** An inbox item: a packet, or a membership event when {@code bytes} is null. */
    private record Item(int from, ByteBuf bytes, boolean joined, String reason) {
    }

    private final InJvmFabric fabric;
    private final int id;
    private final Queue<Item> inbox = PlatformDependent.newMpscQueue();
    private final CopyOnWriteArrayList<MembershipListener> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    /** Arrival times of packets by source id, for ids 0..1023 (others in {@link #arrivalsOther}). */
    private final java.util.concurrent.atomic.AtomicLongArray arrivals = new java.util.concurrent.atomic.AtomicLongArray(1024);
    private final java.util.concurrent.ConcurrentHashMap<Integer, Long> arrivalsOther = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile KClusterReceiver receiver;
    private volatile boolean parked;
    private volatile boolean running = true;
    private volatile boolean crashed;

    InJvmEndpoint(InJvmFabric fabric, int id) {
        this.fabric = fabric;
        this.id = id;
        this.thread = new Thread(this::run, "kcluster-vios-" + Integer.toUnsignedString(id));
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public int localId() {
        return id;
    }

    @Override
    public void bind(KClusterReceiver r) {
        this.receiver = r;
    }

    @Override
    public Errno send(int destination, ByteBuf packet) {
        if (!running) {
            return Errno.ESHUTDOWN;
        }
        InJvmEndpoint to = fabric.endpoint(destination);
        if (to == null) {
            return Errno.ENXIO;
        }
        if (to.crashed) {
            return Errno.OK; // lost on the way, as on a real network
        }
        return to.enqueue(new Item(id, packet.duplicate(), false, null)) ? Errno.OK : Errno.ENOTCONN;
    }

    @Override
    public int[] broadcast(ByteBuf packet) {
        if (!running) {
            return new int[0];
        }
        ArrayList<Integer> sent = new ArrayList<>();
        for (InJvmEndpoint to : fabric.endpoints()) {
            if (to != this && (to.crashed || to.enqueue(new Item(id, packet.duplicate(), false, null)))) {
                sent.add(to.id);
            }
        }
        return sent.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public int[] members() {
        return fabric.members().clone();
    }

    @Override
    public boolean isMember(int vios) {
        return fabric.isMember(vios);
    }

    @Override
    public boolean isReachable(int vios) {
        InJvmEndpoint e = fabric.endpoint(vios);
        return e != null && (e.running || e.crashed); // nobody knows of a crash until heartbeats go missing
    }

    @Override
    public long lastArrivalNanos(int vios) {
        if (vios >= 0 && vios < arrivals.length()) {
            long t = arrivals.get(vios);
            return t == 0 ? Long.MIN_VALUE : t;
        }
        return arrivalsOther.getOrDefault(vios, Long.MIN_VALUE);
    }

    @Override
    public void addMembershipListener(MembershipListener l) {
        listeners.add(l);
    }

    @Override
    public void removeMembershipListener(MembershipListener l) {
        listeners.remove(l);
    }

    void memberJoined(int vios) {
        enqueue(new Item(vios, null, true, null));
    }

    void memberLeft(int vios, String reason) {
        enqueue(new Item(vios, null, false, reason));
    }

    /** Stops delivering at once without telling anybody (see {@link InJvmFabric#crash(int)}). */
    void crash() {
        crashed = true;
        running = false;
        LockSupport.unpark(thread);
    }

    boolean crashed() {
        return crashed;
    }

    @Override
    public void close() {
        if (crashed) {
            return; // a crashed VIOS says nothing; InJvmFabric.remove or a new join clears it
        }
        if (!running) {
            return;
        }
        running = false;
        fabric.leave(this, "VIOS " + Integer.toUnsignedString(id) + " left the cluster");
        LockSupport.unpark(thread);
        if (Thread.currentThread() != thread) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean enqueue(Item item) {
        if (!running) {
            return false;
        }
        if (item.bytes() != null) {
            long now = System.nanoTime();
            if (item.from() >= 0 && item.from() < arrivals.length()) {
                arrivals.lazySet(item.from(), now);
            } else {
                arrivalsOther.put(item.from(), now);
            }
        }
        inbox.offer(item);
        if (parked) {
            LockSupport.unpark(thread);
        }
        return true;
    }

    private void run() {
        int idle = 0;
        while (running) {
            if (drain() > 0) {
                idle = 0;
                continue;
            }
            idle++;
            if (idle <= SPINS) {
                Thread.onSpinWait();
            } else if (idle <= SPINS + YIELDS) {
                Thread.yield();
            } else {
                parked = true;
                if (inbox.isEmpty() && running) {
                    LockSupport.parkNanos(this, PARK_NANOS);
                }
                parked = false;
                idle = 0;
            }
        }
        inbox.clear();
    }

    private int drain() {
        int n = 0;
        Item item;
        while (n < BATCH && (item = inbox.poll()) != null) {
            n++;
            try {
                if (item.bytes() != null) {
                    KClusterReceiver r = receiver;
                    if (r != null) {
                        r.receive(item.from(), item.bytes());
                    }
                } else {
                    for (MembershipListener l : listeners) {
                        if (item.joined()) {
                            l.nodeJoined(item.from());
                        } else {
                            l.nodeLeft(item.from(), item.reason());
                        }
                    }
                }
            } catch (RuntimeException e) {
                // a failing receiver must not stop this VIOS's delivery thread
            }
        }
        return n;
    }
}
