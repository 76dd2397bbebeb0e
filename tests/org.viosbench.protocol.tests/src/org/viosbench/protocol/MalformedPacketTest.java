package org.viosbench.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.viosbench.protocol.Fixtures.Fixture;

import io.netty.buffer.Unpooled;

/** Every kind of malformed packet yields a DecodeFailure naming the problem and its byte offset. */
class MalformedPacketTest {

    static Stream<Fixture> fixtures() {
        return Fixtures.ALL.stream();
    }

    static DecodeFailure failure(byte[] bytes) {
        Decoded d;
        try {
            d = PacketDecoder.decode(Unpooled.wrappedBuffer(bytes));
        } catch (RuntimeException e) {
            return fail("the decoder threw on malformed input", e);
        }
        assertFalse(d.ok(), () -> "malformed packet decoded: " + d);
        return (DecodeFailure) d;
    }

    static void assertFailure(DecodeError error, int offset, byte[] bytes) {
        DecodeFailure f = failure(bytes);
        assertEquals(error, f.error(), f.message());
        assertEquals(offset, f.offset(), f.message());
        assertFalse(f.detail().isBlank());
    }

    static final byte[] UNICAST = Fixtures.UNICAST_REQUEST.bytes();
    static final int SUB_START = Wire.headerLength(1);

    @ParameterizedTest
    @MethodSource("fixtures")
    void truncationAtEveryOffsetFailsCleanly(Fixture f) {
        byte[] bytes = f.bytes();
        for (int n = 0; n < bytes.length; n++) {
            byte[] prefix = java.util.Arrays.copyOf(bytes, n);
            DecodeFailure failure = failure(prefix);
            assertEquals(DecodeError.TRUNCATED, failure.error(), "prefix of " + n + ": " + failure.message());
            assertEquals(n, failure.offset(), failure.message());
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everySingleBitFlipIsDetected(Fixture f) {
        byte[] bytes = f.bytes();
        for (int bit = 0; bit < bytes.length * 8; bit++) {
            byte[] flipped = bytes.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            DecodeFailure failure = failure(flipped);
            assertTrue(failure.offset() >= 0 && failure.offset() <= bytes.length, failure.message());
        }
    }

    @Test
    void badMagic() {
        byte[] b = UNICAST.clone();
        b[0] = 'X';
        assertFailure(DecodeError.BAD_MAGIC, 0, b);
        assertTrue(failure(b).detail().contains("0x58494F53"), failure(b).detail());
    }

    @Test
    void unsupportedMajorVersion() {
        byte[] b = UNICAST.clone();
        b[Wire.OFF_VERSION_MAJOR] = 2;
        assertFailure(DecodeError.UNSUPPORTED_VERSION, Wire.OFF_VERSION_MAJOR, b);
    }

    @Test
    void unknownMessageType() {
        assertFailure(DecodeError.UNKNOWN_MESSAGE_TYPE, Wire.OFF_TYPE, Wires.setShort(UNICAST, Wire.OFF_TYPE, 0x7777));
    }

    @Test
    void lengthsThatLie() {
        assertFailure(DecodeError.TRUNCATED, UNICAST.length, Wires.setShort(UNICAST, Wire.OFF_SUB_HEADER_LENGTH, 44));
        assertFailure(DecodeError.TRUNCATED, UNICAST.length, Wires.setInt(UNICAST, Wire.OFF_PAYLOAD_LENGTH, 6));
        assertFailure(DecodeError.TRAILING_BYTES, UNICAST.length - 1, Wires.setInt(UNICAST, Wire.OFF_PAYLOAD_LENGTH, 4));
        assertFailure(DecodeError.BAD_HEADER_LENGTH, Wire.OFF_HEADER_LENGTH, Wires.setShort(UNICAST, Wire.OFF_HEADER_LENGTH, 52));
        assertFailure(DecodeError.BAD_HEADER_LENGTH, Wire.OFF_HEADER_LENGTH, Wires.setShort(UNICAST, Wire.OFF_DESTINATION_COUNT, 2));
        assertFailure(DecodeError.BAD_HEADER_LENGTH, Wire.OFF_HEADER_LENGTH, Wires.setShort(UNICAST, Wire.OFF_HEADER_LENGTH, 20));
    }

    @Test
    void oversizedFieldsAreRefusedWithoutAllocating() {
        assertFailure(DecodeError.PAYLOAD_TOO_LONG, Wire.OFF_PAYLOAD_LENGTH, Wires.setInt(UNICAST, Wire.OFF_PAYLOAD_LENGTH, -1));
        assertFailure(DecodeError.PAYLOAD_TOO_LONG, Wire.OFF_PAYLOAD_LENGTH,
                Wires.setInt(UNICAST, Wire.OFF_PAYLOAD_LENGTH, Wire.MAX_PAYLOAD_LENGTH + 1));
        assertFailure(DecodeError.SUB_HEADER_TOO_LONG, Wire.OFF_SUB_HEADER_LENGTH,
                Wires.setShort(UNICAST, Wire.OFF_SUB_HEADER_LENGTH, 0xFFFF));
        assertFailure(DecodeError.TOO_MANY_DESTINATIONS, Wire.OFF_DESTINATION_COUNT,
                Wires.setShort(UNICAST, Wire.OFF_DESTINATION_COUNT, 0xFFFF));
    }

    @Test
    void checksums() {
        byte[] header = UNICAST.clone();
        header[Wire.OFF_SEQUENCE + 3] ^= 1;
        assertFailure(DecodeError.BAD_HEADER_CHECKSUM, Wire.OFF_HEADER_CHECKSUM, header);
        byte[] payload = UNICAST.clone();
        payload[payload.length - 1] ^= 0x20;
        assertFailure(DecodeError.BAD_PAYLOAD_CHECKSUM, UNICAST.length - 5, payload);
        assertTrue(PacketDecoder.decode(Unpooled.wrappedBuffer(payload), false, false).ok(),
                "without verification the payload flip goes unnoticed");
    }

    @Test
    void inconsistentFlags() {
        assertFailure(DecodeError.INCONSISTENT_FLAGS, Wire.OFF_FLAGS, Wires.reseal(
                Wires.setShort(UNICAST, Wire.OFF_FLAGS, Wire.FLAG_BROADCAST | Wire.FLAG_RESPONSE_REQUESTED)));
        assertFailure(DecodeError.INCONSISTENT_FLAGS, Wire.OFF_FLAGS, Wires.reseal(
                Wires.setShort(UNICAST, Wire.OFF_FLAGS, Wire.FLAG_RESPONSE | Wire.FLAG_RESPONSE_REQUESTED)));
        assertFailure(DecodeError.INCONSISTENT_FLAGS, Wire.OFF_FLAGS, Wires.reseal(
                Wires.setShort(UNICAST, Wire.OFF_FLAGS, Wire.FLAG_ERROR | Wire.FLAG_RESPONSE_REQUESTED)));
        // an EXPECTED_RESPONSES entry the flags do not ask for: the flags and the entry disagree
        assertFailure(DecodeError.INCONSISTENT_FLAGS, Wire.OFF_FLAGS, Wires.reseal(Wires.setShort(UNICAST, Wire.OFF_FLAGS, 0)));
    }

    @Test
    void unknownReservedFlagBitsAreIgnored() {
        Decoded d = PacketDecoder.decode(Unpooled.wrappedBuffer(Wires.reseal(
                Wires.setShort(UNICAST, Wire.OFF_FLAGS, Wire.FLAG_RESPONSE_REQUESTED | 0x8000))));
        assertTrue(d.ok(), d::toString);
    }

    @Test
    void subHeaderEntryProblems() {
        // entries: EXPECTED_RESPONSES at SUB_START, TIMEOUT at +10, TARGET_DAEMON at +18
        byte[] overrun = UNICAST.clone();
        overrun[SUB_START + 3] = 100;
        assertFailure(DecodeError.BAD_ENTRY, SUB_START + 2, Wires.reseal(overrun));

        byte[] badLength = Wires.setShort(UNICAST, SUB_START + 10 + 2, 2);
        assertFailure(DecodeError.BAD_ENTRY, SUB_START + 10 + 2, Wires.reseal(badLength));

        byte[] badPolicy = UNICAST.clone();
        badPolicy[SUB_START + 4] = 9;
        assertFailure(DecodeError.BAD_ENTRY_VALUE, SUB_START + 4, Wires.reseal(badPolicy));

        byte[] badCounts = Wires.setShort(UNICAST, SUB_START + 4 + 4, 2); // required 2 of expected 1
        assertFailure(DecodeError.BAD_ENTRY_VALUE, SUB_START + 4 + 4, Wires.reseal(badCounts));

        byte[] duplicate = UNICAST.clone();
        duplicate[SUB_START + 10] = (byte) EntryType.EXPECTED_RESPONSES.code(); // TIMEOUT becomes a 2nd EXPECTED_RESPONSES
        assertFailure(DecodeError.DUPLICATE_ENTRY, SUB_START + 10, Wires.reseal(duplicate));

        byte[] mandatoryUnknown = UNICAST.clone();
        mandatoryUnknown[SUB_START + 10] = 0x70;
        mandatoryUnknown[SUB_START + 11] = Wire.ENTRY_FLAG_MANDATORY;
        assertFailure(DecodeError.UNKNOWN_MANDATORY_ENTRY, SUB_START + 10, Wires.reseal(mandatoryUnknown));

        byte[] optionalUnknown = UNICAST.clone();
        optionalUnknown[SUB_START + 10] = 0x70;
        optionalUnknown[SUB_START + 11] = 0;
        Decoded skipped = PacketDecoder.decode(Unpooled.wrappedBuffer(Wires.reseal(optionalUnknown)));
        assertTrue(skipped.ok(), skipped::toString);
        Packet p = (Packet) skipped;
        assertEquals(SubHeader.ABSENT, p.subHeader().timeoutMillis());
        assertEquals(0x70, p.subHeader().unknownEntries().get(0).type());
        assertEquals(10, p.subHeader().targetDaemon(), "entries after the skipped one are read");

        byte[] missingTarget = UNICAST.clone();
        missingTarget[SUB_START + 18] = 0x71; // TARGET_DAEMON becomes an unknown optional entry
        missingTarget[SUB_START + 19] = 0;
        assertFailure(DecodeError.MISSING_ENTRY, SUB_START, Wires.reseal(missingTarget));
    }

    @Test
    void randomGarbageNeverThrows() {
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] garbage = new byte[r.nextInt(200)];
            r.nextBytes(garbage);
            if (r.nextBoolean() && garbage.length >= 8) { // a plausible start gets the decoder further
                System.arraycopy(UNICAST, 0, garbage, 0, Math.min(garbage.length, 8 + r.nextInt(40)));
            }
            failure(garbage);
        }
    }
}
