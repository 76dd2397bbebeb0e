package org.viosbench.protocol;

import java.util.List;
import java.util.Objects;

/**
 * The sub-header entries of a packet, immutable. Absent numeric entries read as {@link #ABSENT}.
 * Build one with {@link #builder()}.
 */
public final class SubHeader {
    /** Value of an absent numeric entry. */
    public static final int ABSENT = -1;

    /** Wire code of the completion policy, or -1 when no response is requested. */
    private final int policyCode;
    private final int expected;
    private final int required;
    private final int timeoutMillis;
    private final int targetDaemon;
    private final boolean hasReplyTo;
    private final int replyVios;
    private final int replyDaemon;
    private final int originatingDaemon;
    private final int errorCode;
    private final List<UnknownEntry> unknown;

    /** Decoder path: values already checked; entries kept as primitives so decoding allocates little. */
    SubHeader(int policyCode, int expected, int required, int timeoutMillis, int targetDaemon, boolean hasReplyTo, int replyVios,
            int replyDaemon, int originatingDaemon, int errorCode, List<UnknownEntry> unknown) {
        this.policyCode = policyCode;
        this.expected = expected;
        this.required = required;
        this.timeoutMillis = timeoutMillis;
        this.targetDaemon = targetDaemon;
        this.hasReplyTo = hasReplyTo;
        this.replyVios = replyVios;
        this.replyDaemon = replyDaemon;
        this.originatingDaemon = originatingDaemon;
        this.errorCode = errorCode;
        this.unknown = unknown;
    }

    private SubHeader(Builder b) {
        this.policyCode = b.responses == null ? -1 : b.responses.policy().code();
        this.expected = b.responses == null ? 0 : b.responses.expected();
        this.required = b.responses == null ? 0 : b.responses.required();
        this.timeoutMillis = b.timeoutMillis;
        this.targetDaemon = b.targetDaemon;
        this.hasReplyTo = b.replyTo != null;
        this.replyVios = b.replyTo == null ? 0 : b.replyTo.vios();
        this.replyDaemon = b.replyTo == null ? 0 : b.replyTo.daemon();
        this.originatingDaemon = b.originatingDaemon;
        this.errorCode = b.errorCode;
        this.unknown = List.copyOf(b.unknown);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this sub-header's entries, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.responses = responses();
        b.timeoutMillis = timeoutMillis;
        b.targetDaemon = targetDaemon;
        b.replyTo = replyTo();
        b.originatingDaemon = originatingDaemon;
        b.errorCode = errorCode;
        b.unknown = unknown;
        return b;
    }

    /** The response request, or null when no response is requested. */
    public ResponseSpec responses() {
        return policyCode < 0 ? null : new ResponseSpec(CompletionPolicy.fromCode(policyCode), expected, required);
    }

    /** Whether a response is requested (an EXPECTED_RESPONSES entry is present). */
    public boolean hasResponses() {
        return policyCode >= 0;
    }

    /** Response timeout in milliseconds; {@link #ABSENT} when the entry is missing, 0 for none. */
    public int timeoutMillis() {
        return timeoutMillis;
    }

    /** The receiving daemon's handler id, or {@link #ABSENT}. */
    public int targetDaemon() {
        return targetDaemon;
    }

    /** Where responses go, or null (then: the source VIOS and the originating daemon). */
    public ReplyTo replyTo() {
        return hasReplyTo ? new ReplyTo(replyVios, replyDaemon) : null;
    }

    public int originatingDaemon() {
        return originatingDaemon;
    }

    /** The errno-style code of an error response, or {@link #ABSENT}. */
    public int errorCode() {
        return errorCode;
    }

    /** Entries of unknown, non-mandatory types, in wire order; never null. */
    public List<UnknownEntry> unknownEntries() {
        return unknown;
    }

    /** Bytes these entries take on the wire. */
    public int encodedLength() {
        int n = 0;
        if (policyCode >= 0) {
            n += Wire.ENTRY_HEADER_LENGTH + EntryType.EXPECTED_RESPONSES.valueLength();
        }
        if (timeoutMillis != ABSENT) {
            n += Wire.ENTRY_HEADER_LENGTH + EntryType.TIMEOUT.valueLength();
        }
        if (targetDaemon != ABSENT) {
            n += Wire.ENTRY_HEADER_LENGTH + EntryType.TARGET_DAEMON.valueLength();
        }
        if (hasReplyTo) {
            n += Wire.ENTRY_HEADER_LENGTH + EntryType.REPLY_TO.valueLength();
        }
        if (originatingDaemon != ABSENT) {
            n += Wire.ENTRY_HEADER_LENGTH + EntryType.ORIGINATING_DAEMON.valueLength();
        }
        if (errorCode != ABSENT) {
            n += Wire.ENTRY_HEADER_LENGTH + EntryType.ERROR_CODE.valueLength();
        }
        for (UnknownEntry e : unknown) {
            n += Wire.ENTRY_HEADER_LENGTH + e.value().length;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubHeader s && Objects.equals(s.responses(), responses()) && s.timeoutMillis == timeoutMillis
                && s.targetDaemon == targetDaemon && Objects.equals(s.replyTo(), replyTo())
                && s.originatingDaemon == originatingDaemon && s.errorCode == errorCode && s.unknown.equals(unknown);
    }

    @Override
    public int hashCode() {
        return Objects.hash(responses(), timeoutMillis, targetDaemon, replyTo(), originatingDaemon, errorCode, unknown);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SubHeader[");
        if (policyCode >= 0) {
            sb.append("responses=").append(CompletionPolicy.fromCode(policyCode)).append(' ').append(required).append('/')
                    .append(expected).append(", ");
        }
        if (timeoutMillis != ABSENT) {
            sb.append("timeout=").append(timeoutMillis).append("ms, ");
        }
        if (targetDaemon != ABSENT) {
            sb.append("target=").append(targetDaemon).append(", ");
        }
        if (hasReplyTo) {
            sb.append("replyTo=").append(Integer.toUnsignedString(replyVios)).append('/').append(replyDaemon).append(", ");
        }
        if (originatingDaemon != ABSENT) {
            sb.append("origin=").append(originatingDaemon).append(", ");
        }
        if (errorCode != ABSENT) {
            sb.append("error=").append(errorCode).append(", ");
        }
        if (!unknown.isEmpty()) {
            sb.append("unknown=").append(unknown.size()).append(", ");
        }
        if (sb.charAt(sb.length() - 1) == ' ') {
            sb.setLength(sb.length() - 2);
        }
        return sb.append(']').toString();
    }

    /** Collects entries; {@link #build()} may be called more than once. */
    public static final class Builder {
        private ResponseSpec responses;
        private int timeoutMillis = ABSENT;
        private int targetDaemon = ABSENT;
        private ReplyTo replyTo;
        private int originatingDaemon = ABSENT;
        private int errorCode = ABSENT;
        private List<UnknownEntry> unknown = List.of();

        private Builder() {
        }

        public Builder responses(ResponseSpec spec) {
            this.responses = spec;
            return this;
        }

        /** @param millis 0..2^31-1; 0 means no timeout */
        public Builder timeoutMillis(int millis) {
            this.timeoutMillis = check(millis, 0, Integer.MAX_VALUE, "timeout");
            return this;
        }

        public Builder targetDaemon(int daemon) {
            this.targetDaemon = check(daemon, 0, 0xFFFF, "target daemon");
            return this;
        }

        public Builder replyTo(ReplyTo to) {
            this.replyTo = to;
            return this;
        }

        public Builder originatingDaemon(int daemon) {
            this.originatingDaemon = check(daemon, 0, 0xFFFF, "originating daemon");
            return this;
        }

        public Builder errorCode(int code) {
            this.errorCode = check(code, 0, 0xFFFF, "error code");
            return this;
        }

        public Builder unknownEntries(List<UnknownEntry> entries) {
            this.unknown = List.copyOf(entries);
            return this;
        }

        public SubHeader build() {
            return new SubHeader(this);
        }

        private static int check(int value, int min, int max, String what) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(what + " must be " + min + ".." + max + ", not " + value);
            }
            return value;
        }
    }
}
