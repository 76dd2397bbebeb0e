package org.viosbench.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.viosbench.protocol.Fixtures.Fixture;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;

class PacketCodecTest {

    static Stream<Fixture> fixtures() {
        return Fixtures.ALL.stream();
    }

    static Packet decodeOk(byte[] bytes) {
        Decoded d = PacketDecoder.decode(Unpooled.wrappedBuffer(bytes));
        assertTrue(d.ok(), () -> "decode failed: " + d);
        return (Packet) d;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void specFixturesDecodeToTheirValues(Fixture f) {
        assertEquals(f.packet(), decodeOk(f.bytes()));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void encoderWritesTheSpecFixturesByteForByte(Fixture f) {
        assertEquals(f.hex(), ByteBufUtil.hexDump(PacketEncoder.INSTANCE.encodeToArray(f.packet())));
    }

    @Test
    void unicastFixtureFieldsAreWhereTheSpecSays() {
        Packet p = decodeOk(Fixtures.UNICAST_REQUEST.bytes());
        PacketHeader h = p.header();
        assertEquals(MessageType.DATA, h.type());
        assertTrue(h.responseRequested());
        assertFalse(h.broadcast() || h.isResponse() || h.isError());
        assertEquals(1, h.source());
        assertEquals(Fixtures.REQUEST_ID, h.messageId());
        assertEquals(7, h.sequence());
        assertArrayEquals(new int[] { 2 }, h.destinations());
        assertEquals(ResponseSpec.all(1), p.subHeader().responses());
        assertEquals(5000, p.subHeader().timeoutMillis());
        assertEquals(10, p.subHeader().targetDaemon());
        assertEquals(new ReplyTo(1, 11), p.subHeader().replyTo());
        assertEquals("hello", p.payload().toString(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(Fixtures.UNICAST_REQUEST.bytes().length, p.encodedLength());
    }

    @Test
    void randomPacketsRoundTripExactly() {
        Random random = new Random(20261125);
        for (int i = 0; i < 2000; i++) {
            Packet p = randomPacket(random);
            byte[] bytes = PacketEncoder.INSTANCE.encodeToArray(p);
            assertEquals(p.encodedLength(), bytes.length);
            Packet back = decodeOk(bytes);
            assertEquals(p, back);
            assertArrayEquals(bytes, PacketEncoder.INSTANCE.encodeToArray(back));
        }
    }

    @Test
    void encodingIntoPooledDirectBuffersMatchesArrays() {
        Packet p = Fixtures.UNICAST_REQUEST.packet();
        ByteBuf direct = PacketEncoder.INSTANCE.encode(p, PooledByteBufAllocator.DEFAULT);
        try {
            assertTrue(direct.isDirect());
            assertEquals(Fixtures.UNICAST_REQUEST.hex(), ByteBufUtil.hexDump(direct));
            assertEquals(p, PacketDecoder.decode(direct));
        } finally {
            direct.release();
        }
    }

    @Test
    void decodedPayloadSharesTheBytesWithoutCopying() {
        byte[] payload = new byte[4096];
        new Random(1).nextBytes(payload);
        Packet p = new Packet(new PacketHeader(MessageType.DATA, 0, 1, 2, 3, 4), SubHeader.builder().targetDaemon(1).build(), payload);
        byte[] wire = PacketEncoder.INSTANCE.encodeToArray(p);
        Packet back = decodeOk(wire);
        ByteBuf view = back.payload();
        assertEquals(Unpooled.wrappedBuffer(payload), view);
        int payloadStart = wire.length - payload.length;
        wire[payloadStart] ^= 0x5A; // the view sees a change to the wire bytes: it is not a copy
        assertEquals((byte) (payload[0] ^ 0x5A), view.getByte(0));
        assertTrue(view.isReadOnly());
    }

    @Test
    void retainedPayloadOutlivesTheFrameUntilReleased() {
        ByteBuf frame = Unpooled.directBuffer();
        PacketEncoder.INSTANCE.encode(Fixtures.UNICAST_REQUEST.packet(), frame);
        Packet p = (Packet) PacketDecoder.decode(frame, true, true);
        frame.release();
        assertEquals(1, frame.refCnt(), "the retained payload keeps the bytes alive");
        assertEquals("hello", p.payload().toString(java.nio.charset.StandardCharsets.US_ASCII));
        p.release();
        assertEquals(0, frame.refCnt());
    }

    @Test
    void laterMinorVersionWithLongerHeaderIsAccepted() {
        byte[] v10 = Fixtures.UNICAST_REQUEST.bytes();
        int headerLength = Wire.headerLength(1);
        byte[] v11 = new byte[v10.length + 4];
        System.arraycopy(v10, 0, v11, 0, headerLength);
        // 4 bytes of a header field this reader does not know, then the rest unchanged
        v11[headerLength] = 0x11;
        System.arraycopy(v10, headerLength, v11, headerLength + 4, v10.length - headerLength);
        v11[Wire.OFF_VERSION_MINOR] = 1;
        v11[Wire.OFF_HEADER_LENGTH + 1] = (byte) (headerLength + 4);
        Wires.reseal(v11);
        Packet p = decodeOk(v11);
        assertEquals(1, p.header().versionMinor());
        assertEquals(Fixtures.UNICAST_REQUEST.packet().subHeader(), p.subHeader());
        assertEquals("hello", p.payload().toString(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void encoderRefusesPacketsThatBreakTheRules() {
        SubHeader target = SubHeader.builder().targetDaemon(1).build();
        byte[] none = new byte[0];
        assertThrows(IllegalArgumentException.class,
                () -> new Packet(new PacketHeader(MessageType.DATA, Wire.FLAG_BROADCAST, 1, 1, 1, 2), target, none));
        assertThrows(IllegalArgumentException.class, () -> new Packet(new PacketHeader(MessageType.DATA, 0, 1, 1, 1), target, none));
        assertThrows(IllegalArgumentException.class,
                () -> new Packet(new PacketHeader(MessageType.DATA, Wire.FLAG_RESPONSE_REQUESTED, 1, 1, 1, 2), target, none));
        assertThrows(IllegalArgumentException.class,
                () -> new Packet(new PacketHeader(MessageType.DATA, 0, 1, 1, 1, 2), SubHeader.builder().build(), none));
        assertThrows(IllegalArgumentException.class,
                () -> new Packet(new PacketHeader(MessageType.DATA, 0, 1, 1, 1, 2), target, new byte[Wire.MAX_PAYLOAD_LENGTH + 1]));
        assertThrows(IllegalArgumentException.class, () -> new ResponseSpec(CompletionPolicy.N_OF_M, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> new UnknownEntry(EntryType.TIMEOUT.code(), 0, none));
    }

    @Test
    void wireCodesAreUniqueAndLookedUp() {
        for (MessageType t : MessageType.values()) {
            assertSame(t, MessageType.fromCode(t.code()));
        }
        for (EntryType t : EntryType.values()) {
            assertSame(t, EntryType.fromCode(t.code()));
        }
        assertEquals(null, MessageType.fromCode(0x7777));
        assertEquals(List.of(), SubHeader.builder().build().unknownEntries());
    }

    static Packet randomPacket(Random r) {
        MessageType type = MessageType.values()[r.nextInt(MessageType.values().length)];
        int kind = r.nextInt(4);
        SubHeader.Builder sub = SubHeader.builder().targetDaemon(r.nextInt(0x10000));
        int flags;
        int[] destinations;
        if (kind == 0) { // broadcast request
            flags = Wire.FLAG_BROADCAST | Wire.FLAG_RESPONSE_REQUESTED;
            destinations = new int[0];
            int expected = 1 + r.nextInt(31);
            sub.responses(r.nextBoolean() ? ResponseSpec.all(expected) : ResponseSpec.nOfM(1 + r.nextInt(expected), expected));
            sub.timeoutMillis(r.nextInt(Integer.MAX_VALUE));
        } else {
            destinations = r.ints(1 + r.nextInt(kind == 3 ? Wire.MAX_DESTINATIONS : 8)).toArray();
            flags = kind == 1 ? 0 : Wire.FLAG_RESPONSE | (kind == 2 && r.nextBoolean() ? Wire.FLAG_ERROR : 0);
            if ((flags & Wire.FLAG_ERROR) != 0) {
                sub.errorCode(r.nextInt(0x10000));
            }
        }
        if (r.nextBoolean()) {
            sub.replyTo(new ReplyTo(r.nextInt(), r.nextInt(0x10000))).originatingDaemon(r.nextInt(0x10000));
        }
        if (r.nextInt(5) == 0) {
            byte[] value = new byte[r.nextInt(40)];
            r.nextBytes(value);
            sub.unknownEntries(List.of(new UnknownEntry(0x40 + r.nextInt(0x40), 0, value)));
        }
        byte[] payload = new byte[r.nextInt(5) == 0 ? r.nextInt(70_000) : r.nextInt(300)];
        r.nextBytes(payload);
        return new Packet(new PacketHeader(type, flags, r.nextInt(), r.nextLong(), r.nextInt(), destinations), sub.build(), payload);
    }
}
