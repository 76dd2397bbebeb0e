package org.viosbench.transport;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.viosbench.engine.kcluster.KCluster;

/**
 * The in-JVM kcluster network: VIOSes of one JVM join it and reach each other by direct hand-off
 * of the encoded packet bytes into the receiver's inbox, drained by the receiver's own thread
 * ({@link InJvmEndpoint}). No Netty event loop sits on the path: every hop would pay a thread
 * wake-up there. Membership is the set of joined endpoints; leaving notifies the others.
 */
public final class InJvmFabric implements AutoCloseable {
    private final ConcurrentHashMap<Integer, InJvmEndpoint> endpoints = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<InJvmEndpoint> joinOrder = new CopyOnWriteArrayList<>();
    private volatile int[] members = new int[0];

    /**
     * Joins VIOS {@code vios}: starts its delivery thread and tells the other members.
     *
     * @throws IllegalStateException when a VIOS with this id is already a member
     */
    public KCluster join(int vios) {
        InJvmEndpoint e = new InJvmEndpoint(this, vios);
        synchronized (this) {
            InJvmEndpoint old = endpoints.get(vios);
            if (old != null && !old.crashed()) {
                throw new IllegalStateException("VIOS " + Integer.toUnsignedString(vios) + " is already a member");
            }
            if (old != null) { // a crashed VIOS comes back
                joinOrder.remove(old);
            }
            endpoints.put(vios, e);
            joinOrder.add(e);
            members = endpoints.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        e.start();
        for (InJvmEndpoint other : joinOrder) {
            if (other != e) {
                other.memberJoined(vios);
            }
        }
        return e;
    }

    /** Removes {@code e} and tells the remaining members why. */
    void leave(InJvmEndpoint e, String reason) {
        synchronized (this) {
            if (!endpoints.remove(e.localId(), e)) {
                return;
            }
            joinOrder.remove(e);
            members = endpoints.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        for (InJvmEndpoint other : joinOrder) {
            other.memberLeft(e.localId(), reason);
        }
    }

    /**
     * Crashes VIOS {@code vios}: its delivery thread stops at once and packets sent to it are lost
     * silently, but nobody is told; the others find out through missing heartbeats. It stays a
     * member until it {@link #join(int) joins} again (a restart) or the fabric closes.
     */
    public void crash(int vios) {
        InJvmEndpoint e = endpoints.get(vios);
        if (e != null) {
            e.crash();
        }
    }

    /** Removes a crashed VIOS for good; the others are told it left. */
    public void remove(int vios) {
        InJvmEndpoint e = endpoints.get(vios);
        if (e != null && e.crashed()) {
            leave(e, "VIOS " + Integer.toUnsignedString(vios) + " was removed after a crash");
        }
    }

    InJvmEndpoint endpoint(int vios) {
        return endpoints.get(vios);
    }

    int[] members() {
        return members;
    }

    boolean isMember(int vios) {
        return Arrays.binarySearch(members, vios) >= 0;
    }

    /** Endpoints in join order, for broadcast. */
    Iterable<InJvmEndpoint> endpoints() {
        return joinOrder;
    }

    /** Closes every endpoint. */
    @Override
    public void close() {
        for (InJvmEndpoint e : joinOrder) {
            e.close();
        }
    }
}
