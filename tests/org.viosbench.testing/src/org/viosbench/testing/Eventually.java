package org.viosbench.testing;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waiting, bounded, for something another thread or process does. */
public final class Eventually {

    private Eventually() {
    }

    /** Polls {@code condition} every 10 ms; fails the test after 10 s saying what it waited for. */
    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after 10 s waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
