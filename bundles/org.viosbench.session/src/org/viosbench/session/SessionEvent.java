package org.viosbench.session;

import org.viosbench.cluster.ClusterState;
import org.viosbench.cluster.ViosState;

/** What changed in a {@link ClusterSession}; listeners switch on the kind they care about. */
public sealed interface SessionEvent {

    /** {@code viewer} now sees VIOS {@code vios} as {@code state}. */
    record Membership(int viewer, int vios, ViosState state, String reason) implements SessionEvent {
    }

    /** The cluster as a whole is now {@code state}. */
    record Cluster(ClusterState state) implements SessionEvent {
    }

    /** A request was fired or refused, or one of its entries or its result changed. */
    record Requests(SentRequest request) implements SessionEvent {
    }

    /** A VIOS was killed or restarted, or faults were injected or healed. */
    record Faults(String what) implements SessionEvent {
    }

    /** A packet of a fired request (or of its responses) was captured. */
    record Captured(CapturedPacket packet) implements SessionEvent {
    }

    /** The session's VIOS database was attached, or could not be. */
    record Database(String what) implements SessionEvent {
    }

    /** The session stopped: every VIOS is down, the topology can be edited again. */
    record Stopped() implements SessionEvent {
    }
}
