package org.viosbench.protocol;

/**
 * The rules that tie header flags to the destination list and the sub-header. The encoder refuses
 * packets that break them; the decoder reports a required entry that is absent as
 * {@link DecodeError#MISSING_ENTRY} and every other disagreement (wrong flags, or an entry present
 * that the flags forbid) as {@link DecodeError#INCONSISTENT_FLAGS}.
 */
final class PacketRules {

    private PacketRules() {
    }

    /** Whether the flags agree with the destination count: the hot-path form of {@link #flagProblem}. */
    static boolean flagsValid(int flags, int destinationCount) {
        boolean broadcast = (flags & Wire.FLAG_BROADCAST) != 0;
        boolean response = (flags & Wire.FLAG_RESPONSE) != 0;
        return broadcast == (destinationCount == 0)
                && !(response && ((flags & Wire.FLAG_RESPONSE_REQUESTED) != 0 || broadcast))
                && (response || (flags & Wire.FLAG_ERROR) == 0);
    }

    /** Whether the sub-header fits the flags: the hot-path form of {@link #entryProblem}. */
    static boolean entriesValid(int flags, SubHeader sub) {
        return ((flags & Wire.FLAG_RESPONSE_REQUESTED) != 0) == sub.hasResponses()
                && sub.targetDaemon() != SubHeader.ABSENT
                && ((flags & Wire.FLAG_ERROR) != 0) == (sub.errorCode() != SubHeader.ABSENT);
    }

    /** What is wrong with the flags, or null. */
    static String flagProblem(int flags, int destinationCount) {
        boolean broadcast = (flags & Wire.FLAG_BROADCAST) != 0;
        boolean response = (flags & Wire.FLAG_RESPONSE) != 0;
        if (broadcast && destinationCount > 0) {
            return "broadcast packet lists " + destinationCount + " destinations";
        }
        if (!broadcast && destinationCount == 0) {
            return "packet has no destination and is not a broadcast";
        }
        if (response && (flags & Wire.FLAG_RESPONSE_REQUESTED) != 0) {
            return "a response cannot request a response";
        }
        if (response && broadcast) {
            return "a response cannot be a broadcast";
        }
        if (!response && (flags & Wire.FLAG_ERROR) != 0) {
            return "error flag on a packet that is not a response";
        }
        return null;
    }

    /**
     * The decoder's report for a sub-header that {@link #entriesValid} refused: the first broken rule in
     * {@link #entryProblem}'s order; an absent required entry is MISSING_ENTRY at the sub-header's start,
     * an entry the flags forbid is INCONSISTENT_FLAGS at the flags field.
     */
    static DecodeFailure entryFailure(int flags, SubHeader sub, int subHeaderStart, int length) {
        Broken b = broken(flags, sub);
        return b.missing() ? PacketDecoder.fail(DecodeError.MISSING_ENTRY, subHeaderStart, b.text(), length)
                : PacketDecoder.fail(DecodeError.INCONSISTENT_FLAGS, Wire.OFF_FLAGS, b.text(), length);
    }

    /** What the sub-header lacks or contradicts given the flags, or null. */
    static String entryProblem(int flags, SubHeader sub) {
        Broken b = broken(flags, sub);
        return b == null ? null : b.text();
    }

    /** A broken rule: a required entry that is absent ({@code missing}), or an entry the flags forbid. */
    private record Broken(boolean missing, String text) {
    }

    private static Broken broken(int flags, SubHeader sub) {
        boolean requested = (flags & Wire.FLAG_RESPONSE_REQUESTED) != 0;
        if (requested && !sub.hasResponses()) {
            return new Broken(true, "response requested but no EXPECTED_RESPONSES entry");
        }
        if (!requested && sub.hasResponses()) {
            return new Broken(false, "EXPECTED_RESPONSES entry without the response-requested flag");
        }
        if (sub.targetDaemon() == SubHeader.ABSENT) {
            return new Broken(true, "no TARGET_DAEMON entry");
        }
        boolean error = (flags & Wire.FLAG_ERROR) != 0;
        if (error && sub.errorCode() == SubHeader.ABSENT) {
            return new Broken(true, "error response without an ERROR_CODE entry");
        }
        if (!error && sub.errorCode() != SubHeader.ABSENT) {
            return new Broken(false, "ERROR_CODE entry without the error flag");
        }
        return null;
    }
}
