package org.viosbench.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the sub-header entries of one packet from a byte array (offsets relative to the packet
 * start). A static method with local state: the decoder's hot path allocates nothing here but the
 * resulting {@link SubHeader}. Failure texts are built in separate cold methods so that the hot
 * loop stays small enough for the JIT to inline into the decoder.
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
                return shortEntry(at, to, length);
            }
            int code = Bytes.u8(a, base + at);
            int valueLength = Bytes.u16(a, base + at + 2);
            int value = at + Wire.ENTRY_HEADER_LENGTH;
            int i = base + value;
            if (valueLength > to - value) {
                return lyingEntry(code, valueLength, at, to, length);
            }
            EntryType type = EntryType.fromCode(code);
            if (type == null) {
                int entryFlags = Bytes.u8(a, base + at + 1);
                if ((entryFlags & Wire.ENTRY_FLAG_MANDATORY) != 0) {
                    return unknownMandatory(code, at, length);
                }
                if (unknown != null && repeated(unknown, code)) {
                    return PacketDecoder.fail(DecodeError.DUPLICATE_ENTRY, at, String.format("second entry of type 0x%02X", code), length);
                }
                unknown = withUnknown(unknown, new UnknownEntry(code, entryFlags, Arrays.copyOfRange(a, i, i + valueLength)));
                at = value + valueLength;
                continue;
            }
            if ((seen & (1 << code)) != 0 || valueLength != type.valueLength()) {
                return badEntry(type, (seen & (1 << code)) != 0, valueLength, at, length);
            }
            seen |= 1 << code;
            switch (code) {
                case Wire.ENTRY_EXPECTED_RESPONSES -> {
                    policyCode = Bytes.u8(a, i);
                    expected = Bytes.u16(a, i + 2);
                    required = Bytes.u16(a, i + 4);
                    if (!ResponseSpec.valid(policyCode, expected, required)) {
                        return badResponses(policyCode, expected, required, value, length);
                    }
                }
                case Wire.ENTRY_TIMEOUT -> {
                    timeoutMillis = Bytes.i32(a, i);
                    if (timeoutMillis < 0) {
                        return badTimeout(timeoutMillis, value, length);
                    }
                }
                case Wire.ENTRY_TARGET_DAEMON -> targetDaemon = Bytes.u16(a, i);
                case Wire.ENTRY_REPLY_TO -> {
                    hasReplyTo = true;
                    replyVios = Bytes.i32(a, i);
                    replyDaemon = Bytes.u16(a, i + 4);
                }
                case Wire.ENTRY_ORIGINATING_DAEMON -> originatingDaemon = Bytes.u16(a, i);
                case Wire.ENTRY_ERROR_CODE -> errorCode = Bytes.u16(a, i);
                default -> throw new AssertionError(type);
            }
            at = value + valueLength;
        }
        return new SubHeader(policyCode, expected, required, timeoutMillis, targetDaemon, hasReplyTo, replyVios, replyDaemon,
                originatingDaemon, errorCode, unknown == null ? List.of() : List.copyOf(unknown));
    }

    private static boolean repeated(List<UnknownEntry> unknown, int code) {
        for (UnknownEntry e : unknown) {
            if (e.type() == code) {
                return true;
            }
        }
        return false;
    }

    private static List<UnknownEntry> withUnknown(List<UnknownEntry> list, UnknownEntry entry) {
        List<UnknownEntry> l = list == null ? new ArrayList<>(2) : list;
        l.add(entry);
        return l;
    }

    private static DecodeFailure shortEntry(int at, int to, int length) {
        return PacketDecoder.fail(DecodeError.BAD_ENTRY, at, (to - at) + " bytes left in the sub-header, an entry header needs "
                + Wire.ENTRY_HEADER_LENGTH, length);
    }

    private static DecodeFailure lyingEntry(int code, int valueLength, int at, int to, int length) {
        return PacketDecoder.fail(DecodeError.BAD_ENTRY, at + 2, String.format("entry type 0x%02X says %d value bytes, %d left in the sub-header",
                code, valueLength, to - at - Wire.ENTRY_HEADER_LENGTH), length);
    }

    private static DecodeFailure unknownMandatory(int code, int at, int length) {
        return PacketDecoder.fail(DecodeError.UNKNOWN_MANDATORY_ENTRY, at, String.format("entry type 0x%02X is flagged mandatory", code), length);
    }

    private static DecodeFailure badEntry(EntryType type, boolean duplicate, int valueLength, int at, int length) {
        if (duplicate) {
            return PacketDecoder.fail(DecodeError.DUPLICATE_ENTRY, at, "second " + type + " entry", length);
        }
        return PacketDecoder.fail(DecodeError.BAD_ENTRY, at + 2, type + " value length is " + valueLength + " bytes, the type has "
                + type.valueLength(), length);
    }

    private static DecodeFailure badResponses(int policyCode, int expected, int required, int value, int length) {
        CompletionPolicy policy = CompletionPolicy.fromCode(policyCode);
        if (policy == null) {
            return PacketDecoder.fail(DecodeError.BAD_ENTRY_VALUE, value, "completion policy " + policyCode, length);
        }
        // The field that is wrong: M when it is out of range, else N (which breaks the policy's rule for that M).
        int field = expected < 1 ? value + 2 : value + 4;
        return PacketDecoder.fail(DecodeError.BAD_ENTRY_VALUE, field, ResponseSpec.problem(policy, expected, required), length);
    }

    private static DecodeFailure badTimeout(int timeoutMillis, int value, int length) {
        return PacketDecoder.fail(DecodeError.BAD_ENTRY_VALUE, value, "timeout " + Integer.toUnsignedLong(timeoutMillis)
                + " ms exceeds 2^31-1", length);
    }
}
