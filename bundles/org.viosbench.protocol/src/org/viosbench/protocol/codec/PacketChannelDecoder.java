package org.viosbench.protocol.codec;

import java.util.List;

import org.viosbench.protocol.Decoded;
import org.viosbench.protocol.Packet;
import org.viosbench.protocol.PacketDecoder;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;

/**
 * Turns each framed packet into a {@link Decoded}: a {@link Packet} (payload retained: release it
 * with {@link Packet#release()}) or a {@link org.viosbench.protocol.DecodeFailure}. Malformed packets
 * are passed on as data; the channel stays open.
 */
public final class PacketChannelDecoder extends MessageToMessageDecoder<ByteBuf> {

    public PacketChannelDecoder() {
        super(ByteBuf.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        out.add(PacketDecoder.decode(frame, true, true));
    }
}
