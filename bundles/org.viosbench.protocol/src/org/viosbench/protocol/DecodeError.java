package org.viosbench.protocol;

/** The ways a packet can be malformed; each decode failure names one and the byte offset. */
public enum DecodeError {
    BAD_MAGIC("not a VIOS packet (bad magic)"),
    UNSUPPORTED_VERSION("unsupported major version"),
    TRUNCATED("packet is shorter than its lengths say"),
    TRAILING_BYTES("packet is longer than its lengths say"),
    BAD_HEADER_LENGTH("header length does not match the destination count"),
    UNKNOWN_MESSAGE_TYPE("unknown message type"),
    TOO_MANY_DESTINATIONS("too many destinations"),
    SUB_HEADER_TOO_LONG("sub-header longer than the limit"),
    PAYLOAD_TOO_LONG("payload longer than the limit"),
    BAD_HEADER_CHECKSUM("header checksum mismatch"),
    BAD_PAYLOAD_CHECKSUM("payload checksum mismatch"),
    INCONSISTENT_FLAGS("flags contradict the packet"),
    BAD_ENTRY("sub-header entry length is wrong"),
    BAD_ENTRY_VALUE("sub-header entry value is invalid"),
    DUPLICATE_ENTRY("sub-header entry appears twice"),
    UNKNOWN_MANDATORY_ENTRY("unknown sub-header entry flagged mandatory"),
    MISSING_ENTRY("a required sub-header entry is missing"),
    FRAME_TOO_LONG("frame longer than the largest packet");

    private final String summary;

    DecodeError(String summary) {
        this.summary = summary;
    }

    /** A short description for people. */
    public String summary() {
        return summary;
    }
}
