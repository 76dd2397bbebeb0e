package org.viosbench.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.viosbench.protocol.Wire;
import org.viosbench.protocol.codec.PacketFrameDecoder;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.DefaultPromise;

/**
 * The authenticated kcluster's accepting side, fed by someone without the key: before the handshake
 * nothing they send gets a packet through or a welcome out; after a real handshake, every frame that is
 * not one the key holder signed (altered, forged, replayed) is refused and only the signed ones pass, once.
 */
class HandshakeFuzzTest {
    private static final ClusterKey KEY = ClusterKey.of(new byte[ClusterKey.LENGTH]);
    private static final Map<Integer, String> MEMBERS = Map.of(0, "vios0", 1, "vios1", 2, "vios2");

    /** A reference-counted buffer of {@code bytes}, even when empty (Netty's shared empty buffer is never released). */
    private static ByteBuf counted(byte[] bytes) {
        return Unpooled.buffer(bytes.length).writeBytes(bytes);
    }

    @FuzzTest
    void beforeTheHandshake(byte[] stream) {
        List<String> refused = new ArrayList<>();
        EmbeddedChannel a = new EmbeddedChannel(new PacketFrameDecoder(Authenticated.TRAILER), new Authenticated.Acceptor(KEY, 0, MEMBERS,
                refused::add));
        ByteBuf challenge = a.readOutbound();
        assertEquals(4 + 4 + Authenticated.NONCE, challenge.readableBytes());
        challenge.release();
        ByteBuf in = counted(stream);
        if (a.isOpen()) {
            a.writeInbound(in);
        } else {
            in.release();
        }
        assertNull(a.readInbound(), "a packet passed without a handshake");
        assertNull(a.readOutbound(), "a welcome (or anything) went to someone without the key");
        a.finishAndReleaseAll(); // a partial frame stays with the frame decoder until the connection ends
        assertEquals(0, in.refCnt(), "the input was not released");
    }

    @FuzzTest
    void afterTheHandshake(FuzzedDataProvider data) {
        List<String> refused = new ArrayList<>();
        EmbeddedChannel a = new EmbeddedChannel(new Authenticated.Acceptor(KEY, 0, MEMBERS, refused::add));
        EmbeddedChannel c = new EmbeddedChannel();
        Authenticated.Connector connector = new Authenticated.Connector(KEY, 1, 0, new DefaultPromise<>(c.eventLoop()));
        c.pipeline().addLast("handshake", connector);
        c.pipeline().fireChannelActive();
        c.writeInbound((ByteBuf) a.readOutbound()); // CHALLENGE
        a.writeInbound((ByteBuf) c.readOutbound()); // HELLO
        c.writeInbound((ByteBuf) a.readOutbound()); // WELCOME
        assertTrue(connector.ready().isSuccess(), "the real handshake failed");

        List<byte[]> packets = new ArrayList<>();
        List<byte[]> frames = new ArrayList<>();
        int n = data.consumeInt(1, 4);
        for (int i = 0; i < n; i++) {
            byte[] packet = data.consumeBytes(data.consumeInt(Wire.OFF_SOURCE + 4, 64));
            if (packet.length < Wire.OFF_SOURCE + 4) {
                packet = java.util.Arrays.copyOf(packet, Wire.OFF_SOURCE + 4);
            }
            Unpooled.wrappedBuffer(packet).setInt(Wire.OFF_SOURCE, 1);
            c.writeOutbound(Unpooled.wrappedBuffer(packet));
            ByteBuf signed = c.readOutbound();
            packets.add(packet);
            frames.add(ByteBufUtil.getBytes(signed));
            signed.release();
        }
        Set<Integer> delivered = new HashSet<>();
        while (a.isOpen() && data.remainingBytes() > 0) {
            int i = data.consumeInt(0, n - 1);
            int action = data.consumeInt(0, 2);
            byte[] frame = frames.get(i).clone();
            if (action == 1) { // alter one byte
                int at = data.consumeInt(0, frame.length - 1);
                frame[at] ^= (byte) data.consumeInt(1, 255);
            } else if (action == 2) { // anything at all
                frame = data.consumeBytes(data.consumeInt(0, 128));
            }
            int signedAs = -1; // which signed frame these bytes are, if any
            for (int k = 0; k < n; k++) {
                signedAs = java.util.Arrays.equals(frame, frames.get(k)) ? k : signedAs;
            }
            ByteBuf in = counted(frame);
            a.writeInbound(in);
            ByteBuf out = a.readInbound();
            if (signedAs >= 0 && delivered.add(signedAs)) {
                assertTrue(out != null, "a signed frame was refused: " + refused);
                assertArrayEquals(packets.get(signedAs), ByteBufUtil.getBytes(out));
                out.release();
            } else {
                assertNull(out, signedAs >= 0 ? "a replayed frame got through" : "a frame nobody signed got through");
            }
            assertEquals(0, in.refCnt(), "a frame was not released");
        }
        a.finishAndReleaseAll();
        c.finishAndReleaseAll();
    }
}
