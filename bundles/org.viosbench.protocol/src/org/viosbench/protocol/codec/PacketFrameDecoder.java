package org.viosbench.protocol.codec;

import org.viosbench.protocol.DecodeError;
import org.viosbench.protocol.DecodeFailure;
import org.viosbench.protocol.Wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;

/**
 * Splits a byte stream into packets: a 4-byte big-endian length, then that many packet bytes
 * (docs/protocol.md, "Framing"). Emits each packet's bytes as a {@link ByteBuf} without the length.
 * A frame longer than {@link Wire#MAX_PACKET_LENGTH} is skipped without buffering it and reported
 * downstream as a {@link DecodeFailure} ({@link DecodeError#FRAME_TOO_LONG}); the next frame is read normally.
 */
public final class PacketFrameDecoder extends LengthFieldBasedFrameDecoder {

    public PacketFrameDecoder() {
        this(0);
    }

    /** Frames of a packet followed by {@code trailer} bytes (an authentication trailer), the length checked before any allocation. */
    public PacketFrameDecoder(int trailer) {
        super(Wire.FRAME_LENGTH_FIELD + Wire.MAX_PACKET_LENGTH + trailer, 0, Wire.FRAME_LENGTH_FIELD, 0, Wire.FRAME_LENGTH_FIELD, true);
        this.trailer = trailer;
    }

    private final int trailer;

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        long announced = in.readableBytes() >= Wire.FRAME_LENGTH_FIELD ? in.getUnsignedInt(in.readerIndex()) : -1;
        try {
            return super.decode(ctx, in);
        } catch (TooLongFrameException e) {
            return new DecodeFailure(DecodeError.FRAME_TOO_LONG, 0, "frame announces " + announced
                    + " bytes, the largest packet is " + Wire.MAX_PACKET_LENGTH + (trailer > 0 ? " (+" + trailer + ")" : "") + "; skipped", (int) Math.min(announced, Integer.MAX_VALUE));
        }
    }
}
