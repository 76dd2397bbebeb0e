package org.viosbench.cli.bench;

/**
 * One benchmark run as shared/bench/WORKLOAD.md defines it: scenario (bcast-all or unicast-rr),
 * transport, N VIOSes, payload bytes, closed-loop sender threads, and the timing (warm-up W,
 * measurement M, extra JIT warm-up before the first run), all in seconds.
 */
public record Workload(String scenario, String transport, int nodes, int payload, int inflight, double warmupSeconds,
        double measureSeconds, double jitSeconds) {
    public static final String BCAST_ALL = "bcast-all";
    public static final String UNICAST_RR = "unicast-rr";

    public Workload {
        if (!BCAST_ALL.equals(scenario) && !UNICAST_RR.equals(scenario)) {
            throw new IllegalArgumentException("scenario must be bcast-all or unicast-rr, not " + scenario);
        }
        if (nodes < 2 || nodes > 256) {
            throw new IllegalArgumentException("nodes must be 2..256, not " + nodes);
        }
        if (payload < 16 || payload > 1 << 20) {
            throw new IllegalArgumentException("payload must be 16..1048576 bytes (the response copies the first 16), not " + payload);
        }
        if (inflight < 1 || inflight > 1024) {
            throw new IllegalArgumentException("inflight must be 1..1024, not " + inflight);
        }
    }

    /** Responses each request waits for: N-1 for a broadcast, 1 for unicast. */
    public int responders() {
        return BCAST_ALL.equals(scenario) ? nodes - 1 : 1;
    }
}
