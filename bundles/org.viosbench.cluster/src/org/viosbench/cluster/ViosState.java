package org.viosbench.cluster;

/** A VIOS's membership state as another VIOS sees it. */
public enum ViosState {
    /** Heartbeats arrive. */
    UP,
    /** No heartbeat for the failure timeout: its pending response-queue entries end as SUSPECTED. */
    SUSPECTED,
    /** It left or was stopped. */
    DOWN
}
