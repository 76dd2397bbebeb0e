package org.viosbench.cluster;

/** The cluster as a whole, CAA style. */
public enum ClusterState {
    /** Every VIOS is up. */
    OK,
    /** Some VIOS is suspected or down, but a majority is up. */
    DEGRADED,
    /** No majority is up. */
    DOWN;

    /** The state of a cluster of {@code size} VIOSes of which {@code up} are up. */
    public static ClusterState of(int up, int size) {
        if (size > 0 && up == size) {
            return OK;
        }
        return up * 2 > size ? DEGRADED : DOWN;
    }
}
