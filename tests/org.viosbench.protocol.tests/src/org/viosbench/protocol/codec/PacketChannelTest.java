package org.viosbench.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.viosbench.protocol.DecodeError;
import org.viosbench.protocol.DecodeFailure;
import org.viosbench.protocol.MessageType;
import org.viosbench.protocol.Packet;
import org.viosbench.protocol.PacketEncoder;
import org.viosbench.protocol.PacketHeader;
import org.viosbench.protocol.SubHeader;
import org.viosbench.protocol.Wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

/** Framing and decoding in a Netty pipeline: malformed frames become data, the channel carries on. */
class PacketChannelTest {

    static Packet packet(int sequence, int payloadBytes) {
        return new Packet(new PacketHeader(MessageType.DATA, 0, 1, 1000 + sequence, sequence, 2),
                SubHeader.builder().targetDaemon(7).build(), new byte[payloadBytes]);
    }

    static ByteBuf frame(byte[] packetBytes) {
        ByteBuf b = Unpooled.buffer();
        b.writeInt(packetBytes.length);
        b.writeBytes(packetBytes);
        return b;
    }

    @Test
    void encoderAndDecodersRoundTripAcrossAByteStream() {
        EmbeddedChannel sender = new EmbeddedChannel(PacketFrameEncoder.INSTANCE);
        EmbeddedChannel receiver = new EmbeddedChannel(new PacketFrameDecoder(), new PacketChannelDecoder());
        for (int i = 0; i < 10; i++) {
            assertTrue(sender.writeOutbound(packet(i, i * 100)));
        }
        ByteBuf stream = Unpooled.buffer();
        for (ByteBuf chunk; (chunk = sender.readOutbound()) != null;) {
            stream.writeBytes(chunk);
            chunk.release();
        }
        while (stream.isReadable()) { // deliver in odd-sized pieces, as TCP may
            receiver.writeInbound(stream.readRetainedSlice(Math.min(37, stream.readableBytes())));
        }
        stream.release();
        for (int i = 0; i < 10; i++) {
            Packet p = receiver.readInbound();
            assertEquals(packet(i, i * 100), p);
            p.release();
        }
        assertNull(receiver.readInbound());
        assertTrue(receiver.isOpen());
    }

    @Test
    void malformedAndOversizedFramesAreReportedAndTheNextFrameIsRead() {
        EmbeddedChannel ch = new EmbeddedChannel(new PacketFrameDecoder(), new PacketChannelDecoder());
        byte[] good = PacketEncoder.INSTANCE.encodeToArray(packet(1, 16));
        byte[] bad = good.clone();
        bad[0] = 0;

        ByteBuf tooLong = Unpooled.buffer();
        tooLong.writeInt(Wire.MAX_PACKET_LENGTH + 1);
        tooLong.writeZero(Wire.MAX_PACKET_LENGTH + 1);

        ch.writeInbound(frame(bad));
        ch.writeInbound(tooLong);
        ch.writeInbound(frame(good));

        DecodeFailure first = ch.readInbound();
        assertEquals(DecodeError.BAD_MAGIC, first.error());
        DecodeFailure second = ch.readInbound();
        assertEquals(DecodeError.FRAME_TOO_LONG, second.error());
        Packet third = ch.readInbound();
        assertEquals(packet(1, 16), third);
        third.release();
        assertTrue(ch.isOpen(), "the channel survives malformed input");
        assertTrue(ch.finish() == false || ch.readInbound() == null);
    }
}
