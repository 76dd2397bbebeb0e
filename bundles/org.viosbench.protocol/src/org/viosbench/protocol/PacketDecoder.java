package org.viosbench.protocol;

import java.util.Arrays;
import java.util.zip.CRC32C;

import io.netty.buffer.ByteBuf;

/**
 * Reads one packet. Never throws on malformed input: it returns a {@link DecodeFailure} that
 * names the problem and the byte offset (from the start of the packet). Nothing is allocated
 * from a length field before that length is checked against its limit and against the bytes
 * actually present. The buffer's indices are not changed.
 */
public final class PacketDecoder {

    private static final byte[] NO_EXTENSION = new byte[0];

    private PacketDecoder() {
    }

    /** Decodes the readable bytes of {@code buf} as one packet, verifying both checksums. */
    public static Decoded decode(ByteBuf buf) {
        return decode(buf, true, false);
    }

    /**
     * Decodes the readable bytes of {@code buf} as one packet.
     *
     * @param verifyChecksums false skips the two CRC checks (for bytes a VKE has verified already)
     * @param retainPayload   true retains the payload bytes; the caller then calls {@link Packet#release()}
     */
    public static Decoded decode(ByteBuf buf, boolean verifyChecksums, boolean retainPayload) {
        int start = buf.readerIndex();
        int length = buf.readableBytes();
        // Parse from a byte array: the buffer's own for heap buffers, else a copy of the fixed header
        // (and, once its lengths are checked, of header and sub-header: at most 6 KiB; the payload is never copied).
        // Failure texts are built in the cold methods below, which keeps this method small for the JIT.
        byte[] a;
        int base;
        if (buf.hasArray()) {
            a = buf.array();
            base = buf.arrayOffset() + start;
        } else {
            a = new byte[Math.min(length, Wire.FIXED_HEADER_LENGTH)];
            buf.getBytes(start, a);
            base = 0;
        }
        if (length < Wire.FIXED_HEADER_LENGTH || Bytes.i32(a, base) != Wire.MAGIC
                || Bytes.u8(a, base + Wire.OFF_VERSION_MAJOR) != Wire.VERSION_MAJOR) {
            return badStart(a, base, length);
        }
        int minor = Bytes.u8(a, base + Wire.OFF_VERSION_MINOR);
        int headerLength = Bytes.u16(a, base + Wire.OFF_HEADER_LENGTH);
        int typeCode = Bytes.u16(a, base + Wire.OFF_TYPE);
        int flags = Bytes.u16(a, base + Wire.OFF_FLAGS);
        int destinationCount = Bytes.u16(a, base + Wire.OFF_DESTINATION_COUNT);
        int subLength = Bytes.u16(a, base + Wire.OFF_SUB_HEADER_LENGTH);
        long payloadLength = Bytes.u32(a, base + Wire.OFF_PAYLOAD_LENGTH);

        MessageType type = MessageType.fromCode(typeCode);
        int known = Wire.headerLength(destinationCount);
        long total = headerLength + subLength + payloadLength;
        if (type == null || destinationCount > Wire.MAX_DESTINATIONS || headerLength < known
                || (headerLength != known && minor <= Wire.VERSION_MINOR) || headerLength > Wire.MAX_HEADER_LENGTH
                || headerLength % 4 != 0 || subLength > Wire.MAX_SUB_HEADER_LENGTH || payloadLength > Wire.MAX_PAYLOAD_LENGTH
                || total != length) {
            return badLengths(typeCode, minor, headerLength, destinationCount, subLength, payloadLength, length);
        }
        int headerEnd = headerLength + subLength;
        if (!buf.hasArray()) {
            a = new byte[headerEnd];
            buf.getBytes(start, a);
        }
        if (verifyChecksums) {
            CRC32C crc = new CRC32C();
            crc.update(a, base, Wire.OFF_HEADER_CHECKSUM);
            crc.update(a, base + Wire.OFF_HEADER_CHECKSUM + 4, headerEnd - Wire.OFF_HEADER_CHECKSUM - 4);
            int actual = (int) crc.getValue();
            if (Bytes.i32(a, base + Wire.OFF_HEADER_CHECKSUM) != actual) {
                return badHeaderChecksum(Bytes.i32(a, base + Wire.OFF_HEADER_CHECKSUM), actual, headerEnd, length);
            }
        }
        if (!PacketRules.flagsValid(flags, destinationCount)) {
            return fail(DecodeError.INCONSISTENT_FLAGS, Wire.OFF_FLAGS, PacketRules.flagProblem(flags, destinationCount), length);
        }
        int[] destinations = null;
        int first = destinationCount == 0 ? 0 : Bytes.i32(a, base + Wire.OFF_DESTINATIONS);
        if (destinationCount >= 2) {
            destinations = new int[destinationCount];
            for (int i = 0; i < destinationCount; i++) {
                destinations[i] = Bytes.i32(a, base + Wire.OFF_DESTINATIONS + 4 * i);
            }
        }

        byte[] extension = headerLength == known ? NO_EXTENSION : Arrays.copyOfRange(a, base + known, base + headerLength);
        Object sub = EntryReader.read(a, base, headerLength, headerEnd, length);
        if (sub instanceof DecodeFailure f) {
            return f;
        }
        SubHeader subHeader = (SubHeader) sub;
        if (!PacketRules.entriesValid(flags, subHeader)) {
            return PacketRules.entryFailure(flags, subHeader, headerLength, length);
        }
        int payloadLen = (int) payloadLength;
        if (verifyChecksums) {
            int actual = payloadLen == 0 ? 0 : Crc32c.of(buf, start + headerEnd, payloadLen); // CRC-32C of nothing is 0
            if (Bytes.i32(a, base + Wire.OFF_PAYLOAD_CHECKSUM) != actual) {
                return badPayloadChecksum(Bytes.i32(a, base + Wire.OFF_PAYLOAD_CHECKSUM), actual, headerEnd, payloadLen, length);
            }
        }
        PacketHeader header = new PacketHeader(minor, type, flags, Bytes.i32(a, base + Wire.OFF_SOURCE),
                Bytes.i64(a, base + Wire.OFF_MESSAGE_ID), Bytes.i32(a, base + Wire.OFF_SEQUENCE), destinations, destinationCount, first, extension);
        if (retainPayload) {
            return new Packet(header, subHeader, buf.retainedSlice(start + headerEnd, payloadLen), 0, payloadLen, true);
        }
        return new Packet(header, subHeader, buf, start + headerEnd, payloadLen, false);
    }

    /** Which of magic, major version and fixed-header length is wrong, in that order. */
    private static DecodeFailure badStart(byte[] a, int base, int length) {
        if (length >= 4 && Bytes.i32(a, base) != Wire.MAGIC) {
            return fail(DecodeError.BAD_MAGIC, 0, String.format("magic is 0x%08X, expected 0x%08X (\"VIOS\")",
                    Bytes.i32(a, base), Wire.MAGIC), length);
        }
        if (length >= 5 && Bytes.u8(a, base + Wire.OFF_VERSION_MAJOR) != Wire.VERSION_MAJOR) {
            return fail(DecodeError.UNSUPPORTED_VERSION, Wire.OFF_VERSION_MAJOR, "major version "
                    + Bytes.u8(a, base + Wire.OFF_VERSION_MAJOR) + ", this reader knows " + Wire.VERSION_MAJOR, length);
        }
        return fail(DecodeError.TRUNCATED, length, "packet has " + length + " bytes, the fixed header alone needs "
                + Wire.FIXED_HEADER_LENGTH, length);
    }

    /** The first wrong field among type, destination count and the three lengths, in that order. */
    private static DecodeFailure badLengths(int typeCode, int minor, int headerLength, int destinationCount, int subLength,
            long payloadLength, int length) {
        if (MessageType.fromCode(typeCode) == null) {
            return fail(DecodeError.UNKNOWN_MESSAGE_TYPE, Wire.OFF_TYPE, String.format("message type 0x%04X", typeCode), length);
        }
        if (destinationCount > Wire.MAX_DESTINATIONS) {
            return fail(DecodeError.TOO_MANY_DESTINATIONS, Wire.OFF_DESTINATION_COUNT,
                    destinationCount + " destinations, the limit is " + Wire.MAX_DESTINATIONS, length);
        }
        int known = Wire.headerLength(destinationCount);
        boolean extended = minor > Wire.VERSION_MINOR;
        if (headerLength < known || (!extended && headerLength != known) || headerLength > Wire.MAX_HEADER_LENGTH
                || headerLength % 4 != 0) {
            return fail(DecodeError.BAD_HEADER_LENGTH, Wire.OFF_HEADER_LENGTH, "header length " + headerLength + " for "
                    + destinationCount + " destinations, expected " + known + (extended ? " or more" : ""), length);
        }
        if (subLength > Wire.MAX_SUB_HEADER_LENGTH) {
            return fail(DecodeError.SUB_HEADER_TOO_LONG, Wire.OFF_SUB_HEADER_LENGTH, "sub-header length " + subLength
                    + ", the limit is " + Wire.MAX_SUB_HEADER_LENGTH, length);
        }
        if (payloadLength > Wire.MAX_PAYLOAD_LENGTH) {
            return fail(DecodeError.PAYLOAD_TOO_LONG, Wire.OFF_PAYLOAD_LENGTH, "payload length " + payloadLength
                    + ", the limit is " + Wire.MAX_PAYLOAD_LENGTH, length);
        }
        long total = headerLength + subLength + payloadLength;
        if (total > length) {
            return fail(DecodeError.TRUNCATED, length, "lengths add up to " + total + " bytes (header " + headerLength
                    + ", sub-header " + subLength + ", payload " + payloadLength + "), only " + length + " present", length);
        }
        return fail(DecodeError.TRAILING_BYTES, (int) total, (length - total) + " bytes after the payload; lengths add up to "
                + total, length);
    }

    private static DecodeFailure badHeaderChecksum(int stored, int actual, int headerEnd, int length) {
        return fail(DecodeError.BAD_HEADER_CHECKSUM, Wire.OFF_HEADER_CHECKSUM,
                String.format("stored 0x%08X, computed 0x%08X over bytes 0-39 and 44-%d", stored, actual, headerEnd - 1), length);
    }

    private static DecodeFailure badPayloadChecksum(int stored, int actual, int headerEnd, int payloadLen, int length) {
        return fail(DecodeError.BAD_PAYLOAD_CHECKSUM, headerEnd, String.format(
                "payload bytes %d-%d have CRC-32C 0x%08X, the header (byte 36) says 0x%08X",
                headerEnd, headerEnd + payloadLen - 1, actual, stored), length);
    }

    static DecodeFailure fail(DecodeError error, int offset, String detail, int length) {
        return new DecodeFailure(error, offset, detail, length);
    }
}
