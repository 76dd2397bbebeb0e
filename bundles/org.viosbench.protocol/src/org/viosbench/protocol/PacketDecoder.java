package org.viosbench.protocol;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;

/**
 * Reads one packet. Never throws on malformed input: it returns a {@link DecodeFailure} that
 * names the problem and the byte offset (from the start of the packet). Nothing is allocated
 * from a length field before that length is checked against its limit and against the bytes
 * actually present. The buffer's indices are not changed.
 */
public final class PacketDecoder {

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
        if (length >= 4 && buf.getInt(start) != Wire.MAGIC) {
            return fail(DecodeError.BAD_MAGIC, 0, String.format("magic is 0x%08X, expected 0x%08X (\"VIOS\")",
                    buf.getInt(start), Wire.MAGIC), length);
        }
        if (length >= 5 && buf.getUnsignedByte(start + Wire.OFF_VERSION_MAJOR) != Wire.VERSION_MAJOR) {
            return fail(DecodeError.UNSUPPORTED_VERSION, Wire.OFF_VERSION_MAJOR, "major version "
                    + buf.getUnsignedByte(start + Wire.OFF_VERSION_MAJOR) + ", this reader knows " + Wire.VERSION_MAJOR, length);
        }
        if (length < Wire.FIXED_HEADER_LENGTH) {
            return fail(DecodeError.TRUNCATED, length, "packet has " + length + " bytes, the fixed header alone needs "
                    + Wire.FIXED_HEADER_LENGTH, length);
        }
        int minor = buf.getUnsignedByte(start + Wire.OFF_VERSION_MINOR);
        int headerLength = buf.getUnsignedShort(start + Wire.OFF_HEADER_LENGTH);
        int typeCode = buf.getUnsignedShort(start + Wire.OFF_TYPE);
        int flags = buf.getUnsignedShort(start + Wire.OFF_FLAGS);
        int destinationCount = buf.getUnsignedShort(start + Wire.OFF_DESTINATION_COUNT);
        int subLength = buf.getUnsignedShort(start + Wire.OFF_SUB_HEADER_LENGTH);
        long payloadLength = buf.getUnsignedInt(start + Wire.OFF_PAYLOAD_LENGTH);

        MessageType type = MessageType.fromCode(typeCode);
        if (type == null) {
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
        if (total < length) {
            return fail(DecodeError.TRAILING_BYTES, (int) total, (length - total) + " bytes after the payload; lengths add up to "
                    + total, length);
        }
        int headerEnd = headerLength + subLength;
        if (verifyChecksums) {
            int stored = buf.getInt(start + Wire.OFF_HEADER_CHECKSUM);
            int actual = Crc32c.header(buf, start, headerEnd);
            if (stored != actual) {
                return fail(DecodeError.BAD_HEADER_CHECKSUM, Wire.OFF_HEADER_CHECKSUM,
                        String.format("stored 0x%08X, computed 0x%08X over bytes 0-39 and 44-%d", stored, actual, headerEnd - 1), length);
            }
        }
        String flagProblem = PacketRules.flagProblem(flags, destinationCount);
        if (flagProblem != null) {
            return fail(DecodeError.INCONSISTENT_FLAGS, Wire.OFF_FLAGS, flagProblem, length);
        }
        int[] destinations = new int[destinationCount];
        for (int i = 0; i < destinationCount; i++) {
            destinations[i] = buf.getInt(start + Wire.OFF_DESTINATIONS + 4 * i);
        }

        Object sub = readEntries(buf, start, headerLength, headerEnd, length);
        if (sub instanceof DecodeFailure f) {
            return f;
        }
        SubHeader subHeader = (SubHeader) sub;
        String entryProblem = PacketRules.entryProblem(flags, subHeader);
        if (entryProblem != null) {
            return fail(DecodeError.MISSING_ENTRY, headerLength, entryProblem, length);
        }
        int payloadLen = (int) payloadLength;
        if (verifyChecksums) {
            int stored = buf.getInt(start + Wire.OFF_PAYLOAD_CHECKSUM);
            int actual = Crc32c.of(buf, start + headerEnd, payloadLen);
            if (stored != actual) {
                return fail(DecodeError.BAD_PAYLOAD_CHECKSUM, headerEnd, String.format(
                        "payload bytes %d-%d have CRC-32C 0x%08X, the header (byte 36) says 0x%08X",
                        headerEnd, headerEnd + payloadLen - 1, actual, stored), length);
            }
        }
        PacketHeader header = new PacketHeader(minor, type, flags, buf.getInt(start + Wire.OFF_SOURCE),
                buf.getLong(start + Wire.OFF_MESSAGE_ID), buf.getInt(start + Wire.OFF_SEQUENCE), destinations);
        ByteBuf payload = retainPayload ? buf.retainedSlice(start + headerEnd, payloadLen)
                : buf.slice(start + headerEnd, payloadLen);
        return new Packet(header, subHeader, payload, retainPayload, true);
    }

    /** Reads entries in [from, to) (offsets relative to {@code start}); returns a SubHeader or a DecodeFailure. */
    private static Object readEntries(ByteBuf buf, int start, int from, int to, int length) {
        SubHeader.Builder b = SubHeader.builder();
        int seen = 0;
        List<UnknownEntry> unknown = null;
        int at = from;
        while (at < to) {
            if (to - at < Wire.ENTRY_HEADER_LENGTH) {
                return fail(DecodeError.BAD_ENTRY, at, (to - at) + " bytes left in the sub-header, an entry header needs "
                        + Wire.ENTRY_HEADER_LENGTH, length);
            }
            int code = buf.getUnsignedByte(start + at);
            int entryFlags = buf.getUnsignedByte(start + at + 1);
            int valueLength = buf.getUnsignedShort(start + at + 2);
            int value = at + Wire.ENTRY_HEADER_LENGTH;
            if (valueLength > to - value) {
                return fail(DecodeError.BAD_ENTRY, at + 2, String.format("entry type 0x%02X says %d value bytes, %d left in the sub-header",
                        code, valueLength, to - value), length);
            }
            EntryType type = EntryType.fromCode(code);
            if (type == null) {
                if ((entryFlags & Wire.ENTRY_FLAG_MANDATORY) != 0) {
                    return fail(DecodeError.UNKNOWN_MANDATORY_ENTRY, at, String.format("entry type 0x%02X is flagged mandatory", code), length);
                }
                byte[] bytes = new byte[valueLength];
                buf.getBytes(start + value, bytes);
                if (unknown == null) {
                    unknown = new ArrayList<>(2);
                }
                unknown.add(new UnknownEntry(code, entryFlags, bytes));
            } else {
                if ((seen & (1 << code)) != 0) {
                    return fail(DecodeError.DUPLICATE_ENTRY, at, "second " + type + " entry", length);
                }
                seen |= 1 << code;
                if (valueLength != type.valueLength()) {
                    return fail(DecodeError.BAD_ENTRY_VALUE, at + 2, type + " value is " + valueLength + " bytes, expected "
                            + type.valueLength(), length);
                }
                DecodeFailure f = readValue(b, type, buf, start + value, value, length);
                if (f != null) {
                    return f;
                }
            }
            at = value + valueLength;
        }
        if (unknown != null) {
            b.unknownEntries(unknown);
        }
        return b.build();
    }

    /** Sets one known entry on {@code b}; {@code index} is absolute, {@code offset} relative to the packet. */
    private static DecodeFailure readValue(SubHeader.Builder b, EntryType type, ByteBuf buf, int index, int offset, int length) {
        switch (type) {
            case EXPECTED_RESPONSES -> {
                CompletionPolicy policy = CompletionPolicy.fromCode(buf.getUnsignedByte(index));
                if (policy == null) {
                    return fail(DecodeError.BAD_ENTRY_VALUE, offset, "completion policy " + buf.getUnsignedByte(index), length);
                }
                int expected = buf.getUnsignedShort(index + 2);
                int required = buf.getUnsignedShort(index + 4);
                String problem = ResponseSpec.problem(policy, expected, required);
                if (problem != null) {
                    return fail(DecodeError.BAD_ENTRY_VALUE, offset + 2, problem, length);
                }
                b.responses(new ResponseSpec(policy, expected, required));
            }
            case TIMEOUT -> {
                long millis = buf.getUnsignedInt(index);
                if (millis > Integer.MAX_VALUE) {
                    return fail(DecodeError.BAD_ENTRY_VALUE, offset, "timeout " + millis + " ms exceeds 2^31-1", length);
                }
                b.timeoutMillis((int) millis);
            }
            case TARGET_DAEMON -> b.targetDaemon(buf.getUnsignedShort(index));
            case REPLY_TO -> b.replyTo(new ReplyTo(buf.getInt(index), buf.getUnsignedShort(index + 4)));
            case ORIGINATING_DAEMON -> b.originatingDaemon(buf.getUnsignedShort(index));
            case ERROR_CODE -> b.errorCode(buf.getUnsignedShort(index));
            default -> throw new AssertionError(type);
        }
        return null;
    }

    private static DecodeFailure fail(DecodeError error, int offset, String detail, int length) {
        return new DecodeFailure(error, offset, detail, length);
    }
}
