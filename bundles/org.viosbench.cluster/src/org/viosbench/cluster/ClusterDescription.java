package org.viosbench.cluster;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to run: the VIOSes of a cluster and its membership timing. {@code heartbeatInterval} is how
 * often each VIOS sends heartbeats; a VIOS unheard of for {@code failureTimeout} is suspected.
 */
public record ClusterDescription(String name, List<ViosSpec> vioses, Duration heartbeatInterval, Duration failureTimeout) {
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofMillis(100);
    public static final Duration DEFAULT_FAILURE_TIMEOUT = Duration.ofSeconds(1);

    public ClusterDescription {
        Objects.requireNonNull(name, "name");
        vioses = List.copyOf(vioses);
        Set<Integer> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (ViosSpec v : vioses) {
            if (!ids.add(v.id())) {
                throw new IllegalArgumentException("two VIOSes have id " + Integer.toUnsignedString(v.id()));
            }
            if (!names.add(v.name())) {
                throw new IllegalArgumentException("two VIOSes are named " + v.name());
            }
        }
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be positive, not " + heartbeatInterval);
        }
        if (failureTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("failure timeout " + failureTimeout.toMillis() + " ms must be at least two heartbeat intervals ("
                    + heartbeatInterval.multipliedBy(2).toMillis() + " ms)");
        }
    }

    /** {@code n} VIOSes with ids 0..n-1 named vios0.., two per CEC, each answering on {@code daemons}, default timing. */
    public static ClusterDescription of(int n, Integer... daemons) {
        List<ViosSpec> list = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new ViosSpec(i, "vios" + i, "cec" + (i / 2), List.of(daemons)));
        }
        return new ClusterDescription("cluster-" + n, list, DEFAULT_HEARTBEAT, DEFAULT_FAILURE_TIMEOUT);
    }

    /** The same cluster with other membership timing. */
    public ClusterDescription withTiming(Duration heartbeat, Duration failure) {
        return new ClusterDescription(name, vioses, heartbeat, failure);
    }
}
