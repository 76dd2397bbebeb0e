package org.viosbench.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * The header fields of a packet, immutable. Lengths and checksums are not stored: the encoder
 * computes them and the decoder checks them.
 */
public final class PacketHeader {
    private static final int[] NONE = new int[0];

    private final int versionMinor;
    private final MessageType type;
    private final int flags;
    private final int source;
    private final long messageId;
    private final int sequence;
    private final int[] destinations;

    /**
     * @param flags        the {@code Wire.FLAG_*} bits
     * @param destinations the destination VIOS ids; empty for a broadcast (copied)
     */
    public PacketHeader(MessageType type, int flags, int source, long messageId, int sequence, int... destinations) {
        this(Wire.VERSION_MINOR, type, flags, source, messageId, sequence,
                destinations.length == 0 ? NONE : destinations.clone());
    }

    /** Used by the decoder, which hands over its own array. */
    PacketHeader(int versionMinor, MessageType type, int flags, int source, long messageId, int sequence,
            int[] destinations) {
        this.versionMinor = versionMinor;
        this.type = Objects.requireNonNull(type, "type");
        this.flags = flags;
        this.source = source;
        this.messageId = messageId;
        this.sequence = sequence;
        this.destinations = destinations;
    }

    /** The minor version the packet was written with (readers accept any minor of major 1). */
    public int versionMinor() {
        return versionMinor;
    }

    public MessageType type() {
        return type;
    }

    public int flags() {
        return flags;
    }

    public boolean broadcast() {
        return (flags & Wire.FLAG_BROADCAST) != 0;
    }

    public boolean responseRequested() {
        return (flags & Wire.FLAG_RESPONSE_REQUESTED) != 0;
    }

    public boolean isResponse() {
        return (flags & Wire.FLAG_RESPONSE) != 0;
    }

    public boolean isError() {
        return (flags & Wire.FLAG_ERROR) != 0;
    }

    /** The sending VIOS id (unsigned 32 bits). */
    public int source() {
        return source;
    }

    /** Correlates a request with its responses; unique per sending VIOS. */
    public long messageId() {
        return messageId;
    }

    public int sequence() {
        return sequence;
    }

    public int destinationCount() {
        return destinations.length;
    }

    public int destination(int index) {
        return destinations[index];
    }

    /** A copy of the destination ids; empty for a broadcast. */
    public int[] destinations() {
        return destinations.clone();
    }

    /** Whether {@code vios} is addressed: listed, or any VIOS for a broadcast. */
    public boolean addresses(int vios) {
        if (broadcast()) {
            return true;
        }
        for (int d : destinations) {
            if (d == vios) {
                return true;
            }
        }
        return false;
    }

    /** Bytes this header takes on the wire (version 1.0 layout). */
    public int encodedLength() {
        return Wire.headerLength(destinations.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PacketHeader h && h.versionMinor == versionMinor && h.type == type && h.flags == flags
                && h.source == source && h.messageId == messageId && h.sequence == sequence
                && Arrays.equals(h.destinations, destinations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, flags, source, messageId, sequence) * 31 + Arrays.hashCode(destinations);
    }

    @Override
    public String toString() {
        return "PacketHeader[" + type + (broadcast() ? " broadcast" : " to " + Arrays.toString(destinations))
                + (responseRequested() ? " response-requested" : "") + (isResponse() ? " response" : "")
                + (isError() ? " error" : "") + ", source=" + Integer.toUnsignedString(source) + ", id="
                + Long.toUnsignedString(messageId) + ", seq=" + Integer.toUnsignedString(sequence) + "]";
    }
}
