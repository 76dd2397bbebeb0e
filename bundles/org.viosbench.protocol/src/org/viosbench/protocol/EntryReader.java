package org.viosbench.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the sub-header entries of one packet from a byte array (offsets relative to the packet
 * start). A static method with local state: the decoder's hot path allocates nothing here but the
 * resulting {@link SubHeader}.
 */
final class EntryReader {

    private EntryReader() {
    }

    /**
     * Reads entries in [from, to) of the packet at array index {@code base}; returns a
     * {@link SubHeader} or a {@link DecodeFailure}. {@code length} is the packet length, for reports.
     */
    static Object read(byte[] a, int base, int from, int to, int length) {
        int policyCode = -1;
        int expected = 0;
        int required = 0;
        int timeoutMillis = SubHeader.ABSENT;
        int targetDaemon = SubHeader.ABSENT;
        boolean hasReplyTo = false;
        int replyVios = 0;
        int replyDaemon = 0;
        int originatingDaemon = SubHeader.ABSENT;
        int errorCode = SubHeader.ABSENT;
        List<UnknownEntry> unknown = null;
        int seen = 0;
        int at = from;
        while (at < to) {
            if (to - at < Wire.ENTRY_HEADER_LENGTH) {
                return PacketDecoder.fail(DecodeError.BAD_ENTRY, at, (to - at) + " bytes left in the sub-header, an entry header needs "
                        + Wire.ENTRY_HEADER_LENGTH, length);
            }
            int code = Bytes.u8(a, base + at);
            int entryFlags = Bytes.u8(a, base + at + 1);
            int valueLength = Bytes.u16(a, base + at + 2);
            int value = at + Wire.ENTRY_HEADER_LENGTH;
            int i = base + value;
            if (valueLength > to - value) {
                return PacketDecoder.fail(DecodeError.BAD_ENTRY, at + 2, String.format(
                        "entry type 0x%02X says %d value bytes, %d left in the sub-header", code, valueLength, to - value), length);
            }
            EntryType type = EntryType.fromCode(code);
            if (type == null) {
                if ((entryFlags & Wire.ENTRY_FLAG_MANDATORY) != 0) {
                    return PacketDecoder.fail(DecodeError.UNKNOWN_MANDATORY_ENTRY, at,
                            String.format("entry type 0x%02X is flagged mandatory", code), length);
                }
                if (unknown == null) {
                    unknown = new ArrayList<>(2);
                }
                unknown.add(new UnknownEntry(code, entryFlags, Arrays.copyOfRange(a, i, i + valueLength)));
                at = value + valueLength;
                continue;
            }
            if ((seen & (1 << code)) != 0) {
                return PacketDecoder.fail(DecodeError.DUPLICATE_ENTRY, at, "second " + type + " entry", length);
            }
            seen |= 1 << code;
            if (valueLength != type.valueLength()) {
                return PacketDecoder.fail(DecodeError.BAD_ENTRY_VALUE, at + 2, type + " value is " + valueLength
                        + " bytes, expected " + type.valueLength(), length);
            }
            switch (type) {
                case EXPECTED_RESPONSES -> {
                    policyCode = Bytes.u8(a, i);
                    expected = Bytes.u16(a, i + 2);
                    required = Bytes.u16(a, i + 4);
                    CompletionPolicy policy = CompletionPolicy.fromCode(policyCode);
                    if (policy == null) {
                        return PacketDecoder.fail(DecodeError.BAD_ENTRY_VALUE, value, "completion policy " + policyCode, length);
                    }
                    String problem = ResponseSpec.problem(policy, expected, required);
                    if (problem != null) {
                        return PacketDecoder.fail(DecodeError.BAD_ENTRY_VALUE, value + 2, problem, length);
                    }
                }
                case TIMEOUT -> {
                    long millis = Bytes.u32(a, i);
                    if (millis > Integer.MAX_VALUE) {
                        return PacketDecoder.fail(DecodeError.BAD_ENTRY_VALUE, value, "timeout " + millis + " ms exceeds 2^31-1", length);
                    }
                    timeoutMillis = (int) millis;
                }
                case TARGET_DAEMON -> targetDaemon = Bytes.u16(a, i);
                case REPLY_TO -> {
                    hasReplyTo = true;
                    replyVios = Bytes.i32(a, i);
                    replyDaemon = Bytes.u16(a, i + 4);
                }
                case ORIGINATING_DAEMON -> originatingDaemon = Bytes.u16(a, i);
                case ERROR_CODE -> errorCode = Bytes.u16(a, i);
                default -> throw new AssertionError(type);
            }
            at = value + valueLength;
        }
        return new SubHeader(policyCode, expected, required, timeoutMillis, targetDaemon, hasReplyTo, replyVios, replyDaemon,
                originatingDaemon, errorCode, unknown == null ? List.of() : List.copyOf(unknown));
    }
}
