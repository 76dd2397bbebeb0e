package org.viosbench.cluster;

import io.netty.buffer.ByteBuf;

/**
 * Sees every packet a VIOS of an embedded cluster hands to its kcluster end, before faults act on
 * it. Called on engine threads with the packet at its reader index: read or copy, never keep or
 * release it.
 */
@FunctionalInterface
public interface PacketTap {
    /** VIOS {@code from} sends {@code packet} to {@code to}, or to every member when {@code to} is {@link #BROADCAST}. */
    void sent(int from, int to, ByteBuf packet);

    int BROADCAST = -1;
}
