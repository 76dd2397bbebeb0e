package org.viosbench.engine.kcluster;

import org.viosbench.protocol.Errno;

import io.netty.buffer.ByteBuf;

/**
 * One VIOS's end of the kcluster interface. Packets are passed as encoded bytes; the sender must
 * not change them afterwards (implementations may hand the same bytes to several receivers).
 * All methods are thread-safe.
 */
public interface KCluster extends AutoCloseable {

    /** This VIOS's id. */
    int localId();

    /** Sets the receiver of packets addressed to this VIOS (the VKE); call once, before traffic. */
    void bind(KClusterReceiver receiver);

    /**
     * Sends {@code packet} to VIOS {@code destination} (this VIOS included: loopback).
     *
     * @return {@link Errno#OK}; {@link Errno#ENXIO} when {@code destination} is not a member;
     *         {@link Errno#ENOTCONN} when it is a member but cannot be reached now;
     *         {@link Errno#ESHUTDOWN} when this end is closed
     */
    Errno send(int destination, ByteBuf packet);

    /**
     * Sends {@code packet} to every other reachable member (cluster broadcast).
     *
     * @return the ids it was sent to; never null
     */
    int[] broadcast(ByteBuf packet);

    /** The current members, this VIOS included, in ascending order; never null. */
    int[] members();

    /** Whether {@code vios} is a member now. */
    boolean isMember(int vios);

    /** Whether a packet sent to {@code vios} now can arrive. */
    boolean isReachable(int vios);

    /**
     * When a packet from {@code vios} last arrived at this end ({@link System#nanoTime()}), counted
     * at arrival, not when it is processed; {@link Long#MIN_VALUE} when unknown. Failure detection
     * uses it so that a VIOS busy in a slow handler does not suspect the others.
     */
    default long lastArrivalNanos(int vios) {
        return Long.MIN_VALUE;
    }

    /**
     * How a caller waiting for responses waits before it parks on them. Yielding pays off when
     * responses come back within microseconds on other cores (the in-JVM kcluster: yield 8 times);
     * over sockets a yielding caller mostly takes CPU from the I/O thread it waits for, so ends there
     * park at once ({@link Idle#PARK}). {@code -Dviosbench.await.yields=N} overrides it for every end.
     */
    default org.viosbench.engine.kcluster.Idle awaitIdle() {
        return org.viosbench.engine.kcluster.Idle.yielding(8);
    }

    /** Membership events of this end's view; listeners run on an implementation thread. */
    void addMembershipListener(MembershipListener listener);

    void removeMembershipListener(MembershipListener listener);

    /** Leaves the cluster: other members see this VIOS leave. Idempotent. */
    @Override
    void close();
}
