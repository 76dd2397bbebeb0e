package org.viosbench.cluster;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;

import org.viosbench.engine.Trace;
import org.viosbench.engine.ViosNode;
import org.viosbench.transport.TcpKCluster;

/**
 * One VIOS of a cluster whose VIOSes run as separate processes, talking kcluster over TCP: the
 * engine on a TCP end with the same heartbeat membership as the embedded cluster. Its daemons
 * answer with the built-in echo handler.
 */
public final class TcpNode implements AutoCloseable {
    private final TcpKCluster tcp;
    private final MembershipKCluster membership;
    private final ViosNode node;

    private TcpNode(TcpKCluster tcp, MembershipKCluster membership, ViosNode node) {
        this.tcp = tcp;
        this.membership = membership;
        this.node = node;
    }

    /**
     * Starts VIOS {@code self} of {@code description}; {@code addresses} gives every VIOS's TCP
     * address. Membership events go to {@code listener}.
     */
    public static TcpNode start(ClusterDescription description, Map<Integer, InetSocketAddress> addresses, int self, Trace trace,
            ClusterListener listener) throws InterruptedException {
        return start(description, addresses, self, trace, listener, null);
    }

    /**
     * As {@link #start(ClusterDescription, Map, int, Trace, ClusterListener)}, its socket I/O on the
     * shared threads {@code io} (null: a thread of its own), for several VIOSes in one process.
     */
    public static TcpNode start(ClusterDescription description, Map<Integer, InetSocketAddress> addresses, int self, Trace trace,
            ClusterListener listener, org.viosbench.transport.TcpIo io) throws InterruptedException {
        return start(description, addresses, self, trace, listener, io, null);
    }

    /**
     * As {@link #start(ClusterDescription, Map, int, Trace, ClusterListener, org.viosbench.transport.TcpIo)},
     * every kcluster connection authenticated with {@code key} (null: insecure).
     */
    public static TcpNode start(ClusterDescription description, Map<Integer, InetSocketAddress> addresses, int self, Trace trace,
            ClusterListener listener, org.viosbench.transport.TcpIo io, org.viosbench.transport.ClusterKey key) throws InterruptedException {
        return start(description, addresses, self, trace, listener, io, key, null);
    }

    /**
     * As {@link #start(ClusterDescription, Map, int, Trace, ClusterListener, org.viosbench.transport.TcpIo, org.viosbench.transport.ClusterKey)},
     * with mutual TLS instead when {@code tls} is given (then {@code key} must be null).
     */
    public static TcpNode start(ClusterDescription description, Map<Integer, InetSocketAddress> addresses, int self, Trace trace,
            ClusterListener listener, org.viosbench.transport.TcpIo io, org.viosbench.transport.ClusterKey key,
            org.viosbench.transport.ClusterTls tls) throws InterruptedException {
        if (key != null && tls != null) {
            throw new IllegalArgumentException("a cluster key or TLS, not both");
        }
        ViosSpec spec = description.vioses().stream().filter(v -> v.id() == self).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no VIOS with id " + Integer.toUnsignedString(self) + " in cluster "
                        + description.name()));
        TcpKCluster tcp = tls != null ? TcpKCluster.start(self, addresses, TcpKCluster.Delivery.fromSystemProperty(), io, tls)
                : TcpKCluster.start(self, addresses, TcpKCluster.Delivery.fromSystemProperty(), io, key);
        // what authentication refuses is part of the node's story: a SECURITY event in its trace
        tcp.onRefused(why -> trace.emit(self, org.viosbench.engine.Layer.KCLUSTER, org.viosbench.engine.TraceKind.SECURITY, -1, -1, -1, why));
        MembershipKCluster membership = new MembershipKCluster(tcp, trace, Objects.requireNonNull(listener),
                description.heartbeatInterval().toMillis(), description.failureTimeout().toMillis());
        ViosNode node = new ViosNode(spec.name(), membership, trace);
        for (int d : spec.daemons()) {
            node.registerHandler(d, EmbeddedCluster.ECHO);
        }
        return new TcpNode(tcp, membership, node);
    }

    public ViosNode node() {
        return node;
    }

    /** The address the node listens on. */
    public InetSocketAddress localAddress() {
        return tcp.localAddress();
    }

    /** Its kcluster end (authentication counters). */
    public TcpKCluster kcluster() {
        return tcp;
    }

    /**
     * Waits until every other VIOS of the cluster is UP in this node's view and heard from (both ways: something
     * arrived from it, so its connection here works and answers can come back; UP alone is set by this node's own
     * connection) or is not running (a connection to it was tried and failed), at most {@code max}; returns the
     * VIOSes UP, ascending. A node that says it is ready before this is still alone: its first requests find no one
     * or time out.
     */
    public java.util.List<Integer> awaitJoined(java.time.Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            java.util.List<Integer> up = new java.util.ArrayList<>();
            boolean settled = true;
            Map<Integer, ViosState> view = view();
            for (int peer : tcp.configured()) {
                if (peer == tcp.localId()) {
                    continue;
                }
                if (view.get(peer) == ViosState.UP && tcp.isReachable(peer) && tcp.lastArrivalNanos(peer) != Long.MIN_VALUE) {
                    up.add(peer);
                } else if (!tcp.tried(peer) || tcp.isReachable(peer)) {
                    settled = false; // not tried yet, or connected and not yet heard from
                }
            }
            if (settled || System.nanoTime() > deadline) {
                return up;
            }
            Thread.sleep(10);
        }
    }

    /** What this VIOS's kcluster end counted since it started. */
    public KClusterStatistics statistics() {
        return membership.statistics(node.correlator().duplicates());
    }

    /** This VIOS's view of the others. */
    public Map<Integer, ViosState> view() {
        return membership.view();
    }

    @Override
    public void close() {
        node.close();
    }
}
