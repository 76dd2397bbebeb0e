package org.viosbench.protocol;

import io.netty.buffer.Unpooled;

/** Byte surgery on encoded packets for the malformed-input tests. */
final class Wires {

    private Wires() {
    }

    /** Recomputes the header checksum of {@code packet} after its bytes were edited. */
    static byte[] reseal(byte[] packet) {
        int headerLength = ((packet[Wire.OFF_HEADER_LENGTH] & 0xFF) << 8) | (packet[Wire.OFF_HEADER_LENGTH + 1] & 0xFF);
        int subLength = ((packet[Wire.OFF_SUB_HEADER_LENGTH] & 0xFF) << 8) | (packet[Wire.OFF_SUB_HEADER_LENGTH + 1] & 0xFF);
        int end = Math.min(packet.length, headerLength + subLength);
        Unpooled.wrappedBuffer(packet).setInt(Wire.OFF_HEADER_CHECKSUM, Crc32c.header(Unpooled.wrappedBuffer(packet), 0, end));
        return packet;
    }

    static byte[] setShort(byte[] packet, int offset, int value) {
        byte[] copy = packet.clone();
        copy[offset] = (byte) (value >> 8);
        copy[offset + 1] = (byte) value;
        return copy;
    }

    static byte[] setInt(byte[] packet, int offset, int value) {
        byte[] copy = packet.clone();
        Unpooled.wrappedBuffer(copy).setInt(offset, value);
        return copy;
    }
}
