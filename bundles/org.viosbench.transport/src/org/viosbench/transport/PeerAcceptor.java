package org.viosbench.transport;

import java.util.Map;
import java.util.function.Consumer;

import org.viosbench.protocol.Wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * What the accepting side of a protected connection (a cluster key or TLS) does alike: it learns which
 * member is at the other end, refuses frames that are not packets or name another source VIOS, says
 * why (from where, as which peer) and closes the connection after {@link Authenticated#MAX_REFUSED}
 * refusals, or at once when the refusal is fatal.
 */
abstract class PeerAcceptor extends ChannelInboundHandlerAdapter {
    protected final int self;
    protected final Map<Integer, ?> members;
    private final Consumer<String> refused;
    /** The member at the other end once proven, else -1. */
    protected int peer = -1;
    private int failures;

    PeerAcceptor(int self, Map<Integer, ?> members, Consumer<String> refused) {
        this.self = self;
        this.members = members;
        this.refused = refused;
    }

    /** Whether {@code vios} may be the other end: another member of the cluster. */
    protected final boolean isPeer(int vios) {
        return vios >= 0 && vios != self && members.containsKey(vios);
    }

    /** {@code msg} as a frame, or null when it is not one (a too-long frame's failure: released and refused). */
    protected final ByteBuf frame(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf frame) {
            return frame;
        }
        ReferenceCountUtil.release(msg);
        refuse(ctx, "a frame longer than a packet can be", false);
        return null;
    }

    /** Whether {@code packet} names the peer as its source; refused when it does not. */
    protected final boolean fromPeer(ChannelHandlerContext ctx, ByteBuf packet) {
        int source = packet.readableBytes() >= Wire.OFF_SOURCE + 4 ? packet.getInt(packet.readerIndex() + Wire.OFF_SOURCE) : -1;
        if (source == peer) {
            return true;
        }
        refuse(ctx, "a packet naming VIOS " + Integer.toUnsignedString(source) + " as its source, sent by VIOS "
                + Integer.toUnsignedString(peer), false);
        return false;
    }

    protected final void refuse(ChannelHandlerContext ctx, String why, boolean close) {
        refused.accept("from " + ctx.channel().remoteAddress() + (peer < 0 ? "" : " (VIOS " + Integer.toUnsignedString(peer) + ")") + ": " + why);
        if (close || ++failures >= Authenticated.MAX_REFUSED) {
            ctx.close();
        }
    }
}
