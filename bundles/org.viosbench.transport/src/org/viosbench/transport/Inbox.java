package org.viosbench.transport;

import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.viosbench.engine.kcluster.KClusterReceiver;
import org.viosbench.engine.kcluster.MembershipListener;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.internal.PlatformDependent;

/**
 * The receive side of one VIOS's kcluster end: a lock-free inbox drained in batches by one delivery
 * thread, which calls the VKE's receiver and the membership listeners in arrival order. An idle
 * delivery thread spins briefly, then yields, then parks; producers unpark it only when it is
 * parked. Arrival times are recorded per source when a packet is offered, for failure detection.
 */
final class Inbox {
    private static final int BATCH = 256;
    /** The delivery thread spins ~20 times, yields ~10 times, then parks (at most 50 ms; a new packet wakes it). */
    private static final org.viosbench.engine.kcluster.Idle IDLE = new org.viosbench.engine.kcluster.Idle(20, 10, TimeUnit.MILLISECONDS.toNanos(50));

    /** An inbox item: a packet, or a membership event when {@code bytes} is null. */
    private record Item(int from, ByteBuf bytes, boolean joined, String reason) {
    }

    private static final System.Logger LOG = System.getLogger(Inbox.class.getName());
    private final Queue<Item> queue = PlatformDependent.newMpscQueue();
    /** Receivers and listeners that threw: each logged, none stops delivery. */
    private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
    private final CopyOnWriteArrayList<MembershipListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLongArray arrivals = new AtomicLongArray(1024);
    private final ConcurrentHashMap<Integer, Long> arrivalsOther = new ConcurrentHashMap<>();
    private final boolean release;
    private final Thread thread;
    private volatile KClusterReceiver receiver;
    private volatile boolean parked;
    private volatile boolean running = true;

    /** @param release whether delivered packets are released afterwards (retained buffers from a channel) */
    Inbox(String threadName, boolean release) {
        this.release = release;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void bind(KClusterReceiver r) {
        this.receiver = r;
        LockSupport.unpark(thread);
    }

    boolean running() {
        return running;
    }

    CopyOnWriteArrayList<MembershipListener> listeners() {
        return listeners;
    }

    /** Queues a packet from {@code from}; false (and the packet released if owned) when stopped. */
    boolean offer(int from, ByteBuf bytes) {
        if (!running) {
            if (release) {
                ReferenceCountUtil.release(bytes);
            }
            return false;
        }
        long now = System.nanoTime();
        if (from >= 0 && from < arrivals.length()) {
            arrivals.lazySet(from, now);
        } else {
            arrivalsOther.put(from, now);
        }
        return enqueue(new Item(from, bytes, false, null));
    }

    /** Delivers a packet on the calling thread (an I/O thread), recording its arrival; releases it when owned. */
    void deliverNow(int from, ByteBuf bytes) {
        long now = System.nanoTime();
        if (from >= 0 && from < arrivals.length()) {
            arrivals.lazySet(from, now);
        } else {
            arrivalsOther.put(from, now);
        }
        try {
            KClusterReceiver r = receiver;
            if (r != null && running) {
                r.receive(from, bytes);
            }
        } catch (RuntimeException e) {
            failed("the receiver of a packet from VIOS " + Integer.toUnsignedString(from), e); // as on the delivery thread
        } finally {
            if (release) {
                ReferenceCountUtil.release(bytes);
            }
        }
    }

    void joined(int vios) {
        enqueue(new Item(vios, null, true, null));
    }

    void left(int vios, String reason) {
        enqueue(new Item(vios, null, false, reason));
    }

    long lastArrivalNanos(int vios) {
        if (vios >= 0 && vios < arrivals.length()) {
            long t = arrivals.get(vios);
            return t == 0 ? Long.MIN_VALUE : t;
        }
        return arrivalsOther.getOrDefault(vios, Long.MIN_VALUE);
    }

    /** Stops the delivery thread; waits at most {@code waitMillis} for it unless called on it. */
    void stop(long waitMillis) {
        running = false;
        LockSupport.unpark(thread);
        if (waitMillis > 0 && Thread.currentThread() != thread) {
            try {
                thread.join(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean enqueue(Item item) {
        if (!running) {
            return false;
        }
        queue.offer(item);
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
            if (!IDLE.pause(++idle)) {
                parked = true;
                if (queue.isEmpty() && running) {
                    IDLE.park(this);
                }
                parked = false;
                idle = 0;
            }
        }
        for (Item item; (item = queue.poll()) != null;) {
            if (release && item.bytes() != null) {
                ReferenceCountUtil.release(item.bytes());
            }
        }
    }

    private int drain() {
        if (receiver == null) {
            return 0; // nothing is taken out before the VKE is bound: early packets wait, they are not lost
        }
        int n = 0;
        Item item;
        while (n < BATCH && (item = queue.poll()) != null) {
            n++;
            try {
                if (item.bytes() != null) {
                    if (running) {
                        receiver.receive(item.from(), item.bytes());
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
                failed(item.bytes() != null ? "the receiver of a packet from VIOS " + Integer.toUnsignedString(item.from())
                        : "a membership listener", e);
            } finally {
                if (release && item.bytes() != null) {
                    ReferenceCountUtil.release(item.bytes());
                }
            }
        }
        return n;
    }

    /** How many times a receiver or membership listener threw. */
    long failures() {
        return failures.get();
    }

    private void failed(String who, RuntimeException e) {
        long n = failures.incrementAndGet();
        LOG.log(System.Logger.Level.ERROR, who + " threw (failure " + n + " of this inbox); delivery goes on", e);
    }
}
