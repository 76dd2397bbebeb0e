package org.viosbench.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.viosbench.protocol.codec.PacketFrameDecoder;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * Every row of docs/protocol.md's error tables, one packet per rule, built here byte by byte from
 * that page (not by the encoder): the decoder must name the row's error and offset. Also the
 * decoding order where two rules are broken at once, and the versioning rules for valid packets.
 */
class ConformanceTest {

    /** A packet written field by field as docs/protocol.md lays it out; anything can be overridden. */
    static final class Raw {
        int magic = 0x56494F53;
        int major = 1;
        int minor = 0;
        Integer headerLength;
        int type = 0x0001;
        int flags = 0x0002; // response requested
        int source = 1;
        long messageId = 0x0102030405060708L;
        int sequence = 7;
        int[] destinations = { 2 };
        Integer destinationCount;
        Integer subHeaderLength;
        Long payloadLength;
        Integer payloadChecksum;
        Integer headerChecksum;
        byte[] extension = new byte[0];
        final List<byte[]> entries = new ArrayList<>(List.of(
                entry(0x01, 1, 0, 0, 0, 1, 0, 1), // EXPECTED_RESPONSES ALL 1 of 1
                entry(0x03, 1, 0, 10))); // TARGET_DAEMON 10
        byte[] payload = "hello".getBytes();
        byte[] trailing = new byte[0];

        Raw with(Consumer<Raw> change) {
            change.accept(this);
            return this;
        }

        int subHeaderStart() {
            return 44 + 4 * destinations.length + extension.length;
        }

        /** Offset of entry {@code i} (in the order of {@link #entries}). */
        int entryAt(int i) {
            int at = subHeaderStart();
            for (int k = 0; k < i; k++) {
                at += entries.get(k).length;
            }
            return at;
        }

        byte[] bytes() {
            ByteArrayOutputStream sub = new ByteArrayOutputStream();
            entries.forEach(sub::writeBytes);
            int hl = headerLength != null ? headerLength : subHeaderStart();
            int sl = subHeaderLength != null ? subHeaderLength : sub.size();
            ByteBuf b = Unpooled.buffer();
            b.writeInt(magic).writeByte(major).writeByte(minor).writeShort(hl).writeShort(type).writeShort(flags).writeInt(source)
                    .writeLong(messageId).writeInt(sequence)
                    .writeShort(destinationCount != null ? destinationCount : destinations.length).writeShort(sl)
                    .writeInt((int) (payloadLength != null ? payloadLength : payload.length));
            CRC32C pc = new CRC32C();
            pc.update(payload);
            b.writeInt(payloadChecksum != null ? payloadChecksum : payload.length == 0 ? 0 : (int) pc.getValue());
            b.writeInt(0);
            for (int d : destinations) {
                b.writeInt(d);
            }
            b.writeBytes(extension).writeBytes(sub.toByteArray()).writeBytes(payload).writeBytes(trailing);
            byte[] out = new byte[b.readableBytes()];
            b.readBytes(out);
            CRC32C hc = new CRC32C();
            int end = Math.min(out.length, 44 + Math.max(0, 4 * destinations.length + extension.length) + sub.size());
            hc.update(out, 0, 40);
            hc.update(out, 44, Math.max(0, end - 44));
            Unpooled.wrappedBuffer(out).setInt(40, headerChecksum != null ? headerChecksum : (int) hc.getValue());
            return out;
        }
    }

    static byte[] entry(int type, int flags, int... valueBytes) {
        byte[] e = new byte[4 + valueBytes.length];
        e[0] = (byte) type;
        e[1] = (byte) flags;
        e[2] = (byte) (valueBytes.length >> 8);
        e[3] = (byte) valueBytes.length;
        for (int i = 0; i < valueBytes.length; i++) {
            e[4 + i] = (byte) valueBytes[i];
        }
        return e;
    }

    static Raw raw() {
        return new Raw();
    }

    /** A response (no EXPECTED_RESPONSES): flags "is response", TARGET_DAEMON only. */
    static Raw response() {
        return raw().with(r -> {
            r.flags = 0x0004;
            r.entries.remove(0);
        });
    }

    static Arguments row(String rule, DecodeError error, int offset, Raw packet) {
        return Arguments.of(rule, error, offset, packet.bytes());
    }

    static Arguments row(String rule, DecodeError error, int offset, byte[] bytes) {
        return Arguments.of(rule, error, offset, bytes);
    }

    static Stream<Arguments> rows() {
        Raw base = raw();
        int sub = base.subHeaderStart(); // 48
        int entry1 = base.entryAt(1); // TARGET_DAEMON
        int payloadStart = sub + 16;
        byte[] valid = base.bytes();
        return Stream.of(
                // the error table of "Decoding order and failures"
                row("BAD_MAGIC", DecodeError.BAD_MAGIC, 0, raw().with(r -> r.magic = 0x56494F54)),
                row("UNSUPPORTED_VERSION major 2", DecodeError.UNSUPPORTED_VERSION, 4, raw().with(r -> r.major = 2)),
                row("UNSUPPORTED_VERSION major 0", DecodeError.UNSUPPORTED_VERSION, 4, raw().with(r -> r.major = 0)),
                row("TRUNCATED fixed header", DecodeError.TRUNCATED, 30, Arrays.copyOf(valid, 30)),
                row("TRUNCATED empty input", DecodeError.TRUNCATED, 0, new byte[0]),
                row("TRUNCATED lengths say more", DecodeError.TRUNCATED, valid.length, raw().with(r -> r.payloadLength = 6L)),
                row("TRUNCATED payload cut", DecodeError.TRUNCATED, valid.length - 2, Arrays.copyOf(valid, valid.length - 2)),
                row("TRAILING_BYTES", DecodeError.TRAILING_BYTES, valid.length, raw().with(r -> r.trailing = new byte[3])),
                row("BAD_HEADER_LENGTH 1.0 longer", DecodeError.BAD_HEADER_LENGTH, 6, raw().with(r -> r.headerLength = 52)),
                row("BAD_HEADER_LENGTH shorter than destinations", DecodeError.BAD_HEADER_LENGTH, 6, raw().with(r -> r.headerLength = 44)),
                row("BAD_HEADER_LENGTH newer minor not multiple of 4", DecodeError.BAD_HEADER_LENGTH, 6,
                        raw().with(r -> { r.minor = 1; r.headerLength = 50; })),
                row("BAD_HEADER_LENGTH newer minor over the limit", DecodeError.BAD_HEADER_LENGTH, 6,
                        raw().with(r -> { r.minor = 1; r.headerLength = 2052; })),
                row("UNKNOWN_MESSAGE_TYPE 0", DecodeError.UNKNOWN_MESSAGE_TYPE, 8, raw().with(r -> r.type = 0)),
                row("UNKNOWN_MESSAGE_TYPE 7", DecodeError.UNKNOWN_MESSAGE_TYPE, 8, raw().with(r -> r.type = 7)),
                row("TOO_MANY_DESTINATIONS", DecodeError.TOO_MANY_DESTINATIONS, 28, raw().with(r -> r.destinationCount = 257)),
                row("SUB_HEADER_TOO_LONG", DecodeError.SUB_HEADER_TOO_LONG, 30, raw().with(r -> r.subHeaderLength = 4097)),
                row("PAYLOAD_TOO_LONG", DecodeError.PAYLOAD_TOO_LONG, 32, raw().with(r -> r.payloadLength = 1_048_577L)),
                row("PAYLOAD_TOO_LONG 2^32-1", DecodeError.PAYLOAD_TOO_LONG, 32, raw().with(r -> r.payloadLength = 0xFFFF_FFFFL)),
                row("BAD_HEADER_CHECKSUM", DecodeError.BAD_HEADER_CHECKSUM, 40, raw().with(r -> r.headerChecksum = 0x12345678)),
                row("BAD_PAYLOAD_CHECKSUM", DecodeError.BAD_PAYLOAD_CHECKSUM, payloadStart, raw().with(r -> r.payloadChecksum = 1)),
                row("BAD_PAYLOAD_CHECKSUM empty payload with a checksum", DecodeError.BAD_PAYLOAD_CHECKSUM, payloadStart,
                        raw().with(r -> { r.payload = new byte[0]; r.payloadChecksum = 5; })),
                // flag rules: the header alone
                row("INCONSISTENT_FLAGS broadcast with destinations", DecodeError.INCONSISTENT_FLAGS, 10,
                        raw().with(r -> r.flags = 0x0003)),
                row("INCONSISTENT_FLAGS no destination, not broadcast", DecodeError.INCONSISTENT_FLAGS, 10,
                        raw().with(r -> r.destinations = new int[0])),
                row("INCONSISTENT_FLAGS response requesting a response", DecodeError.INCONSISTENT_FLAGS, 10,
                        raw().with(r -> r.flags = 0x0006)),
                row("INCONSISTENT_FLAGS broadcast response", DecodeError.INCONSISTENT_FLAGS, 10,
                        response().with(r -> { r.flags = 0x0005; r.destinations = new int[0]; })),
                row("INCONSISTENT_FLAGS error on a request", DecodeError.INCONSISTENT_FLAGS, 10, raw().with(r -> r.flags = 0x000A)),
                // flag rules: the entries, in order
                row("MISSING_ENTRY EXPECTED_RESPONSES", DecodeError.MISSING_ENTRY, sub, raw().with(r -> r.entries.remove(0))),
                row("INCONSISTENT_FLAGS EXPECTED_RESPONSES without the flag", DecodeError.INCONSISTENT_FLAGS, 10,
                        raw().with(r -> r.flags = 0)),
                row("INCONSISTENT_FLAGS EXPECTED_RESPONSES on a response", DecodeError.INCONSISTENT_FLAGS, 10,
                        raw().with(r -> r.flags = 0x0004)),
                row("MISSING_ENTRY TARGET_DAEMON", DecodeError.MISSING_ENTRY, sub, raw().with(r -> r.entries.remove(1))),
                row("MISSING_ENTRY ERROR_CODE", DecodeError.MISSING_ENTRY, sub, response().with(r -> r.flags = 0x000C)),
                row("INCONSISTENT_FLAGS ERROR_CODE without the error flag", DecodeError.INCONSISTENT_FLAGS, 10,
                        response().with(r -> r.entries.add(entry(0x06, 1, 0, 2)))),
                // the entry table of "Sub-header"
                row("BAD_ENTRY no room for an entry header", DecodeError.BAD_ENTRY, sub + 16,
                        raw().with(r -> r.entries.add(new byte[] { 0x05, 0 }))),
                row("BAD_ENTRY value overruns the sub-header", DecodeError.BAD_ENTRY, entry1 + 2,
                        raw().with(r -> r.entries.set(1, new byte[] { 0x03, 1, 0, 9, 0, 10 }))),
                row("BAD_ENTRY unknown type overruns", DecodeError.BAD_ENTRY, sub + 16 + 2,
                        raw().with(r -> r.entries.add(new byte[] { 0x70, 0, 0, 4, 1 }))),
                row("UNKNOWN_MANDATORY_ENTRY", DecodeError.UNKNOWN_MANDATORY_ENTRY, entry1,
                        raw().with(r -> r.entries.add(1, entry(0x70, 1, 0xCA, 0xFE)))),
                row("UNKNOWN_MANDATORY_ENTRY repeated", DecodeError.UNKNOWN_MANDATORY_ENTRY, entry1,
                        raw().with(r -> { r.entries.add(1, entry(0x70, 1, 1)); r.entries.add(entry(0x70, 1, 1)); })),
                row("DUPLICATE_ENTRY known", DecodeError.DUPLICATE_ENTRY, sub + 16, raw().with(r -> r.entries.add(entry(0x03, 1, 0, 11)))),
                row("DUPLICATE_ENTRY known, wrong length too", DecodeError.DUPLICATE_ENTRY, sub + 16,
                        raw().with(r -> r.entries.add(entry(0x03, 1, 0)))),
                row("DUPLICATE_ENTRY unknown optional", DecodeError.DUPLICATE_ENTRY, sub + 16 + 5,
                        raw().with(r -> { r.entries.add(entry(0x7F, 0, 0xCA)); r.entries.add(entry(0x7F, 0, 0xFE, 0xED)); })),
                row("BAD_ENTRY known type, value too short", DecodeError.BAD_ENTRY, entry1 + 2,
                        raw().with(r -> r.entries.set(1, entry(0x03, 1, 10)))),
                row("BAD_ENTRY known type, value too long", DecodeError.BAD_ENTRY, sub + 16 + 2,
                        raw().with(r -> r.entries.add(entry(0x02, 0, 0, 0, 0, 1, 0)))),
                row("BAD_ENTRY known type, empty value", DecodeError.BAD_ENTRY, sub + 2,
                        raw().with(r -> r.entries.set(0, entry(0x01, 1)))),
                row("BAD_ENTRY_VALUE policy", DecodeError.BAD_ENTRY_VALUE, sub + 4,
                        raw().with(r -> r.entries.set(0, entry(0x01, 1, 3, 0, 0, 1, 0, 1)))),
                row("BAD_ENTRY_VALUE M = 0", DecodeError.BAD_ENTRY_VALUE, sub + 4 + 2,
                        raw().with(r -> r.entries.set(0, entry(0x01, 1, 0, 0, 0, 0, 0, 0)))),
                row("BAD_ENTRY_VALUE N for ALL", DecodeError.BAD_ENTRY_VALUE, sub + 4 + 4,
                        raw().with(r -> r.entries.set(0, entry(0x01, 1, 0, 0, 0, 3, 0, 2)))),
                row("BAD_ENTRY_VALUE N for FIRST", DecodeError.BAD_ENTRY_VALUE, sub + 4 + 4,
                        raw().with(r -> r.entries.set(0, entry(0x01, 1, 1, 0, 0, 3, 0, 2)))),
                row("BAD_ENTRY_VALUE N = 0 for N_OF_M", DecodeError.BAD_ENTRY_VALUE, sub + 4 + 4,
                        raw().with(r -> r.entries.set(0, entry(0x01, 1, 2, 0, 0, 3, 0, 0)))),
                row("BAD_ENTRY_VALUE N > M for N_OF_M", DecodeError.BAD_ENTRY_VALUE, sub + 4 + 4,
                        raw().with(r -> r.entries.set(0, entry(0x01, 1, 2, 0, 0, 3, 0, 4)))),
                row("BAD_ENTRY_VALUE TIMEOUT over 2^31-1", DecodeError.BAD_ENTRY_VALUE, sub + 16 + 4,
                        raw().with(r -> r.entries.add(entry(0x02, 0, 0x80, 0, 0, 0)))),
                // decoding order: the earlier rule wins
                row("order: magic before version", DecodeError.BAD_MAGIC, 0, raw().with(r -> { r.magic = 0; r.major = 9; })),
                row("order: version before truncation", DecodeError.UNSUPPORTED_VERSION, 4,
                        Arrays.copyOf(raw().with(r -> r.major = 3).bytes(), 10)),
                row("order: type before destination count", DecodeError.UNKNOWN_MESSAGE_TYPE, 8,
                        raw().with(r -> { r.type = 0x99; r.destinationCount = 300; })),
                row("order: destination count before header length", DecodeError.TOO_MANY_DESTINATIONS, 28,
                        raw().with(r -> { r.destinationCount = 300; r.headerLength = 7; })),
                row("order: header length before sub-header limit", DecodeError.BAD_HEADER_LENGTH, 6,
                        raw().with(r -> { r.headerLength = 40; r.subHeaderLength = 5000; })),
                row("order: sub-header limit before payload limit", DecodeError.SUB_HEADER_TOO_LONG, 30,
                        raw().with(r -> { r.subHeaderLength = 5000; r.payloadLength = 2_000_000L; })),
                row("order: payload limit before truncation", DecodeError.PAYLOAD_TOO_LONG, 32, raw().with(r -> r.payloadLength = 2_000_000L)),
                row("order: lengths before header checksum", DecodeError.TRAILING_BYTES, valid.length,
                        raw().with(r -> { r.trailing = new byte[1]; r.headerChecksum = 0; })),
                row("order: header checksum before flags", DecodeError.BAD_HEADER_CHECKSUM, 40,
                        raw().with(r -> { r.flags = 0x0003; r.headerChecksum = 0; })),
                row("order: flags before entries", DecodeError.INCONSISTENT_FLAGS, 10,
                        raw().with(r -> { r.flags = 0x000A; r.entries.set(0, entry(0x01, 1, 9, 0, 0, 1, 0, 1)); })),
                row("order: entries in wire order", DecodeError.BAD_ENTRY_VALUE, sub + 4,
                        raw().with(r -> { r.entries.set(0, entry(0x01, 1, 9, 0, 0, 1, 0, 1)); r.entries.add(entry(0x70, 1)); })),
                row("order: entries before entry rules", DecodeError.DUPLICATE_ENTRY, sub + 6,
                        raw().with(r -> { r.entries.remove(0); r.entries.add(entry(0x03, 1, 0, 1)); })),
                row("order: EXPECTED_RESPONSES rule before TARGET_DAEMON", DecodeError.INCONSISTENT_FLAGS, 10,
                        raw().with(r -> { r.flags = 0; r.entries.remove(1); })),
                row("order: entry rules before payload checksum", DecodeError.MISSING_ENTRY, sub,
                        raw().with(r -> { r.entries.remove(1); r.payloadChecksum = 0; })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyRowOfTheErrorTables(String rule, DecodeError error, int offset, byte[] packet) {
        Decoded d = PacketDecoder.decode(Unpooled.wrappedBuffer(packet));
        assertTrue(d instanceof DecodeFailure, () -> rule + ": decoded " + d);
        DecodeFailure f = (DecodeFailure) d;
        assertEquals(error, f.error(), () -> rule + ": " + f.message());
        assertEquals(offset, f.offset(), () -> rule + ": " + f.message());
        assertEquals(packet.length, f.length());
        assertTrue(f.detail().length() > 5, () -> rule + ": no detail");
    }

    @Test
    void frameTooLongIsReportedAtTheFrameStartAndTheNextFrameIsRead() {
        EmbeddedChannel channel = new EmbeddedChannel(new PacketFrameDecoder());
        byte[] ok = raw().bytes();
        ByteBuf stream = Unpooled.buffer().writeInt(1_054_721);
        stream.writeZero(1_054_721).writeInt(ok.length).writeBytes(ok);
        channel.writeInbound(stream);
        DecodeFailure f = channel.readInbound();
        assertEquals(DecodeError.FRAME_TOO_LONG, f.error());
        assertEquals(0, f.offset());
        ByteBuf next = channel.readInbound();
        assertEquals(ok.length, next.readableBytes());
        next.release();
        channel.finishAndReleaseAll();
    }

    @Test
    void theLargestPacketIsAccepted() {
        Raw largest = raw().with(r -> {
            r.minor = 1;
            r.destinations = new int[256];
            Arrays.fill(r.destinations, 2);
            r.extension = new byte[2048 - 44 - 4 * 256];
            r.entries.add(entry(0x70, 0, new int[4096 - 16 - 4]));
            r.payload = new byte[1_048_576];
        });
        byte[] bytes = largest.bytes();
        assertEquals(1_054_720, bytes.length);
        Decoded d = PacketDecoder.decode(Unpooled.wrappedBuffer(bytes));
        assertTrue(d.ok(), d::toString);
    }

    @Test
    void aNewerMinorWithAHeaderExtensionIsReadKeptAndForwardedUnchanged() {
        byte[] extension = { 1, 2, 3, 4, 5, 6, 7, 8 };
        byte[] bytes = raw().with(r -> {
            r.minor = 3;
            r.extension = extension;
            r.entries.add(entry(0x7E, 0, 0xAB)); // an entry type of that minor: skippable
        }).bytes();
        Decoded d = PacketDecoder.decode(Unpooled.wrappedBuffer(bytes));
        assertTrue(d.ok(), d::toString);
        Packet p = (Packet) d;
        assertEquals(3, p.header().versionMinor());
        assertArrayEquals(extension, p.header().extension());
        assertEquals(56, p.header().encodedLength(), "header length on the wire, extension included");
        assertEquals(bytes.length, p.encodedLength(), "packet length on the wire");
        assertEquals(10, p.subHeader().targetDaemon(), "the sub-header starts after the extension");
        assertArrayEquals(bytes, PacketEncoder.INSTANCE.encodeToArray(p), "re-encoded byte for byte");
    }

    @Test
    void aMinorZeroReaderRuleRefusesAnExtensionOnMinorZero() {
        byte[] bytes = raw().with(r -> r.extension = new byte[4]).bytes();
        DecodeFailure f = (DecodeFailure) PacketDecoder.decode(Unpooled.wrappedBuffer(bytes));
        assertEquals(DecodeError.BAD_HEADER_LENGTH, f.error());
    }

    @Test
    void theEncoderWritesTheMinorItIsGiven() {
        Packet p = new Packet(new PacketHeader(MessageType.PING, 0, 5, 9, 1, 6).withVersion(2, new byte[] { 9, 9, 9, 9 }),
                SubHeader.builder().targetDaemon(1).build(), new byte[0]);
        byte[] bytes = PacketEncoder.INSTANCE.encodeToArray(p);
        assertEquals(2, bytes[5]);
        assertEquals(52, ((bytes[6] & 0xFF) << 8) | (bytes[7] & 0xFF));
        Packet back = (Packet) PacketDecoder.decode(Unpooled.wrappedBuffer(bytes));
        assertEquals(p, back);
        assertEquals(2, back.header().versionMinor());
    }

    @Test
    void headerExtensionsAreRefusedWhereTheSpecForbidsThem() {
        PacketHeader h = new PacketHeader(MessageType.PING, 0, 5, 9, 1, 6);
        assertEquals("minor version 0 has no header fields after the destinations",
                assertThrows(IllegalArgumentException.class, () -> h.withVersion(0, new byte[4]))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> h.withVersion(1, new byte[3]));
        assertThrows(IllegalArgumentException.class, () -> h.withVersion(256, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> h.withVersion(1, new byte[2008]));
        assertEquals(2048, h.withVersion(1, new byte[2000]).encodedLength());
    }

    @Test
    void reservedBitsAndTheReservedByteAreIgnoredOnRead() {
        byte[] bytes = raw().with(r -> {
            r.flags = 0x0002 | 0xFFF0;
            r.entries.set(0, entry(0x01, 1 | 0xFE, 0, 0xFF, 0, 1, 0, 1));
        }).bytes();
        Decoded d = PacketDecoder.decode(Unpooled.wrappedBuffer(bytes));
        assertTrue(d.ok(), d::toString);
    }
}
