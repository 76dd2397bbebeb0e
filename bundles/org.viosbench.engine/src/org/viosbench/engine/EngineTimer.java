package org.viosbench.engine;

import java.util.concurrent.TimeUnit;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timer;
import io.netty.util.concurrent.DefaultThreadFactory;

/** The timer that ends response-queue entries on timeout: one wheel with 5 ms ticks for all VIOSes. */
public final class EngineTimer {
    private static final Timer SHARED = new HashedWheelTimer(new DefaultThreadFactory("viosbench-timeouts", true), 5,
            TimeUnit.MILLISECONDS, 512);

    private EngineTimer() {
    }

    /** The shared timer; never stopped (daemon thread). */
    public static Timer shared() {
        return SHARED;
    }
}
