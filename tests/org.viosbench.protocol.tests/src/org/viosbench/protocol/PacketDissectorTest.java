package org.viosbench.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.viosbench.protocol.PacketDissector.Dissection;
import org.viosbench.protocol.PacketDissector.Field;

/** Fields laid over the bytes of the golden packets, and as far as malformed ones go. */
class PacketDissectorTest {

    private static byte[] bytes(Fixtures.Fixture f) {
        return HexFormat.of().parseHex(f.hex());
    }

    @Test
    void theUnicastRequestIsLaidOutFieldByField() {
        byte[] b = bytes(Fixtures.UNICAST_REQUEST);
        Dissection d = PacketDissector.dissect(b);
        assertNull(d.failure());
        assertEquals(List.of("Header", "Sub-header", "Payload"), d.fields().stream().map(Field::name).toList());
        Field id = d.at(Wire.OFF_MESSAGE_ID + 3);
        assertEquals("Message id", id.name());
        assertEquals(Long.toUnsignedString(Fixtures.REQUEST_ID), id.value());
        assertEquals(Wire.OFF_MESSAGE_ID, id.offset());
        assertEquals(8, id.length());
        assertEquals("0x0002 (response requested)", d.at(Wire.OFF_FLAGS).value());
        assertEquals("0x0001 (DATA)", d.at(Wire.OFF_TYPE).value());
        assertEquals("Destination 1", d.at(Wire.OFF_DESTINATIONS).name());
        Field sub = d.fields().get(1);
        assertEquals(List.of("EXPECTED_RESPONSES", "TIMEOUT", "TARGET_DAEMON", "REPLY_TO", "ORIGINATING_DAEMON"),
                sub.children().stream().map(Field::name).toList());
        Field timeout = sub.children().get(1);
        assertEquals("00001388", timeout.value(), "5000 ms");
        assertEquals("Value", d.at(timeout.offset() + 4).name());
        Field payload = d.fields().get(2);
        assertEquals("5 bytes: \"hello\"", payload.value());
        assertEquals(b.length - 5, payload.offset());
        // every byte belongs to exactly one innermost field
        for (int i = 0; i < b.length; i++) {
            assertTrue(d.at(i) != null, "byte " + i + " has a field");
        }
        assertNull(d.at(b.length));
    }

    @Test
    void aMalformedPacketIsDissectedAsFarAsItGoesWithTheDecodersVerdict() {
        byte[] b = bytes(Fixtures.UNICAST_REQUEST);
        b[Wire.OFF_HEADER_CHECKSUM] ^= 0x01;
        Dissection d = PacketDissector.dissect(b);
        assertEquals(DecodeError.BAD_HEADER_CHECKSUM, d.failure().error());
        assertEquals(Wire.OFF_HEADER_CHECKSUM, d.failure().offset());
        assertEquals(3, d.fields().size(), "still laid out");

        byte[] cut = java.util.Arrays.copyOf(bytes(Fixtures.UNICAST_REQUEST), 20);
        Dissection t = PacketDissector.dissect(cut);
        assertEquals(DecodeError.TRUNCATED, t.failure().error());
        assertEquals(1, t.fields().size());
        assertEquals("Source VIOS", t.at(12).name(), "the fields that are there are named");
        assertEquals("Header", t.at(16).name(), "a field the bytes do not complete is not");
        assertNull(t.at(20));

        byte[] lying = bytes(Fixtures.UNICAST_REQUEST);
        lying[Wire.OFF_SUB_HEADER_LENGTH] = (byte) 0x7F; // sub-header length far beyond the packet
        Dissection l = PacketDissector.dissect(lying);
        assertTrue(l.failure() != null);
        assertTrue(l.fields().size() >= 2, "no exception, as much as can be shown");
    }

    private static Field named(Dissection d, String name) {
        return d.fields().get(0).children().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void fieldsArePatchedWithinTheirSizeAndChecksumsRecomputed() {
        byte[] b = bytes(Fixtures.UNICAST_REQUEST);
        Dissection d = PacketDissector.dissect(b);
        byte[] patched = PacketDissector.patch(b, named(d, "Sequence"), "99");
        Dissection p = PacketDissector.dissect(patched);
        assertEquals("99", named(p, "Sequence").value());
        assertEquals(DecodeError.BAD_HEADER_CHECKSUM, p.failure().error(), "edited bytes, old checksum");
        byte[] fixed = PacketDissector.withChecksums(patched);
        assertNull(PacketDissector.dissect(fixed).failure());
        assertTrue(PacketDecoder.decode(io.netty.buffer.Unpooled.wrappedBuffer(fixed)) instanceof Packet pk && pk.header().sequence() == 99);
        // re-encoding the original gives the original checksums
        assertEquals(HexFormat.of().formatHex(b), HexFormat.of().formatHex(PacketDissector.withChecksums(b)));

        assertEquals("0x0999 (unknown)", named(PacketDissector.dissect(PacketDissector.patch(b, named(d, "Message type"), "0x0999")),
                "Message type").value());
        IllegalArgumentException big = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PacketDissector.patch(b, named(d, "Version major"), "300"));
        assertTrue(big.getMessage().contains("at most 255"), big.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> PacketDissector.patch(b, named(d, "Flags"), "x"));
        Field payload = d.fields().get(2);
        assertEquals("HELLO", new String(java.util.Arrays.copyOfRange(PacketDissector.patch(b, payload, "48454c4c4f"), payload.offset(),
                b.length)));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> PacketDissector.patch(b, payload, "4845"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> PacketDissector.patch(b, d.fields().get(0), "1"));
    }
}
