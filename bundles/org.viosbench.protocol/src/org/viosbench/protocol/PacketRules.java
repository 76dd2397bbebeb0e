package org.viosbench.protocol;

/**
 * The rules that tie header flags to the destination list and the sub-header. The encoder refuses
 * packets that break them; the decoder reports them as {@link DecodeError#INCONSISTENT_FLAGS} or
 * {@link DecodeError#MISSING_ENTRY}.
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

    /** What the sub-header lacks or contradicts given the flags, or null. */
    static String entryProblem(int flags, SubHeader sub) {
        boolean requested = (flags & Wire.FLAG_RESPONSE_REQUESTED) != 0;
        if (requested && !sub.hasResponses()) {
            return "response requested but no EXPECTED_RESPONSES entry";
        }
        if (!requested && sub.hasResponses()) {
            return "EXPECTED_RESPONSES entry without the response-requested flag";
        }
        if (sub.targetDaemon() == SubHeader.ABSENT) {
            return "no TARGET_DAEMON entry";
        }
        boolean error = (flags & Wire.FLAG_ERROR) != 0;
        if (error && sub.errorCode() == SubHeader.ABSENT) {
            return "error response without an ERROR_CODE entry";
        }
        if (!error && sub.errorCode() != SubHeader.ABSENT) {
            return "ERROR_CODE entry without the error flag";
        }
        return null;
    }
}
