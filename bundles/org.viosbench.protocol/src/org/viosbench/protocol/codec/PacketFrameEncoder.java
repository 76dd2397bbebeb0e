package org.viosbench.protocol.codec;

import org.viosbench.protocol.Packet;
import org.viosbench.protocol.PacketEncoder;
import org.viosbench.protocol.Wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes a {@link Packet} as one frame: its 4-byte length, then the packet. Stateless and sharable. */
@Sharable
public final class PacketFrameEncoder extends MessageToByteEncoder<Packet> {
    public static final PacketFrameEncoder INSTANCE = new PacketFrameEncoder();

    private PacketFrameEncoder() {
        super(Packet.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Packet packet, ByteBuf out) {
        out.ensureWritable(Wire.FRAME_LENGTH_FIELD + packet.encodedLength());
        out.writeInt(packet.encodedLength());
        PacketEncoder.INSTANCE.encode(packet, out);
    }
}
