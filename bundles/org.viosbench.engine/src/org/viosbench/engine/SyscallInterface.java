package org.viosbench.engine;

import org.viosbench.protocol.Errno;

import java.util.concurrent.ConcurrentHashMap;

import org.viosbench.protocol.Wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.viosbench.protocol.Packet;

/**
 * The system-call boundary between a VIOS's daemons (user space) and its VKE (kernel). It is the
 * only way between the two: packets go down by copy-in ({@link #send(byte[])}) and come up by
 * copy-out to the daemon registered for the target daemon id. Results are errno style.
 */
public final class SyscallInterface {
    private final int vios;
    private final Trace trace;
    private final ConcurrentHashMap<Integer, Daemon> daemons = new ConcurrentHashMap<>();
    private Vke vke;
    private volatile boolean closed;

    SyscallInterface(int vios, Trace trace) {
        this.vios = vios;
        this.trace = trace;
    }

    void attach(Vke v) {
        this.vke = v;
    }

    /**
     * Copies the packet bytes into the kernel and hands them to the VKE, which parses and routes them.
     *
     * @return {@link Errno#OK}, or why nothing was sent: EMSGSIZE (larger than a packet may be),
     *         EINVAL (not a valid packet, or not from this VIOS), ENXIO (a destination is not a member),
     *         ENOTCONN (a destination cannot be reached now), ESHUTDOWN (this VIOS is stopped)
     */
    public Errno send(byte[] packet) {
        if (closed) {
            return fail(Errno.ESHUTDOWN, packet.length);
        }
        if (packet.length > Wire.MAX_PACKET_LENGTH) {
            return fail(Errno.EMSGSIZE, packet.length);
        }
        byte[] kernel = packet.clone(); // copy-in: the daemon may reuse its buffer at once
        if (trace.enabled()) {
            trace.emitRaw(vios, Layer.SYSCALL, TraceKind.COPY_IN, Unpooled.wrappedBuffer(kernel), -1, "ok");
        }
        Errno e = vke.submit(kernel);
        if (e != Errno.OK && trace.enabled()) {
            trace.emitRaw(vios, Layer.SYSCALL, TraceKind.ERROR, Unpooled.wrappedBuffer(kernel), -1, e.name());
        }
        return e;
    }

    /** Registers {@code daemon} to receive packets for its id (opening the VKE device). */
    Errno open(Daemon daemon) {
        if (closed) {
            return Errno.ESHUTDOWN;
        }
        return daemons.putIfAbsent(daemon.id(), daemon) == null ? Errno.OK : Errno.EINVAL;
    }

    /** The current cluster members as the VKE sees them (an ioctl, for broadcast response queues). */
    public int[] members() {
        return vke.members();
    }

    /** The identity of this VIOS's VKE (SCSI INQUIRY-like). */
    public VkeIdentity inquiry() {
        return vke.identity();
    }

    /**
     * Copy-out: gives daemon {@code daemonId} its own copy of the packet's bytes, with the header
     * and sub-header the VKE parsed (the daemon does not parse again).
     */
    void copyOut(Daemon d, Packet parsed, ByteBuf packet) {
        byte[] user = ByteBufUtil.getBytes(packet);
        if (trace.enabled()) {
            trace.emit(vios, Layer.SYSCALL, TraceKind.COPY_OUT, parsed.header(), d.id(), user.length, "ok");
        }
        d.deliver(parsed.withBytes(Unpooled.wrappedBuffer(user)));
    }

    /** The daemon registered for {@code daemonId}, or null. */
    Daemon daemon(int daemonId) {
        return daemons.get(daemonId);
    }

    void close() {
        closed = true;
        daemons.clear();
    }

    private Errno fail(Errno e, int bytes) {
        if (trace.enabled()) {
            trace.emit(vios, Layer.SYSCALL, TraceKind.ERROR, -1, -1, bytes, e.name());
        }
        return e;
    }

}
