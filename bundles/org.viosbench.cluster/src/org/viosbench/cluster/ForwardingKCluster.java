package org.viosbench.cluster;

import org.viosbench.protocol.Errno;
import org.viosbench.engine.kcluster.KCluster;
import org.viosbench.engine.kcluster.KClusterReceiver;
import org.viosbench.engine.kcluster.MembershipListener;

import io.netty.buffer.ByteBuf;

/** A kcluster end that passes everything to the end it wraps; layers override what they change. */
abstract class ForwardingKCluster implements KCluster {
    protected final KCluster inner;

    ForwardingKCluster(KCluster inner) {
        this.inner = inner;
    }

    @Override
    public int localId() {
        return inner.localId();
    }

    @Override
    public void bind(KClusterReceiver receiver) {
        inner.bind(receiver);
    }

    @Override
    public Errno send(int destination, ByteBuf packet) {
        return inner.send(destination, packet);
    }

    @Override
    public int[] broadcast(ByteBuf packet) {
        return inner.broadcast(packet);
    }

    @Override
    public int[] members() {
        return inner.members();
    }

    @Override
    public boolean isMember(int vios) {
        return inner.isMember(vios);
    }

    @Override
    public boolean isReachable(int vios) {
        return inner.isReachable(vios);
    }

    @Override
    public long lastArrivalNanos(int vios) {
        return inner.lastArrivalNanos(vios);
    }

    @Override
    public org.viosbench.engine.kcluster.Idle awaitIdle() {
        return inner.awaitIdle();
    }

    @Override
    public void addMembershipListener(MembershipListener listener) {
        inner.addMembershipListener(listener);
    }

    @Override
    public void removeMembershipListener(MembershipListener listener) {
        inner.removeMembershipListener(listener);
    }

    @Override
    public void close() {
        inner.close();
    }
}
