package org.viosbench.transport;

import java.util.ArrayList;

import org.viosbench.protocol.Errno;
import org.viosbench.engine.kcluster.KCluster;
import org.viosbench.engine.kcluster.KClusterReceiver;
import org.viosbench.engine.kcluster.MembershipListener;

import io.netty.buffer.ByteBuf;

/**
 * One VIOS on the {@link InJvmFabric}. Senders hand the packet bytes (by reference: they are
 * immutable) straight into this endpoint's {@link Inbox}; its delivery thread calls the VKE.
 * Membership events are delivered on the same thread, in order with packets.
 */
final class InJvmEndpoint implements KCluster {
    private final InJvmFabric fabric;
    private final int id;
    private final Inbox inbox;
    private volatile boolean crashed;

    InJvmEndpoint(InJvmFabric fabric, int id) {
        this.fabric = fabric;
        this.id = id;
        this.inbox = new Inbox("kcluster-vios-" + Integer.toUnsignedString(id), false);
    }

    void start() {
        inbox.start();
    }

    @Override
    public int localId() {
        return id;
    }

    @Override
    public void bind(KClusterReceiver r) {
        inbox.bind(r);
    }

    @Override
    public Errno send(int destination, ByteBuf packet) {
        if (!inbox.running()) {
            return Errno.ESHUTDOWN;
        }
        InJvmEndpoint to = fabric.endpoint(destination);
        if (to == null) {
            return Errno.ENXIO;
        }
        if (to.crashed) {
            return Errno.OK; // lost on the way, as on a real network
        }
        return to.inbox.offer(id, packet.duplicate()) ? Errno.OK : Errno.ENOTCONN;
    }

    @Override
    public int[] broadcast(ByteBuf packet) {
        if (!inbox.running()) {
            return new int[0];
        }
        ArrayList<Integer> sent = new ArrayList<>();
        for (InJvmEndpoint to : fabric.endpoints()) {
            if (to != this && (to.crashed || to.inbox.offer(id, packet.duplicate()))) {
                sent.add(to.id);
            }
        }
        return sent.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public int[] members() {
        return fabric.members().clone();
    }

    @Override
    public boolean isMember(int vios) {
        return fabric.isMember(vios);
    }

    @Override
    public boolean isReachable(int vios) {
        InJvmEndpoint e = fabric.endpoint(vios);
        return e != null && (e.inbox.running() || e.crashed); // nobody knows of a crash until heartbeats go missing
    }

    @Override
    public long lastArrivalNanos(int vios) {
        return inbox.lastArrivalNanos(vios);
    }

    @Override
    public void addMembershipListener(MembershipListener l) {
        inbox.listeners().add(l);
    }

    @Override
    public void removeMembershipListener(MembershipListener l) {
        inbox.listeners().remove(l);
    }

    void memberJoined(int vios) {
        inbox.joined(vios);
    }

    void memberLeft(int vios, String reason) {
        inbox.left(vios, reason);
    }

    /** Stops delivering at once without telling anybody (see {@link InJvmFabric#crash(int)}). */
    void crash() {
        crashed = true;
        inbox.stop(0);
    }

    boolean crashed() {
        return crashed;
    }

    @Override
    public void close() {
        if (crashed || !inbox.running()) {
            return; // a crashed VIOS says nothing; InJvmFabric.remove or a new join clears it
        }
        fabric.leave(this, "VIOS " + Integer.toUnsignedString(id) + " left the cluster");
        inbox.stop(1000);
    }
}
