package org.viosbench.cluster;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** One daemon thread for heartbeats, failure checks and delayed (fault-injected) packets of all embedded clusters. */
final class ClusterScheduler {
    private static final ScheduledThreadPoolExecutor SHARED = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "viosbench-cluster");
        t.setDaemon(true);
        return t;
    });

    static {
        SHARED.setRemoveOnCancelPolicy(true);
    }

    private ClusterScheduler() {
    }

    static ScheduledExecutorService shared() {
        return SHARED;
    }
}
