package org.viosbench.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.viosbench.protocol.codec.PacketChannelDecoder;
import org.viosbench.protocol.codec.PacketFrameDecoder;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

/** The packet decoder and the TCP framing, fed what a hostile peer could send. */
class PacketFuzzTest {

    /**
     * Any bytes: the decoder never throws; a failure names an error and an offset inside the input; a packet
     * re-encodes to bytes that decode to the same packet; the dissector shows any input without throwing.
     */
    @FuzzTest
    void decode(byte[] input) {
        Decoded d = PacketDecoder.decode(Unpooled.wrappedBuffer(input));
        if (d instanceof DecodeFailure f) {
            assertTrue(f.offset() >= 0 && f.offset() <= input.length, () -> "offset " + f.offset() + " of " + input.length);
            assertEquals(input.length, f.length());
            assertTrue(!f.detail().isBlank());
        } else {
            Packet p = (Packet) d;
            assertEquals(input.length, p.encodedLength(), "a packet's length is the input's");
            byte[] again = PacketEncoder.INSTANCE.encodeToArray(p);
            assertEquals(input.length, again.length);
            assertEquals(p, PacketDecoder.decode(Unpooled.wrappedBuffer(again)), "re-encoded packet decodes to itself");
        }
        PacketDissector.Dissection shown = PacketDissector.dissect(input);
        assertEquals(d.ok(), shown.failure() == null);
    }

    /**
     * The same without the two checksum checks (the path for bytes a VKE verified already), so that the fuzzer
     * reaches the flag rules and the entries without having to find CRC-32C values: never a throw, and a packet
     * that decodes re-encodes to one that decodes (checksums included) to the same packet.
     */
    @FuzzTest
    void decodeTrusted(byte[] input) {
        Decoded d = PacketDecoder.decode(Unpooled.wrappedBuffer(input), false, false);
        if (d instanceof DecodeFailure f) {
            assertTrue(f.offset() >= 0 && f.offset() <= input.length, () -> "offset " + f.offset() + " of " + input.length);
            assertTrue(f.error() != DecodeError.BAD_HEADER_CHECKSUM && f.error() != DecodeError.BAD_PAYLOAD_CHECKSUM);
        } else {
            byte[] again = PacketEncoder.INSTANCE.encodeToArray((Packet) d);
            assertEquals(d, PacketDecoder.decode(Unpooled.wrappedBuffer(again)));
        }
    }

    /**
     * A byte stream of length-prefixed frames (some announcing more than a packet can be), cut into pieces at
     * fuzzer-chosen points, through the node's inbound pipeline: every frame comes out as a packet or a typed
     * failure, nothing throws, and every buffer fed in is released.
     */
    @FuzzTest
    void framing(FuzzedDataProvider data) {
        EmbeddedChannel channel = new EmbeddedChannel(new PacketFrameDecoder(), new PacketChannelDecoder());
        List<ByteBuf> fed = new ArrayList<>();
        try {
            ByteBuf stream = Unpooled.buffer();
            int frames = data.consumeInt(0, 8);
            for (int i = 0; i < frames && data.remainingBytes() > 0; i++) {
                byte[] body = data.consumeBytes(data.consumeInt(0, 2048));
                int announced = data.consumeBoolean() ? body.length : data.consumeInt();
                stream.writeInt(announced).writeBytes(body);
            }
            stream.writeBytes(data.consumeRemainingAsBytes());
            while (stream.isReadable()) {
                ByteBuf piece = stream.readRetainedSlice(Math.min(stream.readableBytes(), 1 + (stream.readerIndex() * 31 + frames) % 97));
                fed.add(piece);
                channel.writeInbound(piece);
            }
            stream.release();
            for (Object o; (o = channel.readInbound()) != null;) {
                Object out = o;
                assertTrue(out instanceof Packet || out instanceof DecodeFailure, () -> "unexpected " + out);
                if (out instanceof Packet p) {
                    p.release();
                }
            }
        } finally {
            channel.finishAndReleaseAll();
        }
        for (ByteBuf b : fed) {
            assertEquals(0, b.refCnt(), "a buffer fed to the pipeline was not released");
        }
    }
}
