package org.viosbench.engine.kcluster;

import java.util.concurrent.locks.LockSupport;

/**
 * How a thread waits for work that usually comes within microseconds: {@code spins} busy spins,
 * then {@code yields} yields of its core, then it parks for at most {@code parkNanos} (or until
 * woken). The one idle strategy of viosbench: a VIOS's delivery thread waits for packets with it,
 * a caller waits for its responses with it (its kcluster end says how: {@link
 * org.viosbench.engine.kcluster.KCluster#awaitIdle()}).
 */
public record Idle(int spins, int yields, long parkNanos) {

    /** Park at once: for callers whose responses come from an I/O thread on the same cores (TCP). */
    public static final Idle PARK = new Idle(0, 0, 0);

    public Idle {
        if (spins < 0 || yields < 0 || parkNanos < 0) {
            throw new IllegalArgumentException("spins, yields and park time cannot be negative");
        }
    }

    /** Yield {@code n} times, then park. */
    public static Idle yielding(int n) {
        return new Idle(0, n, 0);
    }

    /**
     * The {@code count}-th wait (from 1) without work: spins or yields and returns true, or returns
     * false when it is time to park (the caller parks its own way, e.g. on a future, or with {@link #park}).
     */
    public boolean pause(int count) {
        if (count <= spins) {
            Thread.onSpinWait();
            return true;
        }
        if (count <= spins + yields) {
            Thread.yield();
            return true;
        }
        return false;
    }

    /** Parks the calling thread for at most {@link #parkNanos} (until unparked). */
    public void park(Object blocker) {
        LockSupport.parkNanos(blocker, parkNanos);
    }
}
