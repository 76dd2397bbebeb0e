package org.viosbench.cluster;

import java.util.List;
import java.util.Objects;

/**
 * One VIOS of a cluster description: its id (unique, unsigned 32 bits), name, the CEC it runs in,
 * and the daemon ids that answer requests (each with the built-in echo handler unless the cluster's
 * user registers another).
 */
public record ViosSpec(int id, String name, String cec, List<Integer> daemons) {
    public ViosSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cec, "cec");
        daemons = List.copyOf(daemons);
        for (int d : daemons) {
            if (d < 0 || d > 0xFFFF) {
                throw new IllegalArgumentException("VIOS " + name + ": daemon id must be 0..65535, not " + d);
            }
        }
    }
}
