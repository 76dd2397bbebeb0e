package org.viosbench.engine;

import org.viosbench.protocol.Errno;

import java.nio.charset.StandardCharsets;

import org.viosbench.engine.kcluster.KCluster;
import org.viosbench.protocol.DecodeFailure;
import org.viosbench.protocol.Decoded;
import org.viosbench.protocol.MessageType;
import org.viosbench.protocol.Packet;
import org.viosbench.protocol.PacketDecoder;
import org.viosbench.protocol.PacketEncoder;
import org.viosbench.protocol.PacketHeader;
import org.viosbench.protocol.SubHeader;
import org.viosbench.protocol.Wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The VSCSI kernel extension of one VIOS: emulates a SCSI device ({@link #identity()}), parses the
 * header and sub-header of every packet a daemon submits, and sends it over kcluster — to every
 * node by cluster broadcast when the broadcast setting is on, otherwise to each listed VIOS. On
 * receipt it validates the packet and hands it up to the target daemon; a request for an unknown
 * daemon gets an error response (ENOENT); INQUIRY requests are answered by the VKE itself.
 */
public final class Vke {
    private final int vios;
    private final VkeIdentity identity;
    private final KCluster kcluster;
    private final SyscallInterface syscall;
    private final Trace trace;

    Vke(int vios, KCluster kcluster, SyscallInterface syscall, Trace trace) {
        this.vios = vios;
        this.identity = VkeIdentity.of(vios);
        this.kcluster = kcluster;
        this.syscall = syscall;
        this.trace = trace;
    }

    public VkeIdentity identity() {
        return identity;
    }

    int[] members() {
        return kcluster.members();
    }

    /** Send path: the packet a daemon copied in. Nothing is sent unless every destination can be reached. */
    Errno submit(byte[] kernel) {
        ByteBuf bytes = Unpooled.wrappedBuffer(kernel);
        // parse header and sub-header; the checksums protect the wire and are checked by the receiving VKE
        Decoded d = PacketDecoder.decode(bytes, false, false);
        if (!(d instanceof Packet p)) {
            if (trace.enabled()) {
                trace.emitRaw(vios, Layer.VKE, TraceKind.DROP, bytes, -1, ((DecodeFailure) d).message());
            }
            return Errno.EINVAL;
        }
        PacketHeader h = p.header();
        if (h.source() != vios) {
            return route(h, Errno.EINVAL, "source " + Integer.toUnsignedString(h.source()) + " is not this VIOS", kernel.length);
        }
        if (h.broadcast()) {
            // one path, traced or not; traced, each planned send is recorded with the packet it carries before the hand-over
            // (the receivers may act on the packet before broadcast() returns)
            boolean traced = trace.enabled();
            int[] planned = traced ? java.util.Arrays.stream(kcluster.members()).filter(m -> m != vios).toArray() : null;
            if (traced) {
                trace.emit(vios, Layer.VKE, TraceKind.ROUTE, h, -1, kernel.length, "broadcast to " + planned.length);
                for (int to : planned) {
                    trace.transmit(vios, h, to, kernel, "broadcast");
                }
            }
            int[] sentTo = kcluster.broadcast(bytes);
            if (traced) {
                for (int to : planned) {
                    if (java.util.Arrays.stream(sentTo).noneMatch(x -> x == to)) {
                        trace.emit(vios, Layer.KCLUSTER, TraceKind.DROP, h, to, kernel.length, "not sent: not reachable, or too much waits for it");
                    }
                }
            }
            return Errno.OK;
        }
        for (int i = 0; i < h.destinationCount(); i++) {
            int to = h.destination(i);
            if (!kcluster.isMember(to)) {
                return route(h, Errno.ENXIO, "VIOS " + Integer.toUnsignedString(to) + " is not a member", kernel.length);
            }
            if (!kcluster.isReachable(to)) {
                return route(h, Errno.ENOTCONN, "VIOS " + Integer.toUnsignedString(to) + " cannot be reached", kernel.length);
            }
        }
        if (trace.enabled()) {
            trace.emit(vios, Layer.VKE, TraceKind.ROUTE, h, -1, kernel.length, "unicast to " + h.destinationCount());
        }
        Errno result = Errno.OK;
        for (int i = 0; i < h.destinationCount(); i++) {
            int to = h.destination(i);
            if (trace.enabled()) {
                trace.transmit(vios, h, to, kernel, "unicast");
            }
            Errno e = kcluster.send(to, bytes);
            if (e != Errno.OK) {
                if (trace.enabled()) {
                    trace.emit(vios, Layer.KCLUSTER, TraceKind.ERROR, h, to, kernel.length, e.name());
                }
                result = e; // the destination went away between the check and the send; its entry ends by suspicion
            }
        }
        return result;
    }

    /** Receive path, on this VIOS's kcluster thread. */
    void receive(int from, ByteBuf bytes) {
        int length = bytes.readableBytes();
        Decoded d = PacketDecoder.decode(bytes);
        if (!(d instanceof Packet p)) {
            if (trace.enabled()) {
                trace.emitRaw(vios, Layer.VKE, TraceKind.DROP, bytes, from, ((DecodeFailure) d).message());
            }
            return;
        }
        PacketHeader h = p.header();
        if (trace.enabled()) {
            trace.emit(vios, Layer.KCLUSTER, TraceKind.RECEIVE, h, from, length, "ok");
        }
        if (!h.addresses(vios)) {
            drop(h, from, length, "not addressed to this VIOS");
            return;
        }
        if (h.type() == MessageType.INQUIRY && !h.isResponse()) {
            answerInquiry(p);
            return;
        }
        int target = p.subHeader().targetDaemon();
        Daemon daemon = syscall.daemon(target);
        if (daemon != null) {
            if (trace.enabled()) {
                trace.emit(vios, Layer.VKE, TraceKind.DELIVER, h, target, length, "ok");
            }
            syscall.copyOut(daemon, p, bytes);
            return;
        }
        if (h.responseRequested()) {
            respondWithError(p, Errno.ENOENT, "no daemon " + target + " on VIOS " + Integer.toUnsignedString(vios));
        } else {
            drop(h, from, length, "no daemon " + target);
        }
    }

    private void answerInquiry(Packet request) {
        if (trace.enabled()) {
            trace.emit(vios, Layer.VKE, TraceKind.INQUIRY, request.header(), request.header().source(), -1, "ok");
        }
        if (request.header().responseRequested()) {
            sendResponse(request, SubHeader.builder(), 0, identity.inquiryData());
        }
    }

    private void respondWithError(Packet request, Errno errno, String message) {
        sendResponse(request, SubHeader.builder().errorCode(errno.code()), Wire.FLAG_ERROR,
                message.getBytes(StandardCharsets.UTF_8));
    }

    /** Builds and sends the VKE's own response to {@code request}. */
    private void sendResponse(Packet request, SubHeader.Builder sub, int extraFlags, byte[] payload) {
        int[] to = Responses.replyAddress(request);
        PacketHeader h = new PacketHeader(request.header().type(), Wire.FLAG_RESPONSE | extraFlags, vios,
                request.header().messageId(), 0, to[0]);
        Packet response = new Packet(h, sub.targetDaemon(to[1]).build(), payload);
        byte[] bytes = PacketEncoder.INSTANCE.encodeToArray(response);
        if (trace.enabled()) {
            trace.transmit(vios, h, to[0], bytes, "response");
        }
        Errno e = kcluster.send(to[0], Unpooled.wrappedBuffer(bytes));
        if (e != Errno.OK && trace.enabled()) {
            trace.emit(vios, Layer.KCLUSTER, TraceKind.ERROR, h, to[0], bytes.length, e.name());
        }
    }

    private void drop(PacketHeader h, int from, int length, String why) {
        if (trace.enabled()) {
            trace.emit(vios, Layer.VKE, TraceKind.DROP, h, from, length, why);
        }
    }

    private Errno route(PacketHeader h, Errno e, String why, int length) {
        if (trace.enabled()) {
            trace.emit(vios, Layer.VKE, TraceKind.ERROR, h, -1, length, e.name() + ": " + why);
        }
        return e;
    }
}
